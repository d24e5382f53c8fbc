import type { Category } from './categories';
import { down, type Finding } from './finding';
import { formatMs } from './humanize';
import type { TransportFailure } from './observation';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const TIMEOUT_CODES = new Set([
  'DEADLINE',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ESOCKETTIMEDOUT',
]);

const CONNECTION_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed while sending',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed by the server before the response was complete',
  UND_ERR_CLOSED: 'connection closed',
};

/** Node's certificate verification codes, in words. */
const TLS_REASONS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate cannot be verified (intermediate certificate missing?)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of its certificate is not trusted here',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate does not cover this host name',
  CERT_REVOKED: 'its certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'its certificate signature is invalid',
};

const PHASE_WAITING: Record<TransportFailure['phase'], string> = {
  dns: 'resolving the host name',
  connect: 'connecting',
  tls: 'completing the TLS handshake',
  request: 'sending the request',
  headers: 'waiting for response headers',
  body: 'reading the response body',
  redirect: 'following redirects',
};

function isTls(failure: TransportFailure): boolean {
  return (
    failure.code in TLS_REASONS || failure.code.startsWith('ERR_SSL') || failure.code.startsWith('ERR_TLS')
  );
}

/** A failure before any usable response: DNS, connection, TLS, timeout, size and redirect limits. */
export function classifyTransport(failure: TransportFailure, timeoutMs: number | null): Finding {
  const { host, code } = failure;
  if (TIMEOUT_CODES.has(code)) {
    const after = timeoutMs ? ` after ${formatMs(timeoutMs)}` : '';
    return down(
      'network_timeout',
      `Timed out${after} while ${PHASE_WAITING[failure.phase]} (${host}, ${code}).`,
      [
        failure.phase === 'body'
          ? 'The server started answering but sent the body too slowly: check its load and the size of the response.'
          : `Time the phases from the monitor's network: curl -w '%{time_connect} %{time_starttransfer}\\n' against ${host}.`,
      ],
    );
  }
  if (DNS_CODES.has(code)) {
    return down('connectivity', `DNS lookup of ${host} failed (${code}).`, [
      `Check the host name ${host} for typos and that it resolves from the monitor's machine (dig ${host}).`,
    ]);
  }
  if (isTls(failure)) {
    const reason = TLS_REASONS[code] ?? failure.message;
    return down('connectivity', `TLS handshake with ${host} failed: ${reason} (${code}).`, [
      code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? `Check that the URL uses the host name the certificate was issued for.`
        : `Inspect the certificate: openssl s_client -connect ${host}:443 -servername ${host}.`,
    ]);
  }
  if (code === 'REDIRECT_LOOP' || code === 'TOO_MANY_REDIRECTS') {
    return down('not_found', `${failure.message}.`, [
      'Point the integration at the final URL (scheme, host, trailing slash) so it needs no redirect.',
    ]);
  }
  if (code === 'HEADERS_TOO_LARGE' || code === 'UND_ERR_HEADERS_OVERFLOW') {
    return down('server_error', `The response headers from ${host} exceed the monitor's limit (${code}).`);
  }
  const category: Category = 'connectivity';
  const reason = CONNECTION_REASONS[code] ?? failure.message;
  return down(category, `Could not reach ${host}: ${reason} (${code}).`, [
    `Check that ${host} accepts connections on its port from the monitor's network (firewall, proxy, VPN).`,
  ]);
}
