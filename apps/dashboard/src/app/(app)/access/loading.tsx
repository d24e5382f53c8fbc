import { AUDIT_COLUMNS, SectionSkeleton, TOKEN_COLUMNS } from '../../../components/access/access-skeleton';
import { PageHead } from '../../../components/page-head';

export default function AccessLoading() {
  return (
    <>
      <PageHead title="Access">
        <p className="muted">Loading who you are…</p>
      </PageHead>
      <div className="access-sections">
        <SectionSkeleton title="API tokens" columns={TOKEN_COLUMNS} />
        <SectionSkeleton title="Audit log" columns={AUDIT_COLUMNS} />
      </div>
    </>
  );
}
