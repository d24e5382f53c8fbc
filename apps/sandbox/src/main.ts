import { createSandboxServer } from './sandbox-server';

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const server = createSandboxServer({ receiverSecret: process.env.SANDBOX_RECEIVER_SECRET || undefined });
server.listen(port, '127.0.0.1', () => {
  console.log(
    `sandbox API listening on http://127.0.0.1:${port} (routes: GET /catalog; webhook receiver: /receiver/webhook)`,
  );
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
