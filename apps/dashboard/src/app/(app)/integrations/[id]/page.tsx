import { TREND_WINDOWS, TrendWindowSchema, type Integration, type ProbeResult } from '@ihm/contracts';
import { CATEGORY_LABELS } from '@ihm/diagnosis';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { AutoRefresh } from '../../../../components/auto-refresh';
import { IntegrationActions } from '../../../../components/integration-actions';
import { LatencyChart } from '../../../../components/detail/latency-chart';
import { RateLimitChart } from '../../../../components/detail/rate-limit-chart';
import { ResultsTable } from '../../../../components/detail/results-table';
import { SuccessChart } from '../../../../components/detail/success-chart';
import { MonitorDownPage } from '../../../../components/monitor-down-page';
import { PageHead } from '../../../../components/page-head';
import { ProbeResultView } from '../../../../components/probe-result-view';
import { StatusBadge } from '../../../../components/status-badge';
import { formatDateTime, formatMs, formatRelative, formatSeconds } from '../../../../lib/format';
import { loadOrNotFound } from '../../../../lib/load-or-not-found';
import { latencySeries, rateLimitSeries, successSeries } from '../../../../lib/trend-series';
import { MonitorUnavailableError, monitorApi } from '../../../../lib/monitor-api';
import { deleteIntegration, probeNow, setPaused } from '../../../integrations/actions';

export const dynamic = 'force-dynamic';

const RESULTS_PAGE = 20;
const REFRESH_MS = 10_000;

type Params = Promise<{ id: string }>;
type Search = Promise<{ window?: string; before?: string }>;

/** One read per request, shared by the title and the page. */
const loadIntegration = cache((id: string) => monitorApi.integration(id));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const integration = await loadIntegration(id).catch(() => null);
  return { title: integration?.name ?? 'Integration' };
}

function Expiry({ label, iso }: { label: string; iso: string | null | undefined }) {
  if (!iso) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <time dateTime={iso}>{formatDateTime(iso)}</time>{' '}
        <span className="muted">({formatRelative(iso)})</span>
      </dd>
    </>
  );
}

function Facts({ integration, latest }: { integration: Integration; latest: ProbeResult | undefined }) {
  return (
    <dl className="facts">
      <dt>Request</dt>
      <dd>
        <code>
          {integration.method} {integration.url}
        </code>
      </dd>
      <dt>Auth</dt>
      <dd>{integration.auth.type}</dd>
      <dt>Schedule</dt>
      <dd>
        every {formatSeconds(integration.intervalSeconds)}, timeout {formatMs(integration.timeoutMs)}
        {integration.paused ? ' · paused' : ''}
      </dd>
      <dt>Response schema</dt>
      <dd>{integration.responseSchema ? 'checked on every probe' : 'none'}</dd>
      {integration.tags.length ? (
        <>
          <dt>Tags</dt>
          <dd>
            {integration.tags.map((tag) => (
              <span key={tag} className="chip">
                {tag}
              </span>
            ))}
          </dd>
        </>
      ) : null}
      <Expiry label="Certificate expires" iso={latest?.tls?.validTo} />
      <Expiry label="Token expires" iso={latest?.tokenExpiresAt} />
    </dl>
  );
}

export default async function IntegrationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const { id } = await params;
  const search = await searchParams;
  const window = TrendWindowSchema.catch('24h').parse(search.window);
  let data;
  try {
    data = await loadOrNotFound(
      Promise.all([
        loadIntegration(id),
        monitorApi.results(id, RESULTS_PAGE, search.before),
        search.before ? monitorApi.results(id, 1) : null,
        monitorApi.trend(id, window),
      ]),
    );
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Integration" message={error.message} refreshMs={REFRESH_MS} />;
  }
  const [integration, page, newest, trend] = data;
  const latest = (newest ?? page).items[0];
  const lastSchemaFailure = page.items.find((result) => result.schemaErrors.length > 0);
  const windowHref = (value: string) => `/integrations/${id}?window=${value}`;

  return (
    <>
      <PageHead
        title={integration.name}
        back={{ href: '/', label: 'Overview' }}
        actions={
          <>
            <AutoRefresh everyMs={REFRESH_MS} />
            <IntegrationActions
              integration={integration}
              setPausedAction={setPaused}
              probeNowAction={probeNow}
              deleteAction={deleteIntegration}
            />
          </>
        }
      >
        <div className="row">
          <StatusBadge status={latest?.status ?? 'pending'} />
          {latest?.category ? <span className="chip">{CATEGORY_LABELS[latest.category]}</span> : null}
          {latest ? (
            <span className="muted">
              checked <time dateTime={latest.startedAt}>{formatRelative(latest.startedAt)}</time>
            </span>
          ) : null}
        </div>
      </PageHead>

      <div className="detail-grid">
        <section className="panel" aria-labelledby="diagnosis-heading">
          <h2 id="diagnosis-heading">Diagnosis</h2>
          {latest ? (
            <ProbeResultView result={latest} />
          ) : (
            <p className="muted">Not probed yet: the first probe runs within one interval.</p>
          )}
        </section>
        <section className="panel" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Configuration</h2>
          <Facts integration={integration} latest={latest} />
          {lastSchemaFailure && lastSchemaFailure !== latest ? (
            <>
              <h3>Last schema errors ({formatDateTime(lastSchemaFailure.startedAt)})</h3>
              <ul>
                {lastSchemaFailure.schemaErrors.map((error) => (
                  <li key={`${error.path}:${error.message}`}>
                    <code>{error.path || '/'}</code> {error.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>

      <div className="row" style={{ marginTop: 24 }}>
        <h2 style={{ margin: 0 }}>Trends</h2>
        <nav className="tabs" aria-label="Time window">
          {TREND_WINDOWS.map((value) => (
            <Link
              key={value}
              href={windowHref(value)}
              aria-current={value === window ? 'page' : undefined}
              scroll={false}
            >
              {value}
            </Link>
          ))}
        </nav>
      </div>
      <div className="detail-grid" style={{ marginTop: 12 }}>
        <LatencyChart window={trend.window} series={latencySeries(trend)} />
        <SuccessChart window={trend.window} series={successSeries(trend)} />
        <RateLimitChart
          window={trend.window}
          series={rateLimitSeries(trend, latest?.rateLimit ?? null, Date.now())}
        />
      </div>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Recent results</h2>
        <ResultsTable results={page.items} />
        <nav className="pager" aria-label="Result pages">
          {search.before ? (
            <Link href={windowHref(window)} className="button">
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link
              href={`${windowHref(window)}&before=${encodeURIComponent(page.nextCursor)}`}
              className="button"
            >
              Older →
            </Link>
          ) : null}
        </nav>
      </section>
    </>
  );
}
