export * from './http.prober';
export { OAuthTokenCache } from './oauth-token';
export * from './probers';
export type { TlsOptions } from './timed-connector';
