import { formatDateTime, formatRelative } from '../../lib/format';

/** "5 min ago", with the instant itself on hover and for machines. */
export function TimeAgo({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}
