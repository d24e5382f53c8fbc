import type { ProbeResult } from '@ihm/contracts';
import { CATEGORY_LABELS } from '@ihm/diagnosis';
import { Fragment, type ReactNode } from 'react';
import { formatDateTime, formatMs, formatNumber, formatRelative, formatSeconds } from '../lib/format';
import { phaseTimings } from '../lib/phase-timings';
import { ProbeTimingsChart } from './probe-timings-chart';
import { StatusBadge } from './status-badge';

export interface ProbeResultViewProps {
  result: ProbeResult;
  /** Shown as the view's own heading; leave it out when the page already names the result. */
  heading?: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="probe-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Instant({ iso }: { iso: string }) {
  return (
    <>
      <time dateTime={iso}>{formatDateTime(iso)}</time> <span className="muted">({formatRelative(iso)})</span>
    </>
  );
}

/** Definition-list rows, leaving out the ones with nothing to say. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([term, detail]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function present(rows: [string, ReactNode | null][]): [string, ReactNode][] {
  return rows.filter((row): row is [string, ReactNode] => row[1] !== null);
}

function Timings({ timings }: { timings: ProbeResult['timings'] }) {
  const phases = phaseTimings(timings);
  if (phases.length === 0) return null;
  return (
    <Section title="Timings">
      <div className="probe-timings">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {phases.map((phase) => (
              <tr key={phase.label}>
                <th scope="row">{phase.label}</th>
                <td className="num">{formatMs(phase.ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ProbeTimingsChart phases={phases} />
      </div>
    </Section>
  );
}

function RateLimitFacts({ rateLimit }: { rateLimit: NonNullable<ProbeResult['rateLimit']> }) {
  const rows = present([
    ['Limit', rateLimit.limit === null ? null : formatNumber(rateLimit.limit)],
    ['Remaining', rateLimit.remaining === null ? null : formatNumber(rateLimit.remaining)],
    ['Resets', rateLimit.resetAt === null ? null : <Instant iso={rateLimit.resetAt} />],
    ['Retry after', rateLimit.retryAfterSeconds === null ? null : formatSeconds(rateLimit.retryAfterSeconds)],
  ]);
  if (rows.length === 0) return null;
  return (
    <Section title="Rate limit">
      <Facts rows={rows} />
    </Section>
  );
}

function Credentials({ tls, tokenExpiresAt }: Pick<ProbeResult, 'tls' | 'tokenExpiresAt'>) {
  const rows = present([
    ['Certificate subject', tls?.subject ?? null],
    ['Certificate issuer', tls?.issuer ?? null],
    ['Certificate valid to', tls?.validTo ? <Instant iso={tls.validTo} /> : null],
    ['Token expires', tokenExpiresAt ? <Instant iso={tokenExpiresAt} /> : null],
  ]);
  if (rows.length === 0) return null;
  return (
    <Section title="Certificate and token">
      <Facts rows={rows} />
    </Section>
  );
}

function Evidence({ evidence }: { evidence: NonNullable<ProbeResult['evidence']> }) {
  const headers = Object.entries(evidence.responseHeaders);
  if (headers.length === 0 && evidence.bodyExcerpt === null) return null;
  return (
    <Section title="Evidence">
      {headers.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Response headers</caption>
            <thead>
              <tr>
                <th scope="col">Response header</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {headers.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">
                    <code>{name}</code>
                  </th>
                  <td>
                    <code>{value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {evidence.bodyExcerpt !== null ? (
        <figure className="probe-body">
          <figcaption className="muted">
            Response body (its beginning: 2 KiB of a stored result, 256 KiB of a Test; secrets redacted)
          </figcaption>
          {/* Focusable so that keyboard users can scroll a long excerpt. */}
          <pre tabIndex={0}>{evidence.bodyExcerpt || '(empty)'}</pre>
        </figure>
      ) : null}
    </Section>
  );
}

/** Everything one probe found: verdict, diagnosis, what to do, and the evidence behind it. */
export function ProbeResultView({ result, heading }: ProbeResultViewProps) {
  return (
    <section className="probe-result" aria-label={heading}>
      {heading ? <h2>{heading}</h2> : null}
      <div className="row probe-verdict">
        <StatusBadge status={result.status} />
        {result.category ? <span className="chip">{CATEGORY_LABELS[result.category]}</span> : null}
        {result.httpStatus !== null ? <span>HTTP {result.httpStatus}</span> : null}
        <span className="muted">
          <time dateTime={result.startedAt}>{formatDateTime(result.startedAt)}</time>
        </span>
      </div>
      <p className="probe-message">{result.message}</p>
      {result.troubleshooting.length > 0 ? (
        <Section title="What to check">
          <ol className="probe-steps">
            {result.troubleshooting.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </Section>
      ) : null}
      {result.schemaErrors.length > 0 ? (
        <Section title="Schema errors">
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">JSON path</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.schemaErrors.map((error) => (
                  <tr key={`${error.path}:${error.message}`}>
                    <td>
                      <code>{error.path || '/'}</code>
                    </td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}
      <Timings timings={result.timings} />
      {result.rateLimit ? <RateLimitFacts rateLimit={result.rateLimit} /> : null}
      <Credentials tls={result.tls} tokenExpiresAt={result.tokenExpiresAt} />
      {result.evidence ? <Evidence evidence={result.evidence} /> : null}
    </section>
  );
}
