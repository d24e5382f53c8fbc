/** One line a person can act on for a failed PostgreSQL connection: where, and why. Never the password. */
export function describeConnectionError(connectionString: string, error: unknown): string {
  let where = 'the database';
  try {
    const url = new URL(connectionString);
    where = `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || ''}`;
  } catch {
    return 'DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)';
  }
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reason = REASONS[code ?? ''] ?? message ?? String(error);
  return `Cannot connect to PostgreSQL at ${where}: ${reason}`;
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running and listening on that port?)',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'host name lookup failed temporarily (DNS)',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  '28P01': 'password authentication failed',
  '28000': 'authentication rejected (check the user name and pg_hba.conf)',
  '3D000': 'database does not exist',
  '57P03': 'the server is starting up or shutting down',
};
