import { LoadingText, SkeletonBlock } from '../skeleton';

/** Where the operations will be, while the document loads. */
export function ApiReferenceSkeleton() {
  return (
    <div className="stack" aria-busy="true">
      <LoadingText>Loading the API reference…</LoadingText>
      {[0, 1, 2, 3].map((card) => (
        <SkeletonBlock key={card} height={120} />
      ))}
    </div>
  );
}
