import type { Category } from './categories';

const W = '[\\s_.-]?';
const re = (source: string) => new RegExp(source.replaceAll('~', W), 'i');

/**
 * Words that name a category whatever the status code: an API that says "rate limit" or "token expired" is
 * believed over a 403 or a 200. Rate limits are checked first: "forbidden: rate limit exceeded" is a rate limit.
 */
export const DECISIVE_SIGNALS: readonly (readonly [Category, RegExp])[] = [
  [
    'rate_limiting',
    re(
      'rate~limit|rate~exceeded|too~many~requests|throttl|quota~(exceeded|exhausted|reached)|resource~exhausted|request~limit~(exceeded|reached)|slow~down',
    ),
  ],
  [
    'authentication',
    re(
      'invalid~(access~)?(token|api~key|key|credentials?|client|grant|signature|auth)|(token|key|credentials?|session)~(is~|has~)?(expired|revoked|invalid)|expired~(access~)?(token|key|credentials?)|unauthori[sz]ed|unauthenticated|not~authori[sz]ed|not~authenticated|authentication~(failed|required|error)|insufficient~(scope|permissions?|privileges?)|missing~(scope|permissions?)|permission~denied|access~denied|forbidden|bad~credentials|auth~error',
    ),
  ],
];

/** Words that name a category only when the status code does not already (a 2xx error envelope, a 418). */
export const HINT_SIGNALS: readonly (readonly [Category, RegExp])[] = [
  ['network_timeout', re('time~out|timed~out|deadline~exceeded')],
  ['service_unavailable', re('maintenance|unavailable|overloaded|temporarily')],
  ['not_found', re('not~found|no~such|does~not~exist|resource~missing|unknown~(resource|endpoint|route)')],
  [
    'data_validation',
    re(
      'validation|invalid~(request|param|parameter|argument|input|field|value|body|json|format)|bad~request|malformed|unprocessable|required|missing~(param|parameter|field)|must~be',
    ),
  ],
  ['server_error', re('internal|server~error|unexpected~error|exception')],
];

/** The first category whose words appear in the texts (codes before messages), or null. */
export function categoryNamedBy(
  texts: readonly string[],
  signals: readonly (readonly [Category, RegExp])[],
): Category | null {
  for (const [category, pattern] of signals) {
    if (texts.some((text) => pattern.test(text))) return category;
  }
  return null;
}
