import type { Silence } from '@ihm/contracts';
import type { ActionResult } from '../../lib/action-result';
import { formatDateTime } from '../../lib/format';
import { silenceAgenda, weeklyWindowText } from '../../lib/silence-agenda';
import { TimeAgo } from '../alerts/time-ago';
import { CardActions } from '../card-actions';
import { ManagedByFileBadge } from '../managed-by-file';
import { scopeSummary } from '../scope/scope-summary';

interface SilenceAgendaViewProps {
  silences: readonly Silence[];
  now: number;
  integrationName(id: string): string;
  /** Absent for a viewer: no edit or delete. */
  deleteAction?: ((silenceId: string) => Promise<ActionResult<null>>) | undefined;
}

function When({ silence, now }: { silence: Silence; now: number }) {
  return (
    <p className="agenda-when">
      <time dateTime={silence.startsAt}>{formatDateTime(silence.startsAt)}</time> →{' '}
      <time dateTime={silence.endsAt}>{formatDateTime(silence.endsAt)}</time>{' '}
      <span className="muted">
        ({Date.parse(silence.endsAt) > now ? 'ends' : 'ended'} <TimeAgo iso={silence.endsAt} now={now} />)
      </span>
    </p>
  );
}

/** Silences as an agenda: active now, upcoming, ended; each with its time, windows, scope, comment and edit. */
export function SilenceAgendaView({ silences, now, integrationName, deleteAction }: SilenceAgendaViewProps) {
  return silenceAgenda(silences, now).map((section) => {
    const headingId = `silences-${section.phase}`;
    return (
      <section key={section.phase} aria-labelledby={headingId} className={`agenda ${section.phase}`}>
        <h2 id={headingId}>
          {section.label} <span className="muted">{section.items.length}</span>
        </h2>
        <ul className="cards">
          {section.items.map((silence) => (
            <li key={silence.id} className="panel card">
              <When silence={silence} now={now} />
              {silence.recurrence ? (
                <p className="muted">Weekly: {silence.recurrence.weekly.map(weeklyWindowText).join(', ')}</p>
              ) : null}
              <p>
                <strong>{scopeSummary(silence.scope, integrationName)}</strong>
              </p>
              <p className="agenda-comment">{silence.comment}</p>
              {silence.managedBy ? <ManagedByFileBadge file={silence.managedBy} /> : null}
              {deleteAction ? (
                <CardActions
                  editHref={`/alerts/silences/${encodeURIComponent(silence.id)}/edit`}
                  name={silence.comment}
                  what="the silence"
                  consequence="What it holds back is sent now."
                  deleteAction={deleteAction.bind(null, silence.id)}
                  managedBy={silence.managedBy}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    );
  });
}
