import type { ProbeResultPage } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { IntegrationService } from '../integrations/integration.service';
import { toProbeResult } from './probe-result.mapper';
import { ResultPageRepository } from './result-page.repository';

@Injectable()
export class ResultsService {
  constructor(
    private readonly integrations: IntegrationService,
    private readonly pages: ResultPageRepository,
  ) {}

  /** An integration's stored results, newest first, a page at a time. */
  async recent(integrationId: string, limit: number, cursor: string | null): Promise<ProbeResultPage> {
    await this.integrations.get(integrationId);
    const page = await this.pages.page(integrationId, limit, cursor);
    return {
      items: page.items.map((result) => toProbeResult(result, integrationId)),
      nextCursor: page.nextCursor,
    };
  }
}
