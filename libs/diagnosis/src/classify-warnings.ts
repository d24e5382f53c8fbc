import { degraded, down, type Finding } from './finding';
import { formatCount, formatDuration, formatInstant, formatMs } from './humanize';
import type { Observation } from './observation';

const DAY_MS = 86_400_000;

/** An expired bearer JWT fails the integration even if this API still accepted it. */
export function expiredToken(observation: Observation): Finding | null {
  const exp = observation.tokenExpiresAt;
  if (!exp || exp.getTime() > observation.now.getTime()) return null;
  const ago = formatDuration((observation.now.getTime() - exp.getTime()) / 1000);
  const answered = observation.response ? `; the API answered ${observation.response.status}` : '';
  return down(
    'authentication',
    `Bearer token expired ${ago} ago (JWT exp ${formatInstant(exp)})${answered}.`,
    [
      'Issue a new token and update this integration; for tokens that expire by design, use the OAuth2 client-credentials auth type so the monitor renews them.',
    ],
  );
}

/**
 * Warnings on a working integration, most urgent first: credentials and certificates that are about to stop
 * working outrank a budget running low, which outranks slowness.
 */
export function firstWarning(observation: Observation): Finding | null {
  const { now, thresholds } = observation;
  const exp = observation.tokenExpiresAt;
  if (exp && exp.getTime() - now.getTime() < thresholds.tokenExpiryWarnDays * DAY_MS) {
    const left = formatDuration((exp.getTime() - now.getTime()) / 1000);
    return degraded('authentication', `Bearer token expires in ${left} (JWT exp ${formatInstant(exp)}).`, [
      `Renew the token before ${formatInstant(exp)}.`,
    ]);
  }
  const cert = observation.certificate;
  if (cert && cert.validTo.getTime() - now.getTime() < thresholds.certificateExpiryWarnDays * DAY_MS) {
    const left = formatDuration((cert.validTo.getTime() - now.getTime()) / 1000);
    return degraded(
      'connectivity',
      `The TLS certificate${cert.subject ? ` of ${cert.subject}` : ''} expires in ${left} (${formatInstant(cert.validTo)}).`,
      [
        'Tell the provider (or your own team, if you run this endpoint): clients will refuse the connection once it expires.',
      ],
    );
  }
  const rate = observation.rateLimit;
  if (rate && rate.limit && rate.remaining !== null && rate.limit > 0) {
    const percent = (rate.remaining / rate.limit) * 100;
    if (rate.remaining === 0 || percent < thresholds.rateLimitWarnPercent) {
      const reset = rate.resetAt
        ? `, resets in ${formatDuration((rate.resetAt.getTime() - now.getTime()) / 1000)}`
        : '';
      const text = `${formatCount(rate.remaining)} of ${formatCount(rate.limit)} requests left${rate.resource ? ` (${rate.resource})` : ''}${reset}`;
      // An empty budget is an error: the next call will be refused.
      return rate.remaining === 0
        ? down('rate_limiting', `Rate-limit budget exhausted: ${text}.`, [
            'Find what else spends this budget and spread or cache those calls; ask the provider for a higher limit if the load is legitimate.',
          ])
        : degraded(
            'rate_limiting',
            `Rate-limit budget low: ${text} (warning under ${thresholds.rateLimitWarnPercent}%).`,
            ['Find what else spends this budget and spread or cache those calls before it runs out.'],
          );
    }
  }
  if (
    thresholds.latencyMs !== null &&
    observation.totalMs !== null &&
    observation.totalMs > thresholds.latencyMs
  ) {
    return degraded(
      'network_timeout',
      `Slow: the exchange took ${formatMs(observation.totalMs)}, over the ${formatMs(thresholds.latencyMs)} threshold.`,
      [
        'Look at the phase timings of this result: a slow connect or TLS points at the network, a slow first byte at the API.',
      ],
    );
  }
  return null;
}
