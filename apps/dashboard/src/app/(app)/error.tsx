'use client';

export default function OverviewError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div className="banner" role="alert">
      <h2>The monitor is not reachable</h2>
      <p>{error.message || 'The dashboard could not load data from the monitor.'}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
