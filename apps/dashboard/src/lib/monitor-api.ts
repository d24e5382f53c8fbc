import 'server-only';
import { ErrorBodySchema, OverviewSchema, type Overview } from '@ihm/contracts';
import type { z } from 'zod';
import { dashboardEnv } from './env';

export class MonitorUnavailableError extends Error {}

/** Every read of the dashboard goes through here, parsed with the contracts the monitor answers with. */
async function get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  const { monitorUrl, apiToken } = dashboardEnv();
  let response: Response;
  try {
    response = await fetch(new URL(path, monitorUrl), {
      headers: apiToken ? { authorization: `Bearer ${apiToken}` } : {},
      cache: 'no-store',
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    throw new MonitorUnavailableError(`The monitor at ${monitorUrl} does not answer.`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorBodySchema.safeParse(body);
    throw new MonitorUnavailableError(
      `The monitor answered ${response.status}${error.success ? `: ${error.data.message}` : ''}.`,
    );
  }
  return schema.parse(body);
}

export function fetchOverview(): Promise<Overview> {
  return get('/api/overview', OverviewSchema);
}
