import {
  DEFAULT_SILENCE_SECONDS,
  DEFAULT_TOLERANCE_SECONDS,
  type HmacSignature,
  type HttpIntegration,
  type SigningScheme,
  type WebhookReceiver,
  type WebhookScheme,
} from '@ihm/contracts';
import type { DayName } from '@ihm/diagnosis';

/** The generic scheme's settings as typed; used only while the scheme is `hmac`. */
export interface HmacForm {
  header: string;
  encoding: 'hex' | 'base64';
  prefix: string;
}

/** Working hours: silence outside them is not counted. Turned off, what was typed stays but is not sent. */
export interface ActiveHoursForm {
  enabled: boolean;
  timeZone: string;
  days: DayName[];
  start: string;
  end: string;
}

/** An inbound webhook's receiver. The secret is write-only, like the auth block's secrets. */
export interface WebhookForm {
  scheme: WebhookScheme;
  secret: string;
  hmac: HmacForm;
  /** Minutes, as typed: the API counts maxSilenceSeconds. */
  maxSilenceMinutes: string;
  toleranceSeconds: string;
  activeHours: ActiveHoursForm;
  payloadSchema: string;
}

/** An http probe's request signed as a provider would sign a delivery. Off: nothing is sent. */
export interface SigningForm {
  enabled: boolean;
  scheme: SigningScheme;
  secret: string;
  hmac: HmacForm;
}

const NO_HMAC: HmacForm = { header: 'X-Signature', encoding: 'hex', prefix: '' };

const WORKING_HOURS: ActiveHoursForm = {
  enabled: false,
  timeZone: 'UTC',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
};

export const NO_WEBHOOK: WebhookForm = {
  scheme: 'github',
  secret: '',
  hmac: NO_HMAC,
  maxSilenceMinutes: String(DEFAULT_SILENCE_SECONDS / 60),
  toleranceSeconds: String(DEFAULT_TOLERANCE_SECONDS),
  activeHours: WORKING_HOURS,
  payloadSchema: '',
};

export const NO_SIGNING: SigningForm = { enabled: false, scheme: 'github', secret: '', hmac: NO_HMAC };

const hmacFormOf = (hmac: HmacSignature | null): HmacForm => (hmac ? { ...hmac } : NO_HMAC);

/** The receiver without its secret: it comes back masked, and a mask never goes into an input. */
export function webhookFormOf(receiver: WebhookReceiver): WebhookForm {
  return {
    scheme: receiver.scheme,
    secret: '',
    hmac: hmacFormOf(receiver.hmac),
    maxSilenceMinutes: String(receiver.maxSilenceSeconds / 60),
    toleranceSeconds: String(receiver.toleranceSeconds),
    activeHours: receiver.activeHours ? { enabled: true, ...receiver.activeHours } : WORKING_HOURS,
    payloadSchema: receiver.payloadSchema ? JSON.stringify(receiver.payloadSchema, null, 2) : '',
  };
}

/** The signing block without its secret, for the same reason. */
export function signingFormOf(signing: HttpIntegration['signing']): SigningForm {
  if (signing === null) return NO_SIGNING;
  return { enabled: true, scheme: signing.scheme, secret: '', hmac: hmacFormOf(signing.hmac) };
}
