import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MonitorError } from '../common/monitor-error';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';

const digest = (token: string) => createHash('sha256').update(token).digest();

/** With METRICS_TOKEN set, a scrape must send it as `Authorization: Bearer <token>` (Prometheus' `authorization`). */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.expected = config.env.metricsToken ? digest(config.env.metricsToken) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const request = context.switchToHttp().getRequest<IncomingMessage>();
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    // Digests compared, so that the comparison takes the same time whatever the token's length.
    if (token && timingSafeEqual(digest(token), this.expected)) return true;
    throw new MonitorError(
      'UNAUTHENTICATED',
      'Send METRICS_TOKEN as "Authorization: Bearer <token>" to scrape',
    );
  }
}
