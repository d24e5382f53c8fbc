import { getSystemErrorName } from 'node:util';
import { withoutAnswer, type DeliveryOutcome } from '../delivery-outcome';
import { EXCERPT_BYTES } from '../post-json';
import { requestFailure } from '../../../common/request-failure';

/** What nodemailer puts on its errors; its messages are never quoted, only these fields. */
interface SmtpError {
  code?: unknown;
  errno?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

const REFUSED: Readonly<Record<string, string>> = {
  EAUTH: 'the server refused the login',
  EENVELOPE: 'the server refused the sender or the recipients',
};

const FAILURES: Readonly<Record<string, string>> = {
  ETLS: 'TLS handshake or STARTTLS failed',
  EDNS: 'DNS lookup failed',
  ECONNECTION: 'connection closed unexpectedly',
  EPROTOCOL: 'the server does not speak SMTP',
  ESOCKET: 'connection failed',
};

/** The SMTP reply code that starts a response line (`250 Queued`), if any. */
export function replyCode(response: unknown): number | null {
  const match = typeof response === 'string' ? /^([2-5]\d\d)[\s-]/.exec(response) : null;
  return match ? Number(match[1]) : null;
}

export function excerpt(response: unknown): string | null {
  return typeof response === 'string' ? response.slice(0, EXCERPT_BYTES) : null;
}

/**
 * An SMTP failure as an outcome. A reply code is the status; 4xx and 5xx both stay retryable, since a 5xx to a
 * notification (a full mailbox, a policy) is about this message, not a channel that is gone. Without a reply,
 * the error is named from its code alone.
 */
export function smtpFailure(error: unknown): DeliveryOutcome {
  const { code, errno, responseCode, response } = (error ?? {}) as SmtpError;
  const name = typeof code === 'string' ? code : '';
  const status = typeof responseCode === 'number' ? responseCode : replyCode(response);
  if (status !== null) {
    const refused = REFUSED[name] ?? 'the server refused the message';
    return {
      ok: false,
      status,
      error: `${refused} (SMTP ${status}${status < 500 ? ', temporary' : ''})`,
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: excerpt(response),
    };
  }
  // A socket error keeps the system's code only as a number: `connect ECONNREFUSED …` is in the message.
  if (typeof errno === 'number') return withoutAnswer(requestFailure({ code: getSystemErrorName(errno) }));
  const failure = FAILURES[name];
  return withoutAnswer(failure ? `${failure} (${name})` : requestFailure(error));
}
