'use client';

import type { TrendWindow } from '@ihm/contracts';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../lib/format';
import type { RateLimitSeries } from '../../lib/trend-series';
import { CHART_TITLES } from './chart-titles';
import { ChartFrame, sparseDots } from './chart-frame';
import { timeAxisProps, tooltipProps } from './chart-time';

/** The remaining rate-limit budget against the limit, with when the current window resets. */
export function RateLimitChart({ window, series }: { window: TrendWindow; series: RateLimitSeries }) {
  return (
    <ChartFrame
      title={CHART_TITLES.rateLimit}
      summary={series.summary}
      empty={series.reportedBuckets === 0 ? 'No rate-limit headers seen in this window.' : null}
    >
      <LineChart data={series.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis {...timeAxisProps(window)} />
        <YAxis
          stroke="var(--muted)"
          fontSize={11}
          width={56}
          allowDecimals={false}
          tickFormatter={(value: number) => formatNumber(value)}
        />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? formatNumber(value) : '—')}
          {...tooltipProps}
        />
        <Line
          type="stepAfter"
          dataKey="limit"
          name="limit"
          stroke="var(--muted)"
          strokeDasharray="4 4"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="remaining"
          name="remaining"
          stroke="var(--chart-4)"
          strokeWidth={2}
          dot={sparseDots(series.reportedBuckets)}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
