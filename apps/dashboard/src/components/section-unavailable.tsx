/** In place of one section whose data the monitor stopped giving after the page began to show. */
export function SectionUnavailable({ message }: { message: string }) {
  return (
    <div className="banner section-unavailable" role="alert">
      <p>
        <strong>The monitor is not reachable.</strong> {message}
      </p>
      <p className="muted">This page retries by itself.</p>
    </div>
  );
}
