import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ApiReferenceSection } from '../../../components/api-reference/api-reference-section';
import { ApiReferenceSkeleton } from '../../../components/api-reference/api-reference-skeleton';
import { PageHead } from '../../../components/page-head';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'API reference' };

/** The monitor's REST API, read from the OpenAPI document it serves at /api/openapi.json. */
export default function ApiReferencePage() {
  return (
    <>
      <PageHead
        title="API reference"
        actions={
          <a href="/api-reference/openapi.json" className="button" download="openapi.json">
            Download openapi.json
          </a>
        }
      >
        <p className="muted">
          Every route of the monitor, who may call it, and the JSON it reads and answers. Scripts call it with
          an API token (Access) as <code>Authorization: Bearer …</code>.
        </p>
      </PageHead>
      <Suspense fallback={<ApiReferenceSkeleton />}>
        <ApiReferenceSection />
      </Suspense>
    </>
  );
}
