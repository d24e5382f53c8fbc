'use client';

import type { Integration, ProbeResult } from '@ihm/contracts';
import { useEffect, useRef, useState } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { ProbeResultView } from '../probe-result-view';
import { AuthSection } from './auth-section';
import { ChecksSection } from './checks-section';
import { ClientCertificateSection } from './client-certificate-section';
import { DeliveriesSection } from './deliveries-section';
import { KindSection } from './kind-section';
import { FormIdPrefix } from '../form/field';
import { SavingForm } from '../form/saving-form';
import { useFormSubmission } from '../form/use-form-submission';
import { placeFieldErrors } from './field-errors';
import { emptyForm, fromIntegration } from './form-state';
import { OrganisationSection } from './organisation-section';
import { RequestSection } from './request-section';
import { ScheduleSection } from './schedule-section';
import { SchemaCompileCheck, type CompileCheck } from './schema-compile-check';
import { inferredSchemaText, SchemaFromResponse } from './schema-from-response';
import type { SectionProps } from './section-props';
import { SigningSection } from './signing-section';
import { toDryRun, toRequest, type DryRunRequest, type IntegrationRequest } from './to-request';
import { WebhookSection } from './webhook-section';

export interface IntegrationFormProps {
  /** The integration to edit, or null to register a new one. */
  integration: Integration | null;
  /** Registers or changes the integration: the whole definition either way. */
  onSave(request: IntegrationRequest): Promise<ActionResult<Integration>>;
  /** A dry run; `basedOn` (the edited integration's id) lets the monitor use its stored secrets. */
  onTest(request: DryRunRequest, basedOn: string | null): Promise<ActionResult<ProbeResult>>;
  onSaved(integration: Integration): void;
  /** Compiles a schema being typed (a server action: Ajv cannot compile in the browser under the CSP). */
  onCheckSchema: CompileCheck;
  /**
   * Opened from an integration's page to use a response as its schema: Test at once, and put the schema inferred
   * from a healthy answer in the editor, to review before saving.
   */
  inferSchemaOnOpen?: boolean;
}

/** What the form is busy with: 'saving', 'testing' or nothing. */
function busyText(busy: string | null, result: ProbeResult | null): string {
  if (busy === 'saving') return 'Saving…';
  if (busy === 'testing') return 'Testing… the probe waits up to its timeout.';
  return result ? `Test finished: ${result.status}.` : '';
}

const noDryRun = async (): Promise<ActionResult<ProbeResult>> => ({
  ok: false,
  message: 'A webhook integration is not probed: it waits for deliveries.',
  fieldErrors: [],
});

/** Registers or edits an integration: every field, inline errors from the API, and a Test before saving. */
export function IntegrationForm({
  integration,
  onSave,
  onTest,
  onSaved,
  onCheckSchema,
  inferSchemaOnOpen = false,
}: IntegrationFormProps) {
  const submission = useFormSubmission({
    initial: () => (integration ? fromIntegration(integration) : emptyForm()),
    build: toRequest,
    place: placeFieldErrors,
    onSave,
    onSaved,
  });
  const { form, edit, errors, busy, run } = submission;
  const [result, setResult] = useState<ProbeResult | null>(null);
  const section: SectionProps = { form, errors, edit };

  const inferPending = useRef(inferSchemaOnOpen);

  const test = () => {
    setResult(null);
    void run({
      busy: 'testing',
      what: 'The test',
      // Only an http definition has a Test button: a webhook is never probed.
      send: (request) => ('url' in request ? onTest(toDryRun(request), integration?.id ?? null) : noDryRun()),
      done: (value) => {
        setResult(value);
        if (!inferPending.current) return;
        inferPending.current = false;
        const inferred = inferredSchemaText(value);
        if (inferred !== null) edit('responseSchema', { responseSchema: inferred });
      },
    });
  };
  const testOnOpen = useRef(inferSchemaOnOpen ? test : null);
  useEffect(() => {
    testOnOpen.current?.();
    testOnOpen.current = null;
  }, []);
  const http = form.kind === 'http';

  return (
    <SchemaCompileCheck value={onCheckSchema}>
      <FormIdPrefix value="integration">
        <SavingForm
          submission={submission}
          submitLabel={integration ? 'Save changes' : 'Register integration'}
          actions={
            http ? (
              <button type="button" className="button" aria-disabled={busy !== null} onClick={test}>
                Test
              </button>
            ) : null
          }
          status={busyText(busy, result)}
        >
          <KindSection {...section} />
          {http ? (
            <>
              <RequestSection {...section} />
              <AuthSection {...section} />
              <ClientCertificateSection {...section} />
              <SigningSection {...section} />
              <ChecksSection {...section} />
              <ScheduleSection {...section} />
            </>
          ) : (
            <>
              <WebhookSection {...section} />
              <DeliveriesSection {...section} />
            </>
          )}
          <OrganisationSection {...section} />
        </SavingForm>
        {result ? (
          <section className="panel form-test-result">
            <ProbeResultView result={result} heading="Test result" />
            <SchemaFromResponse
              result={result}
              onUse={(responseSchema) => edit('responseSchema', { responseSchema })}
            />
          </section>
        ) : null}
      </FormIdPrefix>
    </SchemaCompileCheck>
  );
}
