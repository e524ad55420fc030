// @ts-check
/* Chooses the store: PostgreSQL when DATABASE_URL is set, otherwise the embedded folder store. */
import { openFileStore } from './file-store.js';
import { openPostgresStore } from './postgres-store.js';

/**
 * @param {{ databaseUrl?: string, dataDir: string }} settings
 * @returns {Promise<import('./unit-store.js').UnitStore>}
 */
export function openStore(settings) {
  return settings.databaseUrl ? openPostgresStore(settings.databaseUrl) : openFileStore(settings.dataDir);
}
