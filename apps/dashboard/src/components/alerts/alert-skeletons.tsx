import { LoadingText, SkeletonBlock, SkeletonText } from '../skeleton';

/** Rows a typical list of alerts shows while it loads; an integration usually has one alert or none. */
const ROWS = 4;
const INTEGRATION_ROWS = 1;

/** A list of alerts while it loads: one section of rows the height of an alert's. */
export function AlertListSkeleton({
  what = 'Loading the alerts…',
  rows = ROWS,
}: {
  what?: string;
  rows?: number;
}) {
  return (
    <div aria-busy="true">
      <LoadingText>{what}</LoadingText>
      <div className="group alert-group" aria-hidden="true">
        <h3>
          <SkeletonText width="6em" />
        </h3>
        <ul>
          {Array.from({ length: rows }, (_, row) => (
            <li key={row} className="alert-row">
              <SkeletonText width="5em" />
              <span className="alert-text">
                <SkeletonText width="60%" />
                <SkeletonText width="90%" />
              </span>
              <span className="when">
                <SkeletonText width="6em" />
              </span>
              <span className="alert-action">
                <SkeletonBlock className="button-skeleton small" />
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The integration page's alerts section while it loads. */
export function IntegrationAlertsSkeleton() {
  return <AlertListSkeleton what="Loading the integration’s alerts…" rows={INTEGRATION_ROWS} />;
}
