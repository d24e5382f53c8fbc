import type { TrendWindow } from '@ihm/contracts';
import { readLatestResult, readTrend } from '../../lib/integration-reads';
import { sectionRead } from '../../lib/section-read';
import { latencySeries, rateLimitSeries, successSeries } from '../../lib/trend-series';
import { SectionUnavailable } from '../section-unavailable';
import { LatencyChart } from './latency-chart';
import { RateLimitChart } from './rate-limit-chart';
import { SuccessChart } from './success-chart';

interface TrendChartsProps {
  id: string;
  window: TrendWindow;
  before: string | undefined;
}

/** The window's latency, success and rate-limit charts, shaped here on the server; the charts only draw. */
export async function TrendCharts({ id, window, before }: TrendChartsProps) {
  const read = await sectionRead(Promise.all([readTrend(id, window), readLatestResult(id, before)]));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const [trend, latest] = read.value;
  return (
    <div className="detail-grid trend-charts">
      <LatencyChart window={trend.window} series={latencySeries(trend)} />
      <SuccessChart window={trend.window} series={successSeries(trend)} />
      <RateLimitChart
        window={trend.window}
        series={rateLimitSeries(trend, latest?.rateLimit ?? null, Date.now())}
      />
    </div>
  );
}
