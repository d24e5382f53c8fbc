import type { TokenEndpointFailure } from '@ihm/diagnosis';
import { createHash } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { outboundAgent } from './outbound-connector';
import type { OutboundPolicy } from './outbound-guard';
import { transportFailure } from './transport-failure';

type OAuth2Auth = {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string | undefined;
  clientAuthentication?: 'client_secret_basic' | 'client_secret_post' | undefined;
};

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Renew this long before `expires_in` runs out: a token must not expire between fetch and use. */
const RENEW_MARGIN_MS = 60_000;
/** When the endpoint omits `expires_in`, assume a short life rather than caching forever. */
const DEFAULT_LIFETIME_S = 300;

export type TokenOutcome = { token: string } | { failure: TokenEndpointFailure };

/** Client-credentials access tokens, fetched once and reused until shortly before they expire. */
export class OAuthTokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  async get(
    auth: OAuth2Auth,
    signal: AbortSignal,
    outbound: OutboundPolicy,
    now = Date.now(),
  ): Promise<TokenOutcome> {
    const key = createHash('sha256')
      .update(
        [
          auth.tokenUrl,
          auth.clientId,
          auth.clientSecret,
          auth.scope ?? '',
          auth.clientAuthentication ?? '',
        ].join('\0'),
      )
      .digest('hex');
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - RENEW_MARGIN_MS > now) return { token: cached.accessToken };
    const outcome = await fetchToken(auth, signal, dispatcherFor(outbound));
    if ('token' in outcome) {
      const lifetime = outcome.expiresIn ?? DEFAULT_LIFETIME_S;
      this.tokens.set(key, { accessToken: outcome.token, expiresAt: now + lifetime * 1000 });
      return { token: outcome.token };
    }
    this.tokens.delete(key);
    return outcome;
  }
}

/** One connection pool per policy (a process has one), its connections checked by the outbound guard. */
const dispatchers = new WeakMap<OutboundPolicy, Dispatcher>();

function dispatcherFor(policy: OutboundPolicy): Dispatcher {
  let dispatcher = dispatchers.get(policy);
  if (!dispatcher) dispatchers.set(policy, (dispatcher = outboundAgent(policy)));
  return dispatcher;
}

async function fetchToken(
  auth: OAuth2Auth,
  signal: AbortSignal,
  dispatcher: Dispatcher,
): Promise<{ token: string; expiresIn: number | null } | { failure: TokenEndpointFailure }> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scope) form.set('scope', auth.scope);
  const inBody = auth.clientAuthentication === 'client_secret_post';
  if (inBody) {
    form.set('client_id', auth.clientId);
    form.set('client_secret', auth.clientSecret);
  }
  const basic = Buffer.from(
    `${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`,
  ).toString('base64');
  const failure = (partial: Partial<TokenEndpointFailure>): { failure: TokenEndpointFailure } => ({
    failure: {
      tokenUrl: auth.tokenUrl,
      transport: null,
      status: null,
      error: null,
      description: null,
      ...partial,
    },
  });
  try {
    const response = await request(auth.tokenUrl, {
      method: 'POST',
      headers: {
        ...(inBody ? {} : { authorization: `Basic ${basic}` }),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form.toString(),
      signal,
      dispatcher,
    });
    const text = (await response.body.text()).slice(0, 65_536);
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* not JSON: reported below */
    }
    const token = json.access_token;
    if (response.statusCode >= 200 && response.statusCode < 300 && typeof token === 'string' && token) {
      const expiresIn = Number(json.expires_in);
      return { token, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : null };
    }
    return failure({
      status: response.statusCode,
      error: typeof json.error === 'string' ? json.error : null,
      description:
        typeof json.error_description === 'string'
          ? json.error_description
          : response.statusCode < 300
            ? 'the response has no access_token'
            : text.slice(0, 200) || null,
    });
  } catch (error) {
    return failure({ transport: transportFailure(error, new URL(auth.tokenUrl).host, 'connect') });
  }
}
