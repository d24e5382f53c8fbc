export * from './http.prober';
export type * from './http-observation';
export { OAuthTokenCache } from './oauth-token';
export { guardedLookup, outboundAgent, resolveOutbound } from './outbound-connector';
export * from './outbound-guard';
export type { PeerCertificate } from './phase-clock';
export * from './probers';
export * from './redaction';
export type { TlsOptions } from './timed-connector';
