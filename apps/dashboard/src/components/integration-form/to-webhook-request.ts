import type { CreateIntegrationRequest, HttpIntegrationRequest } from '@ihm/contracts';
import { addMessage, type BuiltRequest, type FieldMessages } from '../form/field-messages';
import { splitList } from '../form/list-text';
import { hasStoredSigningSecret, hasStoredWebhookSecret, secretOrMask, type FormState } from './form-state';
import { minutesAsSeconds, wholeNumberOf } from './number-text';
import { checkSchemaText } from './schema-check';
import type { HmacForm } from './webhook-form-state';

type WebhookDefinition = Extract<CreateIntegrationRequest, { kind: 'webhook' }>;

/** A webhook definition names its kind when registered; an edit leaves it out, since the kind cannot change. */
export type WebhookRequest = Omit<WebhookDefinition, 'kind'> & { kind?: 'webhook' };

const hmacOf = ({ header, encoding, prefix }: HmacForm) => ({ header: header.trim(), encoding, prefix });

/**
 * The receiver: the secret as typed or, left empty while one is stored, the mask that keeps it; `none` has no
 * secret. The silence window is typed in minutes. As for http, every rule beyond "can be sent" is the API's.
 */
export function toWebhookRequest(form: FormState): BuiltRequest<WebhookRequest> {
  const errors: FieldMessages = {};
  const { webhook } = form;
  const schema = checkSchemaText(webhook.payloadSchema);
  if (schema.state === 'invalid') addMessage(errors, 'webhook.payloadSchema', schema.message);
  const hours = webhook.activeHours;

  const request: WebhookRequest = {
    ...(form.stored ? {} : { kind: 'webhook' as const }),
    name: form.name.trim(),
    webhook: {
      scheme: webhook.scheme,
      secret: webhook.scheme === 'none' ? null : secretOrMask(webhook.secret, hasStoredWebhookSecret(form)),
      hmac: webhook.scheme === 'hmac' ? hmacOf(webhook.hmac) : null,
      maxSilenceSeconds: minutesAsSeconds(errors, 'webhook.maxSilenceSeconds', webhook.maxSilenceMinutes),
      toleranceSeconds: wholeNumberOf(errors, 'webhook.toleranceSeconds', webhook.toleranceSeconds),
      activeHours: hours.enabled
        ? { timeZone: hours.timeZone.trim(), days: hours.days, start: hours.start, end: hours.end }
        : null,
      payloadSchema: schema.state === 'parsed' ? schema.schema : null,
    },
    paused: form.paused,
    tags: splitList(form.tags),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, request };
}

/** Off: null, which also removes a stored one. On: the scheme, and the secret or the mask that keeps it. */
export function signingOf(form: FormState): HttpIntegrationRequest['signing'] {
  const { enabled, scheme, secret, hmac } = form.signing;
  if (!enabled) return null;
  return {
    scheme,
    secret: secretOrMask(secret, hasStoredSigningSecret(form)),
    hmac: scheme === 'hmac' ? hmacOf(hmac) : null,
  };
}
