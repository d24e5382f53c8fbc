import type { ChannelDelivery } from '@ihm/contracts';
import Link from 'next/link';
import { notificationLabel } from '../../lib/alert-timeline';
import { formatDateTime, formatMs } from '../../lib/format';
import { TimeAgo } from '../alerts/time-ago';
import { DataTable } from '../data-table';
import { OutcomeText } from '../alerts/timeline-table';

/** The table's columns, in order; its skeleton shows the same headers. */
export const DELIVERY_LOG_COLUMNS = [
  'Time',
  'Notification',
  'Outcome',
  'HTTP',
  'Duration',
  'Error',
  'Message ID',
] as const;

/** What the attempt was about: its alert (a link), or the integration it named once the alert is gone. */
function About({ delivery }: { delivery: ChannelDelivery }) {
  const name = delivery.integrationName || 'A deleted integration';
  return (
    <>
      {delivery.alertId ? (
        <Link href={`/alerts/${encodeURIComponent(delivery.alertId)}`} className="name">
          {name}
        </Link>
      ) : (
        <span className="name">
          {name} <span className="muted">(alert deleted)</span>
        </span>
      )}
      <span className="muted kind">{notificationLabel(delivery.kind)}</span>
    </>
  );
}

/**
 * A channel's delivery attempts, newest first, one line each (a card each on a phone); a grouped message
 * shows once per alert, with the same message id.
 */
export function DeliveryLogTable({
  deliveries,
  now,
}: {
  deliveries: readonly ChannelDelivery[];
  now: number;
}) {
  return (
    <DataTable columns={DELIVERY_LOG_COLUMNS} className="data delivery-log stacked">
      {deliveries.map((delivery) => (
        <tr key={delivery.id}>
          <td className="nowrap">
            <TimeAgo iso={delivery.at} now={now} />
            <span className="muted exact">{formatDateTime(delivery.at)}</span>
          </td>
          <td className="about">
            <About delivery={delivery} />
          </td>
          <td>
            <OutcomeText outcome={delivery.outcome} />
          </td>
          <td className="num" data-label="HTTP">
            {delivery.status ?? '—'}
          </td>
          <td className="num nowrap">{formatMs(delivery.durationMs)}</td>
          <td className="message">{delivery.error ?? ''}</td>
          <td className="message-id" data-label="Message ID">
            <code>{delivery.messageId}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
