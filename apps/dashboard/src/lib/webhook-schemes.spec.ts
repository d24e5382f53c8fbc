import { WEBHOOK_SCHEMES } from '@ihm/contracts';
import { SCHEME_INFO } from './webhook-schemes';

const URL = 'https://monitor.example.com/api/webhooks/wh_1';

describe('SCHEME_INFO', () => {
  it.each(WEBHOOK_SCHEMES)('%s: a label, a hint and steps that name the receiver URL', (scheme) => {
    const info = SCHEME_INFO[scheme];
    expect(info.label).not.toBe('');
    expect(info.hint).not.toBe('');
    expect(info.steps(URL).some((step) => step.includes(URL))).toBe(true);
  });

  it.each([
    {
      scheme: 'github' as const,
      says: [
        /Settings → Webhooks/,
        /Payload URL: https:/,
        /application\/json/,
        /Secret: the secret you entered here/,
      ],
    },
    { scheme: 'stripe' as const, says: [/Developers → Webhooks → Add endpoint/, /whsec_/] },
    { scheme: 'slack' as const, says: [/Request URL/, /Signing Secret/] },
    { scheme: 'shopify' as const, says: [/Settings → Notifications → Webhooks/] },
    { scheme: 'twilio' as const, says: [/Auth Token/] },
    { scheme: 'standard' as const, says: [/whsec_/] },
    { scheme: 'hmac' as const, says: [/header name, encoding and prefix/] },
  ])('$scheme: the provider’s own words', ({ scheme, says }) => {
    const text = SCHEME_INFO[scheme].steps(URL).join('\n');
    for (const pattern of says) expect(text).toMatch(pattern);
  });

  it.each([
    { scheme: 'github' as const, header: 'X-Hub-Signature-256' },
    { scheme: 'stripe' as const, header: 'Stripe-Signature' },
    { scheme: 'slack' as const, header: 'X-Slack-Signature' },
    { scheme: 'shopify' as const, header: 'X-Shopify-Hmac-Sha256' },
    { scheme: 'twilio' as const, header: 'X-Twilio-Signature' },
    { scheme: 'standard' as const, header: 'webhook-signature' },
  ])('$scheme signs in $header', ({ scheme, header }) => {
    expect(SCHEME_INFO[scheme].hint).toContain(header);
  });
});
