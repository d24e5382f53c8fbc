import type { RunningMonitor } from './monitor-app';

export interface Route {
  method: string;
  /** As express holds it: `/api/integrations/:id`. */
  path: string;
}

/** Every route the app's router serves, as express holds them (after Nest registered its controllers). */
export function routesOf(monitor: RunningMonitor): Route[] {
  const router = (
    monitor.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    }
  ).router;
  return router.stack.flatMap(({ route }) =>
    route
      ? Object.keys(route.methods).map((method) => ({ method: method.toUpperCase(), path: route.path }))
      : [],
  );
}
