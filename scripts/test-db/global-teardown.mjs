import { dropDatabase } from '@ihm/db/testing';
import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const { adminUrl, template } = globalThis.__IHM_TEMPLATE__ ?? {};
  if (adminUrl) await dropDatabase(adminUrl, template).catch(() => undefined);
  const local = globalThis.__IHM_EMBEDDED_PG__;
  if (local) {
    await local.embedded.stop();
    await rm(local.dataDir, { recursive: true, force: true });
  }
}
