'use client';

import { LATENCY_PHASES } from '@ihm/diagnosis';
import type { TrendWindow } from '@ihm/contracts';
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMs } from '../../lib/format';
import { PERCENTILES, type LatencySeries, type Percentile } from '../../lib/trend-series';
import { CHART_TITLES } from './chart-titles';
import { ChartFrame, NO_PROBES_YET, sparseDots } from './chart-frame';
import { timeAxisProps, tooltipProps } from './chart-time';

const PHASE_COLORS = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
];

interface LatencyChartProps {
  window: TrendWindow;
  series: Record<Percentile, LatencySeries>;
}

/** Latency of each phase of the exchange (DNS, connect, TLS, first byte, total), median or 95th percentile. */
export function LatencyChart({ window, series }: LatencyChartProps) {
  const [percentile, setPercentile] = useState<Percentile>('p50');
  const shown = series[percentile];
  return (
    <ChartFrame
      title={CHART_TITLES.latency}
      summary={shown.summary}
      empty={shown.probedBuckets === 0 ? NO_PROBES_YET : null}
      extra={
        <div className="tabs" role="group" aria-label="Percentile">
          {PERCENTILES.map((value) => (
            <button
              key={value}
              type="button"
              className="button small ghost"
              aria-pressed={percentile === value}
              onClick={() => setPercentile(value)}
            >
              {value}
            </button>
          ))}
        </div>
      }
    >
      <LineChart data={shown.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis {...timeAxisProps(window)} />
        <YAxis stroke="var(--muted)" fontSize={11} width={56} tickFormatter={(v: number) => formatMs(v)} />
        <Tooltip
          formatter={(value) => formatMs(typeof value === 'number' ? value : null)}
          {...tooltipProps}
        />
        <Legend />
        {LATENCY_PHASES.map((phase, index) => (
          <Line
            key={phase}
            type="monotone"
            dataKey={phase}
            name={phase}
            stroke={PHASE_COLORS[index % PHASE_COLORS.length]}
            strokeWidth={phase === 'total' ? 2.5 : 1.5}
            dot={sparseDots(shown.probedBuckets)}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
