import type { Category } from './categories';

/** The guide's seven general steps. */
export const GENERAL_STEPS = [
  'logs',
  'connectivity',
  'credentials',
  'dataFormats',
  'testIndividually',
  'apiDocs',
  'simplify',
] as const;

export type GeneralStep = (typeof GENERAL_STEPS)[number];

export const GENERAL_STEP_TEXT: Readonly<Record<GeneralStep, string>> = {
  logs: 'Check the logs of both systems: the headers and body excerpt stored with this result show what was sent and said.',
  connectivity:
    'Verify connectivity: resolve the host, open a connection to its port and complete the TLS handshake from the machine that runs the monitor.',
  credentials:
    'Validate credentials: check that the key or token is current, not revoked, and has the scopes and permissions this endpoint needs.',
  dataFormats:
    'Check data formats: compare the request and the response with the formats the API documents (content type, field names, types).',
  testIndividually:
    'Test the endpoint on its own (for example with curl) using the same URL, method, headers and body to isolate the failing call.',
  apiDocs:
    "Read the API's documentation for its limits, headers and payloads, and its status page or changelog for incidents and changes.",
  simplify: 'Simplify the request to the smallest call that still fails, then add parts back one at a time.',
};

/**
 * Which general steps apply to each category, most useful first. The one place that maps the guide's
 * general steps to categories; the API and the dashboard show what this table says.
 */
export const STEPS_BY_CATEGORY: Readonly<Record<Category, readonly GeneralStep[]>> = {
  authentication: ['credentials', 'logs', 'apiDocs', 'testIndividually'],
  rate_limiting: ['apiDocs', 'logs', 'simplify'],
  data_validation: ['dataFormats', 'logs', 'testIndividually', 'simplify'],
  schema_mismatch: ['dataFormats', 'apiDocs', 'logs'],
  network_timeout: ['connectivity', 'logs', 'testIndividually', 'simplify'],
  connectivity: ['connectivity', 'logs', 'testIndividually'],
  misconfigured_webhook: ['logs', 'dataFormats', 'apiDocs'],
  not_found: ['apiDocs', 'testIndividually', 'logs'],
  server_error: ['logs', 'testIndividually', 'simplify', 'apiDocs'],
  service_unavailable: ['apiDocs', 'logs', 'connectivity'],
};

export function troubleshootingSteps(category: Category): string[] {
  return STEPS_BY_CATEGORY[category].map((step) => GENERAL_STEP_TEXT[step]);
}
