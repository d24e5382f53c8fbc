'use client';

import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

interface ChartFrameProps {
  title: string;
  /** What the chart shows, for screen readers and as a caption. */
  summary: string;
  empty: boolean;
  extra?: ReactNode;
  children: ReactElement;
}

/** One chart panel: title, a sentence that says what it shows, the chart or a note when there is no data. */
export function ChartFrame({ title, summary, empty, extra, children }: ChartFrameProps) {
  return (
    <section className="panel chart-panel" aria-label={title}>
      <div className="row">
        <h3>{title}</h3>
        <span className="spacer" />
        {extra}
      </div>
      <p className="muted">{summary}</p>
      {empty ? (
        <div className="empty">No probes in this window yet.</div>
      ) : (
        <div className="chart-box" role="img" aria-label={`${title}: ${summary}`}>
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
