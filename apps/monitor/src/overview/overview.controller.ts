import type { Overview } from '@ihm/contracts';
import { Controller, Get } from '@nestjs/common';
import { countOverview } from './overview-counts';
import { OverviewRepository } from './overview.repository';

@Controller('overview')
export class OverviewController {
  constructor(private readonly repository: OverviewRepository) {}

  @Get()
  async overview(): Promise<Overview> {
    const integrations = await this.repository.latest();
    return { integrations, counts: countOverview(integrations) };
  }
}
