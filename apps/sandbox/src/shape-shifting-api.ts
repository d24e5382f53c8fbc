import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './respond';
import type { SandboxRoute } from './routes';

export const SHAPE_SHIFTING_PATH = '/v1/orders/latest';

/**
 * The same order in each version of an API that changes under its clients: 1 as learned, 2 with `price` now a
 * string, 3 without `customer_id`, 4 with an added `discount` (not a break), 5 with a list where an object was.
 */
const VERSIONS: Readonly<Record<number, () => unknown>> = {
  1: () => ({
    id: 'ord_1001',
    price: 12.5,
    currency: 'EUR',
    customer_id: 'cus_42',
    items: [{ sku: 'A-1', qty: 2 }],
  }),
  2: () => ({
    id: 'ord_1001',
    price: '12.50',
    currency: 'EUR',
    customer_id: 'cus_42',
    items: [{ sku: 'A-1', qty: 2 }],
  }),
  3: () => ({ id: 'ord_1001', price: 12.5, currency: 'EUR', items: [{ sku: 'A-1', qty: 2 }] }),
  4: () => ({
    id: 'ord_1001',
    price: 12.5,
    currency: 'EUR',
    customer_id: 'cus_42',
    items: [{ sku: 'A-1', qty: 2 }],
    discount: { code: 'WINTER', percent: 10 },
  }),
  5: () => [{ id: 'ord_1001', price: 12.5 }],
};

/**
 * An API whose response shape changes on request, for drift detection: `GET /v1/orders/latest` answers the
 * current version, `POST /v1/orders/latest/version` with `{"version": n}` switches it. Each server has its own.
 */
export class ShapeShiftingApi {
  private version = 1;

  readonly routes: readonly SandboxRoute[] = [
    {
      method: 'GET',
      path: SHAPE_SHIFTING_PATH,
      description:
        '200 JSON whose shape changes on request (drift without a schema); POST …/version to change it',
      handle: (_req, res) => sendJson(res, 200, VERSIONS[this.version]!()),
    },
    {
      method: 'POST',
      path: `${SHAPE_SHIFTING_PATH}/version`,
      description: 'Switches the shape of GET /v1/orders/latest: {"version": 1 to 5}',
      handle: (req, res) => void this.switch(req, res).catch(() => res.destroy()),
    },
  ];

  private async switch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, 1024);
    let version: unknown;
    try {
      version = (JSON.parse(raw?.toString('utf8') ?? '') as { version?: unknown }).version;
    } catch {
      version = undefined;
    }
    if (typeof version !== 'number' || !(version in VERSIONS)) {
      sendJson(res, 400, {
        error: 'bad_version',
        message: `version must be one of ${Object.keys(VERSIONS).join(', ')}`,
      });
      return;
    }
    this.version = version;
    sendJson(res, 200, { version });
  }
}
