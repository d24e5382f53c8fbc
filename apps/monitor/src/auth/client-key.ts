const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Whose sign-in attempts these are. The dashboard's server calls the monitor over loopback and forwards the
 * browser's address in `X-Forwarded-For`; that header is believed from a loopback peer only, else anyone
 * could pick a fresh key for every guess.
 */
export function clientKey(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
  const address = peer?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') ?? 'unknown';
  if (!LOOPBACK.test(peer ?? '')) return address;
  const forwarded = [forwardedFor].flat().join(',').split(',')[0]?.trim();
  return forwarded || address;
}
