'use client';

import type { Integration, ProbeResult } from '@ihm/contracts';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '../../lib/action-result';
import { IntegrationForm } from './integration-form';
import type { CompileCheck } from './schema-compile-check';
import type { DryRunRequest, IntegrationRequest } from './to-request';

interface IntegrationFormRouteProps {
  integration: Integration | null;
  saveAction(request: IntegrationRequest): Promise<ActionResult<Integration>>;
  testAction(request: DryRunRequest, basedOn: string | null): Promise<ActionResult<ProbeResult>>;
  checkSchemaAction: CompileCheck;
  inferSchemaOnOpen?: boolean;
}

/** The form on its page: after a save, on to the integration's page. Keeps the router out of the form. */
export function IntegrationFormRoute({
  integration,
  saveAction,
  testAction,
  checkSchemaAction,
  inferSchemaOnOpen,
}: IntegrationFormRouteProps) {
  const router = useRouter();
  return (
    <IntegrationForm
      integration={integration}
      onSave={saveAction}
      onTest={testAction}
      onCheckSchema={checkSchemaAction}
      inferSchemaOnOpen={inferSchemaOnOpen}
      onSaved={(saved) => router.push(`/integrations/${encodeURIComponent(saved.id)}`)}
    />
  );
}
