'use client';

import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export const NO_PROBES_YET = 'No probes in this window yet.';

/** With fewer points than this a line is too short to see: the points are drawn as dots too. */
const DOTS_BELOW = 3;

/** Dots for a sparse series, none for a dense one. */
export const sparseDots = (points: number) => (points < DOTS_BELOW ? { r: 3 } : false);

interface ChartFrameProps {
  title: string;
  /** What the chart shows, for screen readers and as a caption. */
  summary: string;
  /** Said in place of the chart when there is nothing to draw. */
  empty: string | null;
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
        <div className="empty">{empty}</div>
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
