'use client';

import { Line, LineChart, YAxis } from 'recharts';

interface SparklineProps {
  values: readonly (number | null)[];
  label: string;
}

/** A tiny latency line, without axes: the shape of the last hour at a glance. */
export function Sparkline({ values, label }: SparklineProps) {
  const data = values.map((value, index) => ({ index, value }));
  return (
    <div className="sparkline" role="img" aria-label={label}>
      <LineChart width={128} height={28} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, 'dataMax']} />
        <Line
          type="monotone"
          dataKey="value"
          stroke="var(--chart-1)"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </div>
  );
}
