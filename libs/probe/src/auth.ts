import type { Auth } from '@ihm/contracts';
import type { TokenEndpointFailure } from '@ihm/diagnosis';
import type { OAuthTokenCache } from './oauth-token';
import type { OutboundPolicy } from './outbound-guard';

export interface AuthorizedRequest {
  url: URL;
  headers: Record<string, string>;
  /** The bearer token as sent, for reading a JWT's expiry. */
  bearerToken: string | null;
  /** Credentials obtained for this request (an OAuth2 access token): as secret as the configured ones. */
  obtainedSecrets: string[];
  tokenFailure: TokenEndpointFailure | null;
}

/** Puts the integration's credentials on the request: a header, a query parameter or a fetched OAuth2 token. */
export async function authorize(
  auth: Auth,
  url: URL,
  headers: Record<string, string>,
  tokens: OAuthTokenCache,
  signal: AbortSignal,
  outbound: OutboundPolicy,
): Promise<AuthorizedRequest> {
  const out: AuthorizedRequest = {
    url: new URL(url),
    headers: { ...headers },
    bearerToken: null,
    obtainedSecrets: [],
    tokenFailure: null,
  };
  switch (auth.type) {
    case 'none':
      break;
    case 'apiKey':
      if (auth.in === 'header') out.headers[auth.name.toLowerCase()] = auth.value;
      else out.url.searchParams.set(auth.name, auth.value);
      break;
    case 'bearer':
      out.headers.authorization = `Bearer ${auth.token}`;
      out.bearerToken = auth.token;
      break;
    case 'basic':
      out.headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      break;
    case 'oauth2ClientCredentials': {
      const outcome = await tokens.get(auth, signal, outbound);
      if ('failure' in outcome) out.tokenFailure = outcome.failure;
      else {
        out.headers.authorization = `Bearer ${outcome.token}`;
        out.obtainedSecrets.push(outcome.token);
      }
      break;
    }
  }
  return out;
}
