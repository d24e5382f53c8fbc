import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The dashboard's server-side settings: where the monitor is and the token to call it with. */
export function dashboardEnv(): { monitorUrl: string; apiToken: string | null } {
  const monitorUrl = process.env.MONITOR_URL ?? `http://127.0.0.1:${process.env.MONITOR_PORT ?? 4000}`;
  return { monitorUrl, apiToken: process.env.API_TOKEN ?? readTokenFile() };
}

/** Without API_TOKEN, the monitor keeps its generated token in the data folder (same machine, same DATA_DIR). */
function readTokenFile(): string | null {
  const path = join(resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? './.data'), 'api-token');
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : null;
}
