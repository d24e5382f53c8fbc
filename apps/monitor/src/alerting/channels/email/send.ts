import { PUBLIC_ONLY, resolveOutbound } from '@ihm/probe';
import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import type { ChannelMessage } from '../channel-message';
import type { SendOptions } from '../channel-sender';
import { withoutAnswer, type DeliveryOutcome } from '../delivery-outcome';
import { DEFAULT_TIMEOUT_MS, formatTimeout } from '../post-json';
import { requestFailure } from '../../../common/request-failure';
import { emailPayload } from './payload';
import { excerpt, replyCode, smtpFailure } from './smtp-failure';

export interface EmailConfig {
  host: string;
  port: number;
  /** true: TLS from the start (465); false: STARTTLS when the server offers it. */
  secure: boolean;
  username?: string;
  password?: string;
  from: string;
  to: string[];
}

/** The Message-ID of every attempt at one notification: a retry is recognisable as the same mail. */
export function emailMessageId(message: ChannelMessage): string {
  return `<${message.id}@integration-health-monitor>`;
}

/**
 * Sends one alert email through the configured SMTP server, on a connection of its own closed afterwards. The
 * timeout bounds each phase (connect, greeting, idle socket) and the whole attempt.
 */
export async function sendEmail(
  config: EmailConfig,
  message: ChannelMessage,
  { signal, timeoutMs = DEFAULT_TIMEOUT_MS, outbound = PUBLIC_ONLY }: SendOptions = {},
): Promise<DeliveryOutcome> {
  const deadline = AbortSignal.timeout(timeoutMs);
  let address: string;
  try {
    address = await resolveOutbound(config.host, outbound);
  } catch (error) {
    return withoutAnswer(requestFailure(error));
  }
  const transport = createTransport({
    // The address the guard checked, so no second lookup can lead elsewhere; TLS still verifies the name.
    host: address,
    port: config.port,
    secure: config.secure,
    requireTLS: false,
    ...(isIP(config.host) ? {} : { tls: { servername: config.host } }),
    ...(config.username ? { auth: { user: config.username, pass: config.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: config.to,
      ...emailPayload(message),
      messageId: emailMessageId(message),
      // Asks vacation responders and ticket systems not to answer an automated message (RFC 3834, Exchange).
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    });
    return {
      ok: true,
      status: replyCode(info.response),
      error: null,
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: excerpt(info.response),
    };
  } catch (error) {
    if (signal?.aborted) return withoutAnswer('the attempt was aborted');
    const timedOut = deadline.aborted || (error as { code?: unknown } | null)?.code === 'ETIMEDOUT';
    return timedOut ? withoutAnswer(`no answer within ${formatTimeout(timeoutMs)}`) : smtpFailure(error);
  } finally {
    transport.close();
  }
}
