import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'ihms_';

/** A new session token: 32 random bytes, prefixed so that it is told apart from the API token at a glance. */
export const newSessionToken = (): string => `${PREFIX}${randomBytes(32).toString('base64url')}`;

export const isSessionToken = (token: string): boolean => token.startsWith(PREFIX);

/** What the database stores instead of the token (its sha256), in the byte type the Prisma client takes. */
export type SessionTokenHash = Uint8Array<ArrayBuffer>;

export const hashSessionToken = (token: string): SessionTokenHash =>
  new Uint8Array(createHash('sha256').update(token).digest());
