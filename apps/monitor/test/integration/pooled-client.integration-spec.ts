import { Pool, withPooledClient } from '@ihm/db';
import { startMonitor, type RunningMonitor } from './monitor-app';

/** The connections the monitor holds for a transaction or a stream, when the database drops one. */
describe('a held pooled connection', () => {
  let monitor: RunningMonitor;
  beforeAll(async () => {
    monitor = await startMonitor();
  });
  afterAll(() => monitor.close());

  it('dropped by the database while held, fails the work on it and leaves the process and the pool working', async () => {
    const pool = monitor.app.get(Pool);
    const dropped = withPooledClient(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await pool.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      // Held and idle: the connection's end arrives now, as an 'error' event on the client (uncaught, it would
      // end the process, and this test with it).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.query('SELECT 1');
    });
    await expect(dropped).rejects.toThrow(/connection/i);
    const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  });
});
