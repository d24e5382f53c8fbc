import type { ReactNode } from 'react';

// The pieces of a loading skeleton: placeholders the size of what they stand for, hidden from assistive
// technology, which reads the region's aria-busy and its LoadingText instead.

/** One line of text still loading, as tall as the line of the text around it. */
export function SkeletonText({ width }: { width: string }) {
  return <span className="skeleton skeleton-text" style={{ width }} aria-hidden="true" />;
}

/** A block still loading: a chart, a table, a button; its size comes from its class or the given height. */
export function SkeletonBlock({ className = '', height }: { className?: string; height?: number }) {
  return (
    <span
      className={`skeleton skeleton-block ${className}`.trim()}
      style={height === undefined ? undefined : { height }}
      aria-hidden="true"
    />
  );
}

/** What is loading, said to screen readers only: "Loading the diagnosis…". */
export function LoadingText({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
