import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Names this process in leases it holds: the host and pid to find it, random bytes so a restart is another. */
export function workerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
