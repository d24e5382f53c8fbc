import type { IntegrationDefinition, ProbeResult, ProbeResultPage } from '@ihm/contracts';
import { probers } from '@ihm/probe';
import { Injectable } from '@nestjs/common';
import { IntegrationService } from '../integrations/integration.service';
import { ResultWriter } from '../storage/result-writer.service';
import { ProbeResultRepository } from './probe-result.repository';

@Injectable()
export class ProbeService {
  constructor(
    private readonly integrations: IntegrationService,
    private readonly resultStore: ProbeResultRepository,
    private readonly writer: ResultWriter,
  ) {}

  /** Probe now, store the result, return it. */
  async probeIntegration(id: string): Promise<ProbeResult> {
    const definition = await this.integrations.getDefinition(id);
    const result = { ...(await probers.http(definition)), integrationId: id };
    await this.writer.writeNow([{ integrationId: id, result }]);
    return result;
  }

  /** The form's "Test" button: an unsaved definition, probed once, stored nowhere. */
  async dryRun(definition: IntegrationDefinition, basedOn: string | null): Promise<ProbeResult> {
    return probers.http(await this.integrations.withStoredSecrets(definition, basedOn));
  }

  async recentResults(id: string, limit: number, cursor: string | null): Promise<ProbeResultPage> {
    await this.integrations.get(id);
    return this.resultStore.page(id, limit, cursor);
  }
}
