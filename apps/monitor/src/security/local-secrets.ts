import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env } from '../config/env.schema';

export interface LocalSecrets {
  apiToken: string;
  /** Set when this start generated the token: the one time it is printed. */
  generatedApiToken: boolean;
  encryptionKey: Buffer;
  /** The key came from the data folder rather than ENCRYPTION_KEY. */
  encryptionKeyFromFile: boolean;
  /** DECRYPTION_KEYS, and the data folder's key when ENCRYPTION_KEY took its place: they open, never seal. */
  decryptionKeys: Buffer[];
}

export const API_TOKEN_FILE = 'api-token';
export const ENCRYPTION_KEY_FILE = 'encryption-key';

/** API token and credential-encryption key: from the environment, else created once in the data folder (0600). */
export async function loadLocalSecrets(env: Env): Promise<LocalSecrets> {
  await mkdir(env.dataDir, { recursive: true, mode: 0o711 });
  const token = env.apiToken
    ? { value: env.apiToken, created: false }
    : await readOrCreate(
        join(env.dataDir, API_TOKEN_FILE),
        () => `ihm_${randomBytes(24).toString('base64url')}`,
      );
  const key = env.encryptionKey
    ? { value: env.encryptionKey, created: false }
    : await readOrCreate(join(env.dataDir, ENCRYPTION_KEY_FILE), () => randomBytes(32).toString('hex'));
  const fileKey = join(env.dataDir, ENCRYPTION_KEY_FILE);
  const replacedFileKey =
    env.encryptionKey && existsSync(fileKey) ? [(await readFile(fileKey, 'utf8')).trim()] : [];
  return {
    apiToken: token.value,
    generatedApiToken: token.created,
    encryptionKey: decodeKey(key.value),
    encryptionKeyFromFile: !env.encryptionKey,
    decryptionKeys: [...env.decryptionKeys, ...replacedFileKey].map(decodeKey),
  };
}

export function decodeKey(text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('the encryption key must be 32 bytes (64 hex digits or base64)');
  return key;
}

async function readOrCreate(
  path: string,
  create: () => string,
): Promise<{ value: string; created: boolean }> {
  if (existsSync(path)) {
    await chmod(path, 0o600);
    return { value: (await readFile(path, 'utf8')).trim(), created: false };
  }
  const value = create();
  await writeFile(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, created: true };
}
