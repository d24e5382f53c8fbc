import { AuditQuerySchema, type AuditPage, type AuditQuery } from '@ihm/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ZodPipe } from '../common/zod.pipe';
import { AuditRepository } from './audit.repository';

/** The audit log, newest first, a page at a time; by object with `objectType` and `objectId`. */
@Controller('audit')
export class AuditController {
  constructor(private readonly events: AuditRepository) {}

  @Get()
  async page(@Query(new ZodPipe(AuditQuerySchema, 'query')) query: AuditQuery): Promise<AuditPage> {
    const items = await this.events.page(query);
    return { items, nextBefore: items.length === query.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
