/** The troubleshooting guide's failure categories, as stored and sent by the API. */
export const CATEGORIES = [
  'authentication',
  'rate_limiting',
  'data_validation',
  'schema_mismatch',
  'network_timeout',
  'connectivity',
  'misconfigured_webhook',
  'not_found',
  'server_error',
  'service_unavailable',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  authentication: 'Authentication',
  rate_limiting: 'Rate limiting',
  data_validation: 'Data validation',
  schema_mismatch: 'Schema mismatch',
  network_timeout: 'Network timeout',
  connectivity: 'Connectivity',
  misconfigured_webhook: 'Misconfigured webhook',
  not_found: 'Not found (404)',
  server_error: 'Server error (500)',
  service_unavailable: 'Service unavailable (503)',
};

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
