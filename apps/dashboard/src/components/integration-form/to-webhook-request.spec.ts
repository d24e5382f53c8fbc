import { MASKED_SECRET } from '@ihm/contracts';
import { storedIntegration, storedWebhookIntegration } from './fixtures';
import { emptyForm, fromIntegration, type FormState } from './form-state';
import { placeFieldErrors } from './field-errors';
import { toRequest } from './to-request';
import { signingOf, toWebhookRequest } from './to-webhook-request';
import { NO_WEBHOOK, type WebhookForm } from './webhook-form-state';

function webhookForm(webhook: Partial<WebhookForm> = {}, patch: Partial<FormState> = {}): FormState {
  return {
    ...emptyForm(),
    kind: 'webhook',
    name: ' GitHub pushes ',
    webhook: { ...NO_WEBHOOK, secret: 's3cret', ...webhook },
    ...patch,
  };
}

function requestOf(form: FormState) {
  const built = toWebhookRequest(form);
  if (!built.ok) throw new Error(`unexpected errors: ${JSON.stringify(built.errors)}`);
  return built.request;
}

describe('toWebhookRequest', () => {
  it('registers a webhook with its kind, the API defaults and no http field', () => {
    expect(toRequest(webhookForm())).toEqual({
      ok: true,
      request: {
        kind: 'webhook',
        name: 'GitHub pushes',
        webhook: {
          scheme: 'github',
          secret: 's3cret',
          hmac: null,
          maxSilenceSeconds: 900,
          toleranceSeconds: 300,
          activeHours: null,
          payloadSchema: null,
        },
        paused: false,
        tags: [],
      },
    });
  });

  it.each([
    { minutes: '15', seconds: 900 },
    { minutes: '2.5', seconds: 150 },
    { minutes: ' 60 ', seconds: 3600 },
  ])('maps $minutes minutes of silence to $seconds seconds', ({ minutes, seconds }) => {
    expect(requestOf(webhookForm({ maxSilenceMinutes: minutes })).webhook.maxSilenceSeconds).toBe(seconds);
  });

  it('refuses what cannot be sent: minutes and seconds that are not numbers, a schema that does not parse', () => {
    expect(
      toWebhookRequest(
        webhookForm({ maxSilenceMinutes: 'soon', toleranceSeconds: '1.5', payloadSchema: '{"type": ' }),
      ),
    ).toEqual({
      ok: false,
      errors: {
        'webhook.maxSilenceSeconds': ['Enter minutes as a number, like 15 or 2.5.'],
        'webhook.toleranceSeconds': ['Enter a whole number.'],
        'webhook.payloadSchema': [expect.stringMatching(/^Invalid JSON at line 1/)],
      },
    });
  });

  it.each([
    { scheme: 'none' as const, secret: null, hmac: null },
    { scheme: 'stripe' as const, secret: 's3cret', hmac: null },
    {
      scheme: 'hmac' as const,
      secret: 's3cret',
      hmac: { header: 'X-Sig', encoding: 'base64', prefix: 'sha256=' },
    },
  ])('scheme $scheme sends secret $secret and hmac $hmac', ({ scheme, secret, hmac }) => {
    const form = webhookForm({ scheme, hmac: { header: ' X-Sig ', encoding: 'base64', prefix: 'sha256=' } });
    expect(requestOf(form).webhook).toMatchObject({ scheme, secret, hmac });
  });

  it('sends working hours only while they are on', () => {
    const hours = { ...NO_WEBHOOK.activeHours, timeZone: ' Europe/Berlin ', days: ['mon' as const] };
    expect(requestOf(webhookForm({ activeHours: hours })).webhook.activeHours).toBeNull();
    expect(requestOf(webhookForm({ activeHours: { ...hours, enabled: true } })).webhook.activeHours).toEqual({
      timeZone: 'Europe/Berlin',
      days: ['mon'],
      start: '09:00',
      end: '17:00',
    });
  });
});

describe('toWebhookRequest on edit', () => {
  const stored = storedWebhookIntegration({
    scheme: 'hmac',
    hmac: { header: 'X-Sig', encoding: 'hex', prefix: '' },
    maxSilenceSeconds: 3600,
    activeHours: { timeZone: 'Europe/Berlin', days: ['mon', 'fri'], start: '08:00', end: '18:00' },
    payloadSchema: { type: 'object' },
  });

  it('fills the form from the stored receiver without its masked secret', () => {
    const form = fromIntegration(stored);
    expect(form.kind).toBe('webhook');
    expect(form.webhook).toEqual({
      scheme: 'hmac',
      secret: '',
      hmac: { header: 'X-Sig', encoding: 'hex', prefix: '' },
      maxSilenceMinutes: '60',
      toleranceSeconds: '300',
      activeHours: {
        enabled: true,
        timeZone: 'Europe/Berlin',
        days: ['mon', 'fri'],
        start: '08:00',
        end: '18:00',
      },
      payloadSchema: '{\n  "type": "object"\n}',
    });
    expect(form.stored?.webhookSecret).toBe(true);
  });

  it('leaves the kind out (it cannot change) and sends the mask for a secret left empty', () => {
    const request = requestOf(fromIntegration(stored));
    expect(request).not.toHaveProperty('kind');
    expect(request.webhook).toEqual({ ...stored.webhook, secret: MASKED_SECRET });
  });

  it('sends a typed secret as typed', () => {
    const form = fromIntegration(stored);
    expect(requestOf({ ...form, webhook: { ...form.webhook, secret: 'rotated' } }).webhook.secret).toBe(
      'rotated',
    );
  });
});

describe('signingOf', () => {
  const signing = { enabled: true, scheme: 'github' as const, secret: '', hmac: NO_WEBHOOK.hmac };

  it.each([
    { case: 'off', form: { ...emptyForm(), signing: { ...signing, enabled: false } }, sent: null },
    {
      case: 'on, new, with a secret',
      form: { ...emptyForm(), signing: { ...signing, secret: 'abc' } },
      sent: { scheme: 'github', secret: 'abc', hmac: null },
    },
    {
      case: 'on edit with the secret left empty',
      form: fromIntegration(
        storedIntegration({ signing: { scheme: 'stripe', secret: MASKED_SECRET, hmac: null } }),
      ),
      sent: { scheme: 'stripe', secret: MASKED_SECRET, hmac: null },
    },
    {
      case: 'generic hmac',
      form: { ...emptyForm(), signing: { ...signing, scheme: 'hmac' as const, secret: 'abc' } },
      sent: { scheme: 'hmac', secret: 'abc', hmac: { header: 'X-Signature', encoding: 'hex', prefix: '' } },
    },
  ])('$case', ({ form, sent }) => {
    expect(signingOf(form)).toEqual(sent);
  });
});

describe('placeFieldErrors for a webhook', () => {
  it('puts the receiver’s errors under their inputs and leaves http fields to the summary', () => {
    const form = webhookForm({ scheme: 'hmac' });
    const placed = placeFieldErrors(
      [
        { field: 'webhook.secret', message: 'secret must not be empty' },
        { field: 'webhook.hmac.header', message: 'header must be an HTTP header name' },
        { field: 'webhook.activeHours.timeZone', message: 'timeZone must be an IANA time zone' },
        { field: 'url', message: 'not for a webhook' },
      ],
      form,
    );
    expect(placed.byField).toEqual({
      'webhook.secret': ['secret must not be empty'],
      'webhook.hmac.header': ['header must be an HTTP header name'],
      'webhook.activeHours': ['timeZone must be an IANA time zone'],
    });
    expect(placed.unplaced).toEqual([{ field: 'url', message: 'not for a webhook' }]);
  });
});
