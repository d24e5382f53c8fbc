import type { FieldError } from '@ihm/contracts';
import { checkOutboundHost, type OutboundPolicy } from '@ihm/probe';

/** A field that names where the monitor will connect: a URL, or a bare host (SMTP). */
export type OutboundField = { field: string; url: string } | { field: string; host: string };

const hostOf = (target: OutboundField) =>
  'host' in target ? target.host : URL.canParse(target.url) ? new URL(target.url).hostname : null;

/**
 * Registration's check: a literal address or metadata host name the guard refuses is a field error now; a name is
 * checked when it resolves, at every connection (the probe's result then says why).
 */
export function refusedTargets(targets: readonly OutboundField[], policy: OutboundPolicy): FieldError[] {
  return targets.flatMap((target) => {
    const host = hostOf(target);
    const verdict = host === null ? null : checkOutboundHost(host, policy);
    return verdict && !verdict.allowed
      ? [{ field: target.field, message: `refused by the outbound guard: ${verdict.reason}` }]
      : [];
  });
}
