import { PageHead, type PageHeadProps } from './page-head';
import { LoadingText, SkeletonText } from './skeleton';

interface PageHeadSkeletonProps extends Omit<PageHeadProps, 'title'> {
  /** About the width of the title to come. */
  titleWidth: string;
  /** Said to assistive technology in place of the title: "Loading the alert…". */
  loading: string;
}

/** A page's head while what it names loads: a placeholder title, and the rest of the head in its place. */
export function PageHeadSkeleton({ titleWidth, loading, ...head }: PageHeadSkeletonProps) {
  return (
    <PageHead
      {...head}
      title={
        <>
          <SkeletonText width={titleWidth} />
          <LoadingText>{loading}</LoadingText>
        </>
      }
    />
  );
}
