import type { ProbeResult } from '@ihm/contracts';
import { Fragment } from 'react';
import { VERDICT_LABELS } from '../../lib/delivery-verdicts';
import { formatDateTime, formatNumber } from '../../lib/format';
import { DataTable } from '../data-table';

export const DELIVERY_COLUMNS = ['Received', 'Verdict', 'Reason', 'Delivery id', 'Payload'] as const;

/** A delivery's verdict, or "no delivery" for a detected silence (a result without a delivery). */
function VerdictBadge({ result }: { result: ProbeResult }) {
  const verdict = result.evidence?.delivery?.verdict;
  const label = verdict ? VERDICT_LABELS[verdict] : 'no delivery';
  return <span className={`status ${verdict === 'accepted' ? 'up' : result.status}`}>{label}</span>;
}

function Payload({ result }: { result: ProbeResult }) {
  const delivery = result.evidence?.delivery;
  if (!delivery) return <>—</>;
  return (
    <details className="delivery-payload">
      <summary>
        {formatNumber(delivery.bytes)} bytes{delivery.contentType ? ` · ${delivery.contentType}` : ''}
      </summary>
      <pre className="code">
        {delivery.excerpt}
        {delivery.truncated ? '\n…' : ''}
      </pre>
      {Object.keys(delivery.headers).length > 0 ? (
        <dl className="facts">
          {Object.entries(delivery.headers).map(([name, value]) => (
            <Fragment key={name}>
              <dt>{name}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
    </details>
  );
}

/** The latest deliveries (and detected silences), newest first; the payload opens on demand. */
export function DeliveriesTable({ results }: { results: readonly ProbeResult[] }) {
  if (results.length === 0)
    return <div className="empty">No deliveries yet: they appear here as the provider sends them.</div>;
  return (
    <DataTable columns={DELIVERY_COLUMNS} className="data deliveries">
      {results.map((result) => (
        <tr key={result.startedAt}>
          <td className="nowrap" data-label="Received">
            <time dateTime={result.startedAt}>{formatDateTime(result.startedAt)}</time>
          </td>
          <td data-label="Verdict">
            <VerdictBadge result={result} />
          </td>
          <td className="message" data-label="Reason">
            {result.message}
          </td>
          <td data-label="Delivery id">
            <code>{result.evidence?.delivery?.deliveryId ?? '—'}</code>
          </td>
          <td data-label="Payload">
            <Payload result={result} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
