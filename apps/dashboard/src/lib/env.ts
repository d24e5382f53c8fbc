import 'server-only';

/** Where the dashboard's server finds the monitor's REST API. */
export function monitorUrl(): string {
  return process.env.MONITOR_URL ?? `http://127.0.0.1:${process.env.MONITOR_PORT ?? 4000}`;
}
