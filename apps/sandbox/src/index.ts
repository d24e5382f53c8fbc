export { buildCatalog, type CatalogEntry } from './catalog';
export { SANDBOX_ROUTES, type SandboxRoute } from './routes';
export { createSandboxServer } from './sandbox-server';
export { HOSTILE_ROUTES } from './hostile-routes';
