'use client';

import type { TrendWindow } from '@ihm/contracts';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeliverySeries } from '../../lib/delivery-series';
import { ChartFrame } from './chart-frame';
import { timeAxisProps, tooltipProps } from './chart-time';

export const DELIVERY_RATE_TITLE = 'Delivery rate';

/** Accepted and rejected deliveries per bucket, stacked. */
export function DeliveryRateChart({ window, series }: { window: TrendWindow; series: DeliverySeries }) {
  return (
    <ChartFrame
      title={DELIVERY_RATE_TITLE}
      summary={series.summary}
      empty={series.deliveredBuckets === 0 ? 'No deliveries in this window yet.' : null}
      extra={<span className="muted">{series.perBucket}</span>}
    >
      <BarChart data={series.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis {...timeAxisProps(window)} />
        <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={11} width={40} />
        <Tooltip {...tooltipProps} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          dataKey="accepted"
          name="accepted"
          stackId="deliveries"
          fill="var(--up)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="rejected"
          name="rejected"
          stackId="deliveries"
          fill="var(--down)"
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}
