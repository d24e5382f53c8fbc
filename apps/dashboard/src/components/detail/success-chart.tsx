'use client';

import type { TrendWindow } from '@ihm/contracts';
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '../../lib/format';
import type { SuccessSeries } from '../../lib/trend-series';
import { CHART_TITLES } from './chart-titles';
import { ChartFrame, NO_PROBES_YET, sparseDots } from './chart-frame';
import { timeAxisProps, tooltipProps } from './chart-time';

/** Share of probes that were not down, per bucket. */
export function SuccessChart({ window, series }: { window: TrendWindow; series: SuccessSeries }) {
  return (
    <ChartFrame
      title={CHART_TITLES.success}
      summary={series.summary}
      empty={series.probedBuckets === 0 ? NO_PROBES_YET : null}
    >
      <AreaChart data={series.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis {...timeAxisProps(window)} />
        <YAxis
          domain={[0, 1]}
          tickFormatter={(share: number) => formatPercent(share)}
          stroke="var(--muted)"
          fontSize={11}
          width={48}
        />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? formatPercent(value) : '—')}
          {...tooltipProps}
        />
        <Area
          type="stepAfter"
          dataKey="success"
          name="success"
          stroke="var(--up)"
          fill="var(--up)"
          fillOpacity={0.2}
          dot={sparseDots(series.probedBuckets)}
          connectNulls={false}
          isAnimationActive={false}
        />
      </AreaChart>
    </ChartFrame>
  );
}
