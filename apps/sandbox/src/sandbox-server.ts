import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { buildCatalog } from './catalog';
import { sendJson } from './respond';
import { HOSTILE_ROUTES } from './hostile-routes';
import { SANDBOX_ROUTES } from './routes';

const ALL_ROUTES = [...SANDBOX_ROUTES, ...HOSTILE_ROUTES];

/**
 * The misbehaving API: each route shows one failure kind of the troubleshooting guide.
 * `GET /catalog` lists the routes with a ready-to-register integration for each.
 */
export function createSandboxServer(): Server {
  const server = createServer((req, res) => {
    // Drain the request body so that clients sending one (POST routes) are not reset.
    req.resume();
    route(req, res);
  });
  // A hanging route must not keep the process alive at shutdown.
  server.on('close', () => server.closeAllConnections());
  return server;
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const host = req.headers.host ?? '127.0.0.1';
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (url.pathname === '/catalog' && req.method === 'GET') {
    sendJson(res, 200, buildCatalog(`http://${host}`));
    return;
  }
  const match = ALL_ROUTES.find((candidate) => candidate.path === url.pathname);
  if (!match) {
    sendJson(res, 404, { error: 'not_found', message: `No sandbox route ${url.pathname}` });
    return;
  }
  if (match.method !== req.method && !(match.method === 'GET' && req.method === 'HEAD')) {
    sendJson(
      res,
      405,
      { error: 'method_not_allowed', message: `Use ${match.method}` },
      { allow: match.method },
    );
    return;
  }
  match.handle(req, res);
}
