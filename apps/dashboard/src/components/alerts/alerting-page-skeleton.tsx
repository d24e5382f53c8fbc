import type { ReactNode } from 'react';
import { PageHead } from '../page-head';
import { SkeletonText } from '../skeleton';
import { AlertingNav, type AlertingPage } from './alerting-nav';

/** An alerting page while it loads: its head and the alerting tabs as they will be, then what loads. */
export function AlertingPageSkeleton({
  title,
  current,
  children,
}: {
  title: string;
  current: AlertingPage;
  children: ReactNode;
}) {
  return (
    <>
      <PageHead title={title}>
        <p className="muted">
          <SkeletonText width="24em" />
        </p>
      </PageHead>
      <AlertingNav current={current} />
      {children}
    </>
  );
}
