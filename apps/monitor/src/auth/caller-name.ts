import type { Caller } from './caller';

/** Who did something, as the records that name them say it: a user's email, a token's name, or the API token. */
export const callerName = (caller: Caller): string =>
  caller.kind === 'session'
    ? caller.user.email
    : caller.kind === 'token'
      ? `token "${caller.name}"`
      : 'API token';
