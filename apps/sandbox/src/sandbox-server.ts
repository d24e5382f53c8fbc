import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { buildCatalog } from './catalog';
import { sendJson } from './respond';
import { HOSTILE_ROUTES } from './hostile-routes';
import { WebhookProvider } from './provider';
import { DEMO_RECEIVER_SECRET, WebhookReceiver } from './receiver';
import { SANDBOX_ROUTES, type SandboxRoute } from './routes';
import { ShapeShiftingApi } from './shape-shifting-api';

export interface SandboxOptions {
  /** `whsec_…`: what the webhook receiver verifies signatures with; DEMO_RECEIVER_SECRET by default. */
  receiverSecret?: string;
}

/**
 * The misbehaving API: each route shows one failure kind of the troubleshooting guide.
 * `GET /catalog` lists the routes with a ready-to-register integration for each; `/receiver/webhook` is a
 * webhook receiver for alert channels, not an integration, so the catalog leaves it out; `/provider/subscriptions`
 * makes it a webhook provider delivering to the monitor's receivers (demo mode's webhook integrations).
 */
export function createSandboxServer({ receiverSecret = DEMO_RECEIVER_SECRET }: SandboxOptions = {}): Server {
  const provider = new WebhookProvider();
  const routes = [
    ...SANDBOX_ROUTES,
    ...HOSTILE_ROUTES,
    ...new WebhookReceiver(receiverSecret).routes,
    ...provider.routes,
    ...new ShapeShiftingApi().routes,
  ];
  const server = createServer((req, res) => {
    route(routes, req, res);
    // Drain a body the route did not read, so that clients sending one (POST routes) are not reset.
    req.resume();
  });
  // A hanging route must not keep the process alive at shutdown.
  server.on('close', () => {
    provider.stop();
    server.closeAllConnections();
  });
  return server;
}

function route(routes: readonly SandboxRoute[], req: IncomingMessage, res: ServerResponse): void {
  const host = req.headers.host ?? '127.0.0.1';
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (url.pathname === '/catalog' && req.method === 'GET') {
    sendJson(res, 200, buildCatalog(`http://${host}`));
    return;
  }
  const atPath = routes.filter((candidate) => candidate.path === url.pathname);
  if (atPath.length === 0) {
    sendJson(res, 404, { error: 'not_found', message: `No sandbox route ${url.pathname}` });
    return;
  }
  const match = atPath.find(
    (candidate) => candidate.method === req.method || (candidate.method === 'GET' && req.method === 'HEAD'),
  );
  if (!match) {
    const allowed = atPath.map((candidate) => candidate.method).join(', ');
    sendJson(res, 405, { error: 'method_not_allowed', message: `Use ${allowed}` }, { allow: allowed });
    return;
  }
  match.handle(req, res);
}
