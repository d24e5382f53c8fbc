const FAILURES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'DNS lookup failed: no such host',
  EAI_AGAIN: 'DNS lookup failed for now',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed before the answer',
  UND_ERR_HEADERS_OVERFLOW: 'answer headers too large',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
  AbortError: 'the attempt was aborted',
  TimeoutError: 'the deadline passed',
};

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  cause?: { code?: unknown; message?: unknown };
}

// Duck-typed: an abort's DOMException may come from another realm, where `instanceof Error` is false.
function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, code, cause } = error as ErrorLike;
  if (typeof cause?.code === 'string') return cause.code;
  // fetch refuses the ports of the Fetch standard's "bad port" list before connecting, with no code.
  if (cause?.message === 'bad port') return 'BAD_PORT';
  if (typeof code === 'string') return code;
  return typeof name === 'string' ? name : null;
}

function outboundReason(error: unknown): string {
  const { message, cause } = error as { message?: unknown; cause?: { message?: unknown } };
  const text = typeof cause?.message === 'string' ? cause.message : message;
  return typeof text === 'string' ? text : 'refused by the outbound guard';
}

/**
 * Why a request got no answer, named from the error's code alone: error messages may quote the URL, and a
 * Slack webhook URL is itself the secret.
 */
export function requestFailure(error: unknown): string {
  const code = codeOf(error);
  // The guard's reason names the host and the address it refused, never the URL's path (a Slack URL's secret).
  if (code === 'OUTBOUND_REFUSED') return outboundReason(error);
  if (code === 'BAD_PORT') return 'the port is one fetch refuses to connect to (BAD_PORT)';
  if (code === null || !/^[A-Za-z_][\w-]*$/.test(code)) return 'request failed';
  const failure = FAILURES[code];
  return failure ? `${failure} (${code})` : `request failed (${code})`;
}
