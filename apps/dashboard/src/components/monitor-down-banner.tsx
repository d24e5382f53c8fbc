/** What every page shows instead of its data when the monitor does not answer: never a blank page. */
export function MonitorDownBanner({ message }: { message: string }) {
  return (
    <div className="banner" role="alert">
      <h2>The monitor is not reachable</h2>
      <p>{message}</p>
      <p className="muted">
        Check that the monitor is running (<code>npm start</code> starts it) and that the dashboard&apos;s{' '}
        <code>MONITOR_URL</code> points at it. This page retries by itself.
      </p>
    </div>
  );
}
