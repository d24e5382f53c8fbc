import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope, as the client gave it in MAIL FROM and RCPT TO. */
  mailFrom: string;
  rcptTo: string[];
  /** The message as it came after DATA: headers, then the MIME parts. */
  raw: string;
}

export interface SmtpReceiverOptions {
  /** Demands AUTH with these; without them, AUTH is optional. */
  login?: { username: string; password: string };
  /** Refuses every recipient, or the message after DATA, with this reply. */
  refuse?: { at: 'rcpt' | 'data'; code: number; text: string };
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** `=XX` bytes, as quoted-printable bodies and Q-encoded header words carry them; the rest is ASCII. */
function decodeBytes(text: string): string {
  const bytes = text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** A header of a received message, unfolded, its `=?UTF-8?Q?…?=` words decoded. */
export function mailHeader(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}: `));
  return line
    ?.slice(name.length + 2)
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_, word: string) => decodeBytes(word.replace(/_/g, ' ')));
}

/** The decoded body of the message's `text/plain` or `text/html` part. */
export function mailPart(raw: string, type: 'text/plain' | 'text/html'): string | undefined {
  const part = new RegExp(`Content-Type: ${type};[^]*?\\r\\n\\r\\n([^]*?)\\r\\n--`).exec(raw)?.[1];
  return part === undefined ? undefined : decodeBytes(part.replace(/=\r\n/g, '')).replace(/\r\n/g, '\n');
}

/**
 * A real SMTP server (`smtp-server`) on 127.0.0.1, plain SMTP without STARTTLS, that records every message and
 * refuses as scripted: what an email channel's relay would be.
 */
export class SmtpReceiver {
  readonly mails: ReceivedMail[] = [];

  private constructor(private readonly server: SMTPServer) {}

  static async start({ login, refuse }: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
    const server: SMTPServer = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      authOptional: !login,
      allowInsecureAuth: true,
      onAuth({ username, password }, _session, callback) {
        if (login && username === login.username && password === login.password) {
          return callback(null, { user: username });
        }
        callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
      },
      onRcptTo(_address, _session, callback) {
        callback(refuse?.at === 'rcpt' ? smtpError(refuse.code, refuse.text) : null);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (refuse?.at === 'data') return callback(smtpError(refuse.code, refuse.text));
          receiver.mails.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map(({ address }) => address),
            raw: Buffer.concat(chunks).toString('latin1'),
          });
          callback(null, 'Queued as 4F2A9C');
        });
      },
    });
    const receiver = new SmtpReceiver(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(resolve));
  }
}
