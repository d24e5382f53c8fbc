import type { SignInThrottlePolicy } from '../auth/sign-in-throttle.policy';
import type { Env } from './env.schema';

/** What the monitor runs with once the environment is parsed and the local secrets and database are resolved. */
export interface RuntimeConfig {
  env: Env;
  databaseUrl: string;
  apiToken: string;
  /** Seals and opens stored secrets. */
  encryptionKey: Buffer;
  /** Only open them: the keys a rotation moves away from. */
  decryptionKeys?: readonly Buffer[];
  /** Replaces the default slow-down of failed sign-ins (tests shorten it). */
  signInThrottle?: SignInThrottlePolicy;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');
