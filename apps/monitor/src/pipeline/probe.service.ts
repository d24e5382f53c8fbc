import type { HttpIntegrationDefinition, ProbeResult } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { MonitorError } from '../common/monitor-error';
import { IntegrationService } from '../integrations/integration.service';
import { toProbeResult } from '../results/probe-result.mapper';
import { ResultPipeline } from './result-pipeline';

/** Checks a person asked for: probe a stored integration now, or test an unsaved definition. */
@Injectable()
export class ProbeService {
  constructor(
    private readonly integrations: IntegrationService,
    private readonly pipeline: ResultPipeline,
  ) {}

  /** Probe now: recorded like a scheduled run (without moving the schedule), answered once stored. */
  async probeIntegration(id: string): Promise<ProbeResult> {
    const definition = await this.integrations.getDefinition(id);
    if (definition.kind !== 'http')
      throw new MonitorError(
        'INTEGRATION_NOT_PROBED',
        'A webhook integration is not probed: send a delivery to its receiver URL instead',
      );
    return toProbeResult(await this.pipeline.run(definition, { kind: 'probe_now', integrationId: id }), id);
  }

  /** The form's "Test" button: an unsaved definition (or an edit of `basedOn`), probed once, stored nowhere. */
  async dryRun(definition: HttpIntegrationDefinition, basedOn: string | null): Promise<ProbeResult> {
    const withSecrets = await this.integrations.withStoredSecrets(definition, basedOn);
    return toProbeResult(await this.pipeline.run(withSecrets, { kind: 'dry_run' }), null);
  }
}
