'use client';

export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="banner" role="alert">
      <h2>This page could not be shown</h2>
      <p>
        Something went wrong while loading it
        {error.digest ? ` (reference ${error.digest} in the dashboard log)` : ''}.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
