import type { SigningScheme } from '@ihm/contracts';
import { github } from './github';
import { hmac } from './hmac';
import { none } from './none';
import type { Scheme, Verifier } from './scheme';
import { shopify } from './shopify';
import { slack } from './slack';
import { standard } from './standard';
import { stripe } from './stripe';
import { twilio } from './twilio';

export const SCHEMES = {
  standard,
  github,
  stripe,
  slack,
  shopify,
  twilio,
  hmac,
  none,
} satisfies Record<SigningScheme, Scheme> & { none: Verifier };
