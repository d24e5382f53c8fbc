import type { FailurePhase } from '@ihm/diagnosis';
import type { TLSSocket } from 'node:tls';

export interface PeerCertificate {
  subject: string | null;
  issuer: string | null;
  validTo: Date | null;
}

/** Timestamps of one exchange, filled by the connector and the prober, read into the result's timings. */
export class PhaseClock {
  readonly startedAt = performance.now();
  phase: FailurePhase = 'dns';
  dnsMs: number | null = null;
  connectMs: number | null = null;
  tlsMs: number | null = null;
  ttfbMs: number | null = null;
  certificate: PeerCertificate | null = null;
  /**
   * A TLS alert the server sent. In TLS 1.3 the server judges the client certificate after the client considers
   * the handshake done, so the alert arrives on the socket while undici reports only "other side closed".
   */
  tlsAlert: Error | null = null;
  private socketReadyAt: number | null = null;

  socketFailed(error: Error & { code?: string }): void {
    if (!this.tlsAlert && error.code?.startsWith('ERR_SSL_')) this.tlsAlert = error;
  }

  lookupDone(ms: number): void {
    this.dnsMs = ms;
    this.phase = 'connect';
  }

  connected(connectStartedAt: number, secure: boolean): void {
    // The connector's clock starts before the lookup; what the lookup took is not connect time.
    this.connectMs = performance.now() - connectStartedAt - (this.dnsMs ?? 0);
    this.phase = secure ? 'tls' : 'headers';
    if (!secure) this.socketReadyAt = performance.now();
  }

  secured(socket: TLSSocket, connectedAt: number): void {
    this.tlsMs = performance.now() - connectedAt;
    this.phase = 'headers';
    this.socketReadyAt = performance.now();
    const cert = socket.getPeerCertificate();
    if (cert && Object.keys(cert).length > 0) {
      const validTo = new Date(cert.valid_to);
      this.certificate = {
        subject: firstValue(cert.subject?.CN) ?? null,
        issuer: firstValue(cert.issuer?.O) ?? firstValue(cert.issuer?.CN) ?? null,
        validTo: Number.isNaN(validTo.getTime()) ? null : validTo,
      };
    }
  }

  headersReceived(requestSentAt: number): void {
    this.ttfbMs = performance.now() - (this.socketReadyAt ?? requestSentAt);
    this.phase = 'body';
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
