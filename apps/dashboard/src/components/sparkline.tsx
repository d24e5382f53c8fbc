'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { Line, LineChart, YAxis } from 'recharts';
import type { SparklineSeries } from '../lib/sparkline-series';

const WIDTH = 128;
const HEIGHT = 28;

/**
 * A tiny latency line, without axes: the shape of the last hour at a glance. The chart is drawn only once its
 * row scrolls into view, so a page of a hundred rows neither renders a hundred charts on the server nor
 * hydrates them before the list can be read.
 */
export function Sparkline({ values, label }: SparklineSeries) {
  const box = useRef<HTMLDivElement>(null);
  const [inView, setInView] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setInView(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setInView(true);
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const points = useMemo(() => (inView ? values.map((value) => ({ value })) : []), [inView, values]);

  return (
    <div ref={box} className="sparkline" role="img" aria-label={label}>
      {inView ? (
        <LineChart
          width={WIDTH}
          height={HEIGHT}
          data={points}
          margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
        >
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
      ) : null}
    </div>
  );
}
