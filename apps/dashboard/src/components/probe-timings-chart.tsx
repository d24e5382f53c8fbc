'use client';

import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import type { PhaseTiming } from '../lib/phase-timings';

/** One exchange's phases as bars. Decorative: the table beside it carries the same numbers. */
export function ProbeTimingsChart({ phases }: { phases: readonly PhaseTiming[] }) {
  return (
    <div className="probe-timings-chart" aria-hidden="true">
      <BarChart
        layout="vertical"
        data={[...phases]}
        responsive
        style={{ width: '100%', height: phases.length * 26 + 8 }}
        margin={{ top: 4, right: 8, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide />
        <YAxis
          type="category"
          dataKey="label"
          width={76}
          stroke="var(--muted)"
          fontSize={12}
          tickLine={false}
          axisLine={false}
        />
        <Bar dataKey="ms" fill="var(--chart-1)" barSize={12} radius={3} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
