import { sign, verify } from '@octokit/webhooks-methods';
import {
  HOOK_URL,
  inbound,
  NOW,
  rejection,
  type Rejection,
  schemeConfig,
  tampered,
} from '../../test/support';
import { deliveryIdOf, type InboundRequest, signRequest, verifySignature } from '../index';

const SECRET = 'a github webhook secret';
const BODY = JSON.stringify({ action: 'opened', number: 7 });
const DELIVERY = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
const config = schemeConfig('github', SECRET);

const request = (signature: string, body = BODY) =>
  inbound(body, { 'X-GitHub-Delivery': DELIVERY, 'X-Hub-Signature-256': signature });

describe('github', () => {
  let providerSigned: InboundRequest;
  beforeAll(async () => {
    providerSigned = request(await sign(SECRET, BODY));
  });

  it("accepts GitHub's published example (Validating webhook deliveries)", () => {
    const example = inbound('Hello, World!', {
      'x-hub-signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    });
    expect(verifySignature(schemeConfig('github', "It's a Secret to Everybody"), example, NOW)).toEqual({
      ok: true,
      deliveryId: null,
      signedAt: null,
    });
  });

  it('accepts a request signed by @octokit/webhooks-methods', () => {
    expect(verifySignature(config, providerSigned, NOW)).toEqual({
      ok: true,
      deliveryId: DELIVERY,
      signedAt: null,
    });
  });

  it('signs what @octokit/webhooks-methods verifies', async () => {
    const headers = signRequest(
      { scheme: 'github', secret: SECRET, hmac: null },
      { body: BODY, url: HOOK_URL, contentType: 'application/json' },
      NOW,
      DELIVERY,
    );
    expect(headers).toEqual({ 'X-GitHub-Delivery': DELIVERY, 'X-Hub-Signature-256': expect.any(String) });
    await expect(verify(SECRET, BODY, headers['X-Hub-Signature-256'] ?? '')).resolves.toBe(true);
    expect(verifySignature(config, inbound(BODY, headers), NOW).ok).toBe(true);
  });

  it.each<[string, () => Promise<InboundRequest>, Rejection]>([
    [
      'a tampered body',
      async () => tampered(providerSigned),
      rejection('bad_signature', 'X-Hub-Signature-256'),
    ],
    [
      'a wrong secret',
      async () => request(await sign('not the secret', BODY)),
      rejection('bad_signature', 'X-Hub-Signature-256'),
    ],
    [
      'a signature without its sha256= prefix',
      async () => request((await sign(SECRET, BODY)).slice('sha256='.length)),
      rejection('bad_signature', 'X-Hub-Signature-256'),
    ],
    [
      'a signature that is no hex',
      async () => request('sha256=zz'),
      rejection('bad_signature', 'X-Hub-Signature-256'),
    ],
    [
      'no signature header',
      async () => inbound(BODY, { 'X-GitHub-Delivery': DELIVERY }),
      rejection('missing_signature', 'X-Hub-Signature-256'),
    ],
  ])('rejects %s', async (_case, build, expected) => {
    expect(verifySignature(config, await build(), NOW)).toMatchObject({
      ok: false,
      ...expected,
      deliveryId: DELIVERY,
    });
  });

  it.each<[string, InboundRequest, string | null]>([
    ['X-GitHub-Delivery', inbound(BODY, { 'X-GitHub-Delivery': DELIVERY }), DELIVERY],
    ['nothing without it', inbound(BODY, { 'webhook-id': 'other' }), null],
  ])('takes the delivery id from %s', (_case, request, expected) => {
    expect(deliveryIdOf('github', request)).toBe(expected);
  });
});
