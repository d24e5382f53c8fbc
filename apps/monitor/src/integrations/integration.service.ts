import { RegistrationPace } from './registration-pace';
import {
  CreateIntegrationRequestSchema,
  KIND_FIELDS,
  toFieldErrors,
  type FieldError,
  type HttpIntegrationDefinition,
  type Integration,
  type IntegrationDefinition,
  type IntegrationList,
  type ListIntegrationsQuery,
  type IntegrationPatch,
} from '@ihm/contracts';
import type { OutboundPolicy } from '@ihm/probe';
import { Inject, Injectable } from '@nestjs/common';
import { AlertCloser } from '../alerting/evaluation/alert-closer.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { managedByFile, MonitorError } from '../common/monitor-error';
import { clientCertificateErrors } from '../security/client-certificate-check';
import { refusedTargets, type OutboundField } from '../security/outbound-targets';
import { SecretBox, secretBoxFor } from '../security/secret-box';
import { findMaskedSecrets, keepMaskedSecrets } from './integration-secrets';
import { sealIntegration, toDefinition, toIntegration } from './integration.mapper';
import { IntegrationRepository } from './integration.repository';
import type { IntegrationWrite, StoredIntegration } from './stored-integration';

@Injectable()
export class IntegrationService {
  private readonly box: SecretBox;
  private readonly outbound: OutboundPolicy;
  private readonly webhookBaseUrl: string;
  private readonly pace = new RegistrationPace();

  constructor(
    private readonly repository: IntegrationRepository,
    private readonly alerts: AlertCloser,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.box = secretBoxFor(config);
    this.outbound = config.env.outbound;
    this.webhookBaseUrl = config.env.webhookBaseUrl;
  }

  private view(stored: StoredIntegration): Integration {
    return toIntegration(stored, this.webhookBaseUrl);
  }

  async create(definition: IntegrationDefinition): Promise<Integration> {
    rejectIfAny(findMaskedSecrets(definition));
    const write = this.checkedWrite(definition);
    return this.view(await this.repository.create(write, this.pace.record()));
  }

  /**
   * What is stored for a definition that passed its schema: refused when the outbound guard refuses a target or
   * a client certificate cannot work, else with its secrets sealed. Creates, and a config file's apply, use it.
   */
  checkedWrite(definition: IntegrationDefinition): IntegrationWrite {
    rejectIfAny(this.problemsOf(definition));
    return sealIntegration(definition, this.box);
  }

  /** A stored integration's definition with its secrets, as a config file's plan compares it. */
  definitionOf(stored: StoredIntegration): IntegrationDefinition {
    return toDefinition(stored, this.box);
  }

  async list(query: ListIntegrationsQuery): Promise<IntegrationList> {
    const { rows, total } = await this.repository.list(query);
    return { items: rows.map((row) => this.view(row)), total };
  }

  async get(id: string): Promise<Integration> {
    return this.view(await this.findRow(id));
  }

  /** The definition with its secrets, for probing. Never leaves the server. */
  async getDefinition(id: string): Promise<IntegrationDefinition> {
    return toDefinition(await this.findRow(id), this.box);
  }

  /**
   * A dry run's definition with secrets: masked ones (`********`, as the API shows them) take the stored values
   * of `basedOn` — the form testing an edit — and are refused without it.
   */
  async withStoredSecrets(
    definition: HttpIntegrationDefinition,
    basedOn: string | null,
  ): Promise<HttpIntegrationDefinition> {
    if (!basedOn) {
      rejectIfAny(findMaskedSecrets(definition));
      rejectIfAny(clientCertificateErrors(definition.clientCertificate));
      return definition;
    }
    const stored = await this.getDefinition(basedOn);
    if (stored.kind !== 'http')
      throw new MonitorError('VALIDATION_FAILED', 'A webhook integration cannot be probed', [
        {
          field: 'integrationId',
          message: 'is a webhook integration: it receives deliveries, it is not probed',
        },
      ]);
    const { value, errors } = keepMaskedSecrets(definition, stored);
    rejectIfAny(errors);
    rejectIfAny(clientCertificateErrors(value.clientCertificate));
    return value;
  }

  /** Definitions of several integrations, for the scheduler; ids that no longer exist are left out. */
  async getDefinitions(ids: string[]): Promise<Map<string, IntegrationDefinition>> {
    const rows = await this.repository.findByIds(ids);
    return new Map(rows.map((row) => [row.id, toDefinition(row, this.box)]));
  }

  /**
   * Merges the change into the stored definition and checks the whole again, cross-field rules included. The merge
   * starts from the masked view: a secret the patch leaves out stands as a mask, so it is kept only while its
   * destination keeps its origin, exactly as a mask sent back would be (a PATCH of the URL alone cannot carry
   * the stored credentials to another host).
   */
  async update(id: string, patch: IntegrationPatch): Promise<Integration> {
    const row = await this.findRow(id);
    refuseIfManaged(row);
    rejectIfAny(otherKindFields(row.masked.kind, patch));
    const candidate = { ...row.masked, ...patch } as IntegrationDefinition;
    const { value, errors } = keepMaskedSecrets(candidate, toDefinition(row, this.box));
    rejectIfAny(errors);
    const parsed = CreateIntegrationRequestSchema.safeParse(value);
    if (!parsed.success) rejectIfAny(toFieldErrors(parsed.error));
    rejectIfAny(this.problemsOf(parsed.data as IntegrationDefinition));
    const updated = await this.repository.update(
      id,
      sealIntegration(parsed.data as IntegrationDefinition, this.box),
    );
    if (!updated) throw notFound(id);
    return this.view(updated);
  }

  /** Its firing alerts are resolved and announced first; its results, states and alerts go with it. */
  async remove(id: string): Promise<void> {
    refuseIfManaged(await this.findRow(id));
    await this.alerts.integrationDeleted(id);
    if (!(await this.repository.delete(id))) throw notFound(id);
  }

  /** What a stored definition must not have: a target the outbound guard refuses, a client certificate that cannot work. */
  private problemsOf(definition: IntegrationDefinition): FieldError[] {
    if (definition.kind === 'webhook') return [];
    const { url, auth, clientCertificate } = definition;
    const targets: OutboundField[] = [{ field: 'url', url }];
    if (auth.type === 'oauth2ClientCredentials') targets.push({ field: 'auth.tokenUrl', url: auth.tokenUrl });
    return [...refusedTargets(targets, this.outbound), ...clientCertificateErrors(clientCertificate)];
  }

  private async findRow(id: string): Promise<StoredIntegration> {
    const row = await this.repository.findById(id);
    if (!row) throw notFound(id);
    return row;
  }
}

function refuseIfManaged(row: StoredIntegration): void {
  if (row.managedBy) throw managedByFile('integration', row.masked.name, row.managedBy);
}

function notFound(id: string): MonitorError {
  return new MonitorError('INTEGRATION_NOT_FOUND', `No integration with id ${id}`);
}

/** An update may name only fields of the stored integration's kind: the kind itself never changes. */
function otherKindFields(kind: IntegrationDefinition['kind'], patch: IntegrationPatch): FieldError[] {
  const other = kind === 'http' ? 'webhook' : 'http';
  return KIND_FIELDS[other]
    .filter((field) => field in patch)
    .map((field) => ({ field, message: `applies to ${other} integrations only; this one is ${kind}` }));
}

function rejectIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw new MonitorError('VALIDATION_FAILED', 'The integration is invalid', errors);
}
