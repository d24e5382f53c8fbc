import { LoadingText, SkeletonBlock, SkeletonText } from '../skeleton';

/** Rows a typical list of alerts shows while it loads. */
const ROWS = 4;

/** The Alerts page's list while it loads: one section of rows the height of an alert's. */
export function AlertListSkeleton({ what = 'Loading the alerts…' }: { what?: string }) {
  return (
    <div aria-busy="true">
      <LoadingText>{what}</LoadingText>
      <div className="group alert-group" aria-hidden="true">
        <h3>
          <SkeletonText width="6em" />
        </h3>
        <ul>
          {Array.from({ length: ROWS }, (_, row) => (
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
