import type { Category } from '../categories';
import type { ProbeStatus } from '../status';

export interface AlertIntegration {
  id: string;
  name: string;
  tags: string[];
}

/** What alert evaluation reads of one recorded result: the verdict and the readings the conditions need. */
export interface EvaluatedResult {
  integration: AlertIntegration;
  startedAt: Date;
  status: ProbeStatus;
  category: Category | null;
  message: string;
  troubleshooting: string[];
  /** Null when no response arrived. */
  httpStatus: number | null;
  totalMs: number | null;
  rateLimit: { limit: number | null; remaining: number | null; resetAt: Date | null } | null;
  tokenExpiresAt: Date | null;
  certificateExpiresAt: Date | null;
}
