import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Shutdown's first step stops every periodic job (@Interval): each service writes what it holds in its own
 * shutdown hook, and no job starts meanwhile, or after the database's connections have closed.
 */
@Injectable()
export class PeriodicJobsStop implements OnModuleDestroy {
  constructor(private readonly registry: SchedulerRegistry) {}

  onModuleDestroy(): void {
    for (const name of this.registry.getIntervals()) this.registry.deleteInterval(name);
  }
}
