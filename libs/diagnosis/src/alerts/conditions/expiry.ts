import type { Category } from '../../categories';
import { formatDuration, formatInstant } from '../../humanize';
import { troubleshootingSteps } from '../../troubleshooting';
import type { ExpiryCondition } from '../alert-rule';
import type { AlertCause } from '../alert';
import type { ConditionCheck, ConditionInput } from './condition-input';

const DAY_MS = 86_400_000;

export interface ExpiryMemory {
  type: 'expiry';
}

interface Expiring {
  at: Date;
  what: string;
  category: Category;
  step: string;
}

function causeOf({ at, what, category, step }: Expiring, now: Date): AlertCause {
  const left = at.getTime() - now.getTime();
  const expired = left <= 0;
  const when = expired
    ? `expired ${formatDuration(-left / 1000)} ago (${formatInstant(at)})`
    : `expires in ${formatDuration(left / 1000)} (${formatInstant(at)})`;
  return {
    category,
    severity: expired ? 'down' : 'degraded',
    message: `${what} ${when}.`,
    troubleshooting: [step, ...troubleshootingSteps(category)],
  };
}

/** The bearer token or the TLS certificate, whichever expires first within the rule's days. */
export function checkExpiry(
  condition: ExpiryCondition,
  { result, now }: ConditionInput,
): ConditionCheck<ExpiryMemory> {
  const memory: ExpiryMemory = { type: 'expiry' };
  const candidates: Expiring[] = [];
  if (result.tokenExpiresAt) {
    candidates.push({
      at: result.tokenExpiresAt,
      what: 'The bearer token',
      category: 'authentication',
      step: `Renew the token before ${formatInstant(result.tokenExpiresAt)}; for tokens that expire by design, use the OAuth2 client-credentials auth type so the monitor renews them.`,
    });
  }
  if (result.certificateExpiresAt) {
    candidates.push({
      at: result.certificateExpiresAt,
      what: 'The TLS certificate',
      category: 'connectivity',
      step: 'Tell the provider (or your own team, if you run this endpoint): clients will refuse the connection once it expires.',
    });
  }
  const soonest = candidates
    .filter((candidate) => candidate.at.getTime() - now.getTime() < condition.withinDays * DAY_MS)
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  if (soonest) return { memory, verdict: { kind: 'met', cause: causeOf(soonest, now) } };
  // Without a response the probe may not have reached the certificate: its renewal is not proven.
  const unseen = result.httpStatus === null && result.certificateExpiresAt === null;
  return { memory, verdict: { kind: unseen ? 'unknown' : 'clear' } };
}
