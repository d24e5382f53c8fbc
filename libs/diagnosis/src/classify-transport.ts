import type { Category } from './categories';
import { down, type Finding } from './finding';
import { formatMs } from './humanize';
import type { TransportFailure } from './observation';

/** getaddrinfo's and c-ares's codes, in words; any failure in the DNS phase is a DNS failure. */
const DNS_REASONS: Record<string, string> = {
  ENOTFOUND: 'no such host',
  EAI_NONAME: 'no such host',
  EAI_AGAIN: 'the DNS server did not answer in time (temporary failure)',
  ETIMEOUT: 'the DNS server did not answer in time',
  ENODATA: 'the name has no address records',
  EAI_NODATA: 'the name has no address records',
  ESERVFAIL: 'the DNS server failed to answer',
  EAI_FAIL: 'the DNS server failed to answer',
  EREFUSED: 'the DNS server refused the query',
};
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

const NOT_TLS = 'the server did not answer in TLS (plain HTTP on an https:// URL, or the wrong port?)';

/** OpenSSL's handshake failures, in words. */
const HANDSHAKE_REASONS: Record<string, string> = {
  ERR_SSL_WRONG_VERSION_NUMBER: NOT_TLS,
  ERR_SSL_PACKET_LENGTH_TOO_LONG: NOT_TLS,
  ERR_SSL_HTTP_REQUEST: NOT_TLS,
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'the server and the monitor have no TLS version in common',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'the server and the monitor have no TLS version in common',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE:
    'the server refused the handshake (no cipher in common, or it wants a client certificate)',
};

/**
 * Alerts a server sends about the client's certificate (RFC 8446 §6.2): mutual TLS refused. The certificate is a
 * credential, so this is the guide's authentication case, not connectivity.
 */
const CLIENT_CERTIFICATE_REASONS: Record<string, string> = {
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED:
    'it asks for a client certificate (mutual TLS) and none was presented',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'it does not trust the issuer of the client certificate',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE:
    'it refused the client certificate as bad (malformed, or not signed by its key)',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'it refused the client certificate',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'the client certificate has expired',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: 'the client certificate has been revoked',
  ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE: 'it does not accept this type of client certificate',
  ERR_SSL_TLSV1_ALERT_ACCESS_DENIED: 'the client certificate is valid but not allowed access',
};

function handshakeReason(failure: TransportFailure): string {
  if (failure.code in HANDSHAKE_REASONS) return HANDSHAKE_REASONS[failure.code]!;
  return /wrong version number|packet length too long|http request/i.test(failure.message)
    ? NOT_TLS
    : failure.message;
}

/** `api.example.com:8443` or `[2001:db8::1]` (a URL's host) → the name alone and the `host:port` to connect to. */
function splitHost(host: string): { name: string; connect: string } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  const bracketed = match?.[1] ?? host;
  return { name: bracketed.replace(/^\[|\]$/g, ''), connect: `${bracketed}:${match?.[2] ?? '443'}` };
}

/** The command that shows a TLS server's handshake and certificate as the monitor meets them. */
function opensslCommand(host: string): string {
  const { name, connect } = splitHost(host);
  return `openssl s_client -connect ${connect} -servername ${name}`;
}

function handshakeStep(reason: string, host: string): string {
  if (reason === NOT_TLS) return "Check the URL's scheme and port: https:// needs a port that speaks TLS.";
  return `Inspect the handshake: ${opensslCommand(host)}.`;
}

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
    failure.phase === 'tls' ||
    failure.code in TLS_REASONS ||
    failure.code.startsWith('ERR_SSL') ||
    failure.code.startsWith('ERR_TLS')
  );
}

/** A failure before any usable response: DNS, connection, TLS, timeout, size and redirect limits. */
export function classifyTransport(failure: TransportFailure, timeoutMs: number | null): Finding {
  const { host, code } = failure;
  if (code === 'OUTBOUND_REFUSED') {
    // The message names the address, its range and the setting that allows it.
    return down('connectivity', `${failure.message.replace(/^./, (c) => c.toUpperCase())}.`, [
      `Nothing was sent to ${host}: the monitor refuses private, loopback, link-local and metadata addresses unless allowed.`,
      'If this target is an internal service you mean to monitor, add its network to ALLOWED_TARGET_CIDRS (e.g. 10.20.0.0/16) and restart the monitor.',
    ]);
  }
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
  if (failure.phase === 'dns' || code in DNS_REASONS) {
    const reason = DNS_REASONS[code] ?? failure.message;
    const { name } = splitHost(host);
    return down('connectivity', `DNS lookup of ${name} failed: ${reason} (${code}).`, [
      `Check the host name ${name} for typos and that it resolves from the monitor's machine (dig ${name}).`,
    ]);
  }
  if (code in TLS_REASONS) {
    return down('connectivity', `TLS handshake with ${host} failed: ${TLS_REASONS[code]} (${code}).`, [
      code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? `Check that the URL uses the host name the certificate was issued for.`
        : `Inspect the certificate: ${opensslCommand(host)}.`,
    ]);
  }
  if (code in CLIENT_CERTIFICATE_REASONS) {
    const { connect } = splitHost(host);
    return down(
      'authentication',
      `The server at ${host} refused the TLS handshake: ${CLIENT_CERTIFICATE_REASONS[code]} (${code}).`,
      [
        code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'
          ? "Add the client certificate and key the API issued to the integration's Client certificate."
          : 'Check the client certificate: issued by the CA the API trusts, not expired or revoked, and enabled for this API.',
        `Try the same certificate by hand: openssl s_client -connect ${connect} -cert client.pem -key client.key.`,
      ],
    );
  }
  if (isTls(failure)) {
    const reason = handshakeReason(failure);
    return down('connectivity', `TLS handshake with ${host} failed: ${reason} (${code}).`, [
      handshakeStep(reason, host),
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
  // undici's and llhttp's parse errors: whatever answered on this port does not speak HTTP.
  const reason =
    code === 'HTTPParserError' || code.startsWith('HPE_')
      ? `its answer is not HTTP (${failure.message}): another protocol on this port?`
      : (CONNECTION_REASONS[code] ?? failure.message);
  return down(category, `Could not reach ${host}: ${reason} (${code}).`, [
    `Check that ${host} accepts connections on its port from the monitor's network (firewall, proxy, VPN).`,
  ]);
}
