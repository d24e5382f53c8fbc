import { Fragment } from 'react';
import { RESULTS_PAGE } from '../../lib/integration-reads';
import { IntegrationAlertsSkeleton } from '../alerts/alert-skeletons';
import { PageHeadSkeleton } from '../page-head-skeleton';
import { LoadingText, SkeletonBlock, SkeletonText } from '../skeleton';
import { TableSkeleton } from '../table-skeleton';
import { CHART_TITLES } from './chart-titles';
import { RESULT_COLUMNS } from './results-table';

// The detail page while its parts load: each placeholder in its part's place, with the part's size (for the
// diagnosis, a typical result's), so little moves when the data arrives. The page streams its parts behind
// these; loading.tsx shows them all at once.

/** Five phases: the timings table's six rows of 32.5 px, and the bar chart beside it (26 px a bar, plus 8). */
const TIMINGS_TABLE_PX = 195;
const TIMINGS_CHART_PX = 138;

/** Widths of the results table's placeholder cells, column by column, like a typical row's text. */
const RESULT_CELL_WIDTHS = ['13em', '4em', '7em', '2.5em', '4em', '20em'] as const;

/** A definition list of facts, one row per width of the value's text. */
function FactsSkeleton({ widths }: { widths: readonly string[] }) {
  return (
    <dl className="facts">
      {widths.map((width) => (
        <Fragment key={width}>
          <dt>
            <SkeletonText width="6em" />
          </dt>
          <dd>
            <SkeletonText width={width} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function LatestStatusSkeleton() {
  return (
    <div className="row" aria-busy="true">
      <SkeletonText width="18em" />
      <LoadingText>Loading the latest status…</LoadingText>
    </div>
  );
}

/** A typical newest result: verdict, message, the phase timings and one section of facts (the certificate). */
export function DiagnosisPanelSkeleton() {
  return (
    <section className="panel" aria-labelledby="diagnosis-heading" aria-busy="true">
      <h2 id="diagnosis-heading">Diagnosis</h2>
      <LoadingText>Loading the latest probe…</LoadingText>
      <div aria-hidden="true">
        <div className="row probe-verdict">
          <SkeletonText width="16em" />
        </div>
        <p className="probe-message">
          <SkeletonText width="70%" />
        </p>
        <div className="probe-section">
          <h3>
            <SkeletonText width="5em" />
          </h3>
          <div className="probe-timings">
            <SkeletonBlock height={TIMINGS_TABLE_PX} />
            <SkeletonBlock height={TIMINGS_CHART_PX} />
          </div>
        </div>
        <div className="probe-section">
          <h3>
            <SkeletonText width="10em" />
          </h3>
          <FactsSkeleton widths={['14em', '10em', '18em']} />
        </div>
      </div>
    </section>
  );
}

/** Only loading.tsx needs it: the page itself shows the configuration with its head. */
export function ConfigurationPanelSkeleton() {
  return (
    <section className="panel" aria-labelledby="facts-heading" aria-busy="true">
      <h2 id="facts-heading">Configuration</h2>
      <LoadingText>Loading the configuration…</LoadingText>
      <div aria-hidden="true">
        <FactsSkeleton widths={['20em', '5em', '12em', '9em']} />
      </div>
    </section>
  );
}

export function TrendChartsSkeleton() {
  return (
    <div className="detail-grid trend-charts" aria-busy="true">
      <LoadingText>Loading the trend charts…</LoadingText>
      {Object.values(CHART_TITLES).map((title) => (
        <div key={title} className="panel chart-panel" aria-hidden="true">
          <div className="row">
            <h3>{title}</h3>
          </div>
          <p className="muted">
            <SkeletonText width="18em" />
          </p>
          <SkeletonBlock className="chart-box" />
        </div>
      ))}
    </div>
  );
}

/** A full page of results and the pager under it. */
export function RecentResultsSkeleton() {
  return (
    <div aria-busy="true">
      <LoadingText>Loading the recent results…</LoadingText>
      <TableSkeleton
        columns={RESULT_COLUMNS}
        widths={RESULT_CELL_WIDTHS}
        rows={RESULTS_PAGE}
        className="data"
      />
      <div className="pager" aria-hidden="true">
        <span />
        <SkeletonBlock className="button-skeleton" />
      </div>
    </div>
  );
}

export function TrendsHeadSkeleton() {
  return (
    <div className="row trends-head">
      <h2>Trends</h2>
      <SkeletonBlock className="tabs-skeleton" />
    </div>
  );
}

/** The whole page, for loading.tsx: the same parts as the page, in the same places. */
export function IntegrationPageSkeleton() {
  return (
    <div aria-busy="true">
      <PageHeadSkeleton
        titleWidth="12em"
        loading="Loading the integration…"
        back={{ href: '/', label: 'Overview' }}
        actions={
          <>
            <SkeletonText width="12em" />
            <SkeletonBlock className="actions-skeleton" />
          </>
        }
      >
        <LatestStatusSkeleton />
      </PageHeadSkeleton>
      <div className="detail-grid">
        <DiagnosisPanelSkeleton />
        <ConfigurationPanelSkeleton />
      </div>
      <section aria-labelledby="integration-alerts-heading">
        <h2 id="integration-alerts-heading">Alerts</h2>
        <IntegrationAlertsSkeleton />
      </section>
      <TrendsHeadSkeleton />
      <TrendChartsSkeleton />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Recent results</h2>
        <RecentResultsSkeleton />
      </section>
    </div>
  );
}
