export { buildCatalog, type CatalogEntry } from './catalog';
export { DEMO_RECEIVER_SECRET, RECEIVER_PATH, type ReceivedDelivery } from './receiver';
export { SANDBOX_ROUTES, type SandboxRoute } from './routes';
export { createSandboxServer, type SandboxOptions } from './sandbox-server';
export { HOSTILE_ROUTES } from './hostile-routes';
export { SHAPE_SHIFTING_PATH } from './shape-shifting-api';
