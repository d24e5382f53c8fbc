import { LoadingText, SkeletonBlock, SkeletonText } from '../skeleton';

/** Cards a typical list of channels, rules or silences shows while it loads. */
const CARDS = 3;

/** A list of cards still loading: a title, two lines, a row of small buttons each. */
export function CardListSkeleton({ what }: { what: string }) {
  return (
    <div aria-busy="true">
      <LoadingText>{what}</LoadingText>
      <ul className="cards" aria-hidden="true">
        {Array.from({ length: CARDS }, (_, card) => (
          <li key={card} className="panel card">
            <h2 className="card-title">
              <SkeletonText width="10em" />
            </h2>
            <p className="card-target">
              <SkeletonText width="60%" />
            </p>
            <SkeletonText width="14em" />
            <div className="row card-actions">
              <SkeletonBlock className="button-skeleton small" />
              <SkeletonBlock className="button-skeleton small" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
