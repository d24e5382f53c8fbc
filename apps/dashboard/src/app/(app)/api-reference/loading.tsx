import { ApiReferenceSkeleton } from '../../../components/api-reference/api-reference-skeleton';
import { PageHead } from '../../../components/page-head';

export default function ApiReferenceLoading() {
  return (
    <>
      <PageHead title="API reference">
        <p className="muted">Loading the monitor’s OpenAPI document…</p>
      </PageHead>
      <ApiReferenceSkeleton />
    </>
  );
}
