'use client';

import type { Trend } from '@ihm/contracts';
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, NO_PROBES_YET, sparseDots } from './chart-frame';
import { timeAxisProps, tooltipProps } from './chart-time';
import { formatCount, formatNumber, formatPercent } from '../../lib/format';

/** Share of probes that were not down, per bucket. */
export function SuccessChart({ trend }: { trend: Trend }) {
  const data = trend.points.map((point) => ({
    at: point.at,
    success: point.successRate === null ? null : Math.round(point.successRate * 1000) / 10,
  }));
  const probes = trend.points.reduce((sum, point) => sum + point.probes, 0);
  const failures = trend.points.reduce((sum, point) => sum + point.failures, 0);
  const summary =
    probes === 0
      ? 'No probes in this window.'
      : `${formatPercent((probes - failures) / probes)} of ${formatCount(probes, 'probe')} succeeded (${formatNumber(failures)} down).`;
  return (
    <ChartFrame title="Success rate" summary={summary} empty={probes === 0 ? NO_PROBES_YET : null}>
      <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis {...timeAxisProps(trend.window)} />
        <YAxis domain={[0, 100]} unit=" %" stroke="var(--muted)" fontSize={11} width={48} />
        <Tooltip formatter={(value) => `${String(value)} %`} {...tooltipProps} />
        <Area
          type="stepAfter"
          dataKey="success"
          name="success"
          stroke="var(--up)"
          fill="var(--up)"
          fillOpacity={0.2}
          dot={sparseDots(trend.points.filter((point) => point.probes > 0).length)}
          connectNulls={false}
          isAnimationActive={false}
        />
      </AreaChart>
    </ChartFrame>
  );
}
