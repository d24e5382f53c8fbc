import { SANDBOX_ROUTES } from './routes';

export interface CatalogEntry {
  route: string;
  description: string;
  /** A complete `POST /api/integrations` body for a demo integration of this route. */
  integration: Record<string, unknown>;
}

/** One demo integration per route, pointed at `baseUrl`: what the monitor's demo mode registers. */
export function buildCatalog(baseUrl: string): CatalogEntry[] {
  return SANDBOX_ROUTES.map((route) => ({
    route: `${route.method} ${route.path}`,
    description: route.description,
    integration: {
      name: `Sandbox: ${route.description}`.slice(0, 100),
      url: new URL(route.path, baseUrl).toString(),
      method: route.method,
      ...route.demo,
    },
  }));
}
