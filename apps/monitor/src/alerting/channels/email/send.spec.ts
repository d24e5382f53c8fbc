import { outboundPolicy } from '@ihm/probe';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { channelMessage } from '../../../../test/receivers/channel-message.fixture';
import {
  mailHeader,
  mailPart,
  SmtpReceiver,
  type SmtpReceiverOptions,
} from '../../../../test/receivers/smtp-receiver';
import type { DeliveryOutcome } from '../delivery-outcome';
import { emailPayload } from './payload';
import { sendEmail, type EmailConfig } from './send';

const message = channelMessage();
const PASSWORD = 'pw-Zq8!sEcReT';
const LOGIN = { username: 'monitor', password: PASSWORD };
/** The test servers listen on loopback, which the outbound guard refuses unless allowed. */
const LOOPBACK = outboundPolicy(true, []);

const configFor = (port: number, overrides: Partial<EmailConfig> = {}): EmailConfig => ({
  host: '127.0.0.1',
  port,
  secure: false,
  from: 'monitor@example.com',
  to: ['ops@example.com', 'oncall@example.com'],
  ...overrides,
});

/** A TCP server that accepts and never says a word: no SMTP greeting ever comes. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe(sendEmail.name, () => {
  let receiver: SmtpReceiver | null = null;
  const start = async (options?: SmtpReceiverOptions) => (receiver = await SmtpReceiver.start(options));
  afterEach(async () => {
    await receiver?.close();
    receiver = null;
  });

  it('delivers the subject, both bodies and the Message-ID to every recipient, logged in', async () => {
    const smtp = await start({ login: LOGIN });
    const outcome = await sendEmail(configFor(smtp.port, LOGIN), message, { outbound: LOOPBACK });
    expect(outcome).toEqual({
      ok: true,
      status: 250,
      error: null,
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: '250 Queued as 4F2A9C',
    });
    const [mail] = smtp.mails;
    expect(mail?.mailFrom).toBe('monitor@example.com');
    expect(mail?.rcptTo).toEqual(['ops@example.com', 'oncall@example.com']);
    const raw = mail?.raw ?? '';
    const expected = emailPayload(message);
    expect(mailHeader(raw, 'Subject')).toBe(expected.subject);
    expect(mailHeader(raw, 'From')).toBe('monitor@example.com');
    expect(mailHeader(raw, 'To')).toBe('ops@example.com, oncall@example.com');
    expect(mailHeader(raw, 'Message-ID')).toBe(`<${message.id}@integration-health-monitor>`);
    expect(mailHeader(raw, 'Auto-Submitted')).toBe('auto-generated');
    expect(mailPart(raw, 'text/plain')).toBe(expected.text);
    expect(mailPart(raw, 'text/html')).toBe(expected.html);
  });

  it('sends a retry with the same Message-ID, and without AUTH when no username is set', async () => {
    const smtp = await start();
    await sendEmail(configFor(smtp.port), message, { outbound: LOOPBACK });
    await sendEmail(configFor(smtp.port), message, { outbound: LOOPBACK });
    const ids = smtp.mails.map((mail) => mailHeader(mail.raw, 'Message-ID'));
    expect(ids).toEqual([
      `<${message.id}@integration-health-monitor>`,
      `<${message.id}@integration-health-monitor>`,
    ]);
  });

  it('fails on a wrong password with the 535, never quoting the password', async () => {
    const smtp = await start({ login: LOGIN });
    const outcome = await sendEmail(
      configFor(smtp.port, { username: 'monitor', password: 'wrong-Pa55' }),
      message,
      { outbound: LOOPBACK },
    );
    expect(outcome).toEqual({
      ok: false,
      status: 535,
      error: 'the server refused the login (SMTP 535)',
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: '535 5.7.8 Authentication credentials invalid',
    });
    expect(JSON.stringify(outcome)).not.toContain('wrong-Pa55');
    expect(smtp.mails).toHaveLength(0);
  });

  it.each<[string, NonNullable<SmtpReceiverOptions['refuse']>, Partial<DeliveryOutcome>]>([
    [
      'refused recipients (550)',
      { at: 'rcpt', code: 550, text: '5.1.1 No such user' },
      { status: 550, error: 'the server refused the sender or the recipients (SMTP 550)' },
    ],
    [
      'recipients put off for now (451)',
      { at: 'rcpt', code: 451, text: '4.7.1 Greylisted, try again later' },
      { status: 451, error: 'the server refused the sender or the recipients (SMTP 451, temporary)' },
    ],
    [
      'a message refused after DATA (552)',
      { at: 'data', code: 552, text: '5.3.4 Message too big' },
      { status: 552, error: 'the server refused the message (SMTP 552)' },
    ],
  ])('fails on %s, not as a channel that is gone', async (_, refuse, expected) => {
    const smtp = await start({ refuse });
    const outcome = await sendEmail(configFor(smtp.port), message, { outbound: LOOPBACK });
    expect(outcome).toEqual({
      ok: false,
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: `${refuse.code} ${refuse.text}`,
      ...expected,
    });
  });

  describe('without an answer', () => {
    let silent: Awaited<ReturnType<typeof silentServer>>;
    beforeEach(async () => {
      silent = await silentServer();
    });
    afterEach(() => silent.close());

    it('gives up on a server that never sends its greeting within the timeout', async () => {
      const started = performance.now();
      const outcome = await sendEmail(configFor(silent.port, LOGIN), message, {
        outbound: LOOPBACK,
        timeoutMs: 300,
      });
      expect(performance.now() - started).toBeLessThan(2000);
      expect(outcome).toEqual({
        ok: false,
        status: null,
        error: 'no answer within 300 ms',
        retryAfterSeconds: null,
        gone: false,
        responseExcerpt: null,
      });
    });

    it('ends when the attempt is aborted (shutdown)', async () => {
      const outcome = await sendEmail(configFor(silent.port), message, {
        outbound: LOOPBACK,
        signal: AbortSignal.timeout(100),
      });
      expect(outcome).toMatchObject({ ok: false, status: null, error: 'the attempt was aborted' });
    });
  });

  it('names a refused connection by its code, never with the host or the password', async () => {
    const closed = await silentServer();
    await closed.close();
    const outcome = await sendEmail(configFor(closed.port, LOGIN), message, { outbound: LOOPBACK });
    expect(outcome).toEqual({
      ok: false,
      status: null,
      error: 'connection refused (ECONNREFUSED)',
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: null,
    });
    expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
  });
});
