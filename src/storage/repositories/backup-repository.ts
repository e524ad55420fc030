/*
 * Reading every record for a backup, and replacing the workspace with a backup's records: all in one
 * transaction, after keeping a snapshot of what was there, so a restore either happens completely or
 * not at all, and the previous workspace can still be recovered. Two records with one key are
 * refused before anything is written, naming them, rather than failing half-way inside IndexedDB.
 */
import {
  BACKUP_TABLES,
  findDuplicateKeys,
  type BackupRecords,
  type BackupTable,
  type DuplicateKey,
} from '../../export/backup/backup-format';
import type { WorkbookDatabase } from '../db';

/** Records that would share a key: nothing was written. The import door refuses such files first. */
export class DuplicateRecordsError extends Error {
  constructor(readonly duplicates: readonly DuplicateKey[]) {
    const { table, key } = duplicates[0]!;
    super(`Two records in ${table} have the key “${key}”; nothing was written.`);
    this.name = 'DuplicateRecordsError';
  }
}

function refuseDuplicates(records: Partial<Record<BackupTable, unknown[]>>): void {
  const full = Object.fromEntries(
    BACKUP_TABLES.map((t) => [t, records[t] ?? []]),
  ) as unknown as BackupRecords;
  const duplicates = findDuplicateKeys(full);
  if (duplicates.length) throw new DuplicateRecordsError(duplicates);
}

export const SNAPSHOT_KEY = 'snapshot:before-restore';

export function backupRepository(db: WorkbookDatabase) {
  const tables = () => BACKUP_TABLES.map((name) => db.table(name));

  async function readAll(): Promise<BackupRecords> {
    const entries = await Promise.all(
      BACKUP_TABLES.map(async (name) => [name, await db.table(name).toArray()] as const),
    );
    const records = Object.fromEntries(entries) as unknown as BackupRecords;
    // The snapshot is a copy of an older workspace, not part of this one.
    records.settings = records.settings.filter((s) => !s.key.startsWith('snapshot:'));
    return records;
  }

  return {
    readAllRecords(): Promise<BackupRecords> {
      return db.transaction('r', tables(), readAll);
    },

    /** Replaces every record with the backup's, keeping the previous workspace as a snapshot. */
    async replaceAllRecords(records: BackupRecords, takenAt: string): Promise<void> {
      refuseDuplicates(records);
      await db.transaction('rw', tables(), async () => {
        const previous = await readAll();
        // Every table at once: requests in one transaction run in the order they are made, so each
        // table is cleared before it is filled, and the browser writes one table while the next is copied.
        await Promise.all(
          BACKUP_TABLES.map((name) => {
            const table = db.table(name);
            return Promise.all([table.clear(), table.bulkAdd(records[name] as unknown[])]);
          }),
        );
        await db.settings.put({
          key: SNAPSHOT_KEY,
          value: { takenAt, records: previous },
          updatedAt: takenAt,
          updatedBy: 'restore',
        });
      });
    },

    /** Writes merged-in records (new ones and chosen versions) in one transaction. */
    async putMergedRecords(
      records: Partial<Record<(typeof BACKUP_TABLES)[number], unknown[]>>,
    ): Promise<void> {
      refuseDuplicates(records);
      await db.transaction('rw', tables(), async () => {
        for (const [name, list] of Object.entries(records))
          if (list?.length) await db.table(name).bulkPut(list);
      });
    },

    /** The workspace kept by the last restore, as it was then, or undefined when there is none. */
    async readSnapshot(): Promise<{ takenAt: string; records: BackupRecords } | undefined> {
      const row = await db.settings.get(SNAPSHOT_KEY);
      const value = row?.value as { takenAt?: string; records?: BackupRecords } | undefined;
      return value?.takenAt && value.records ? { takenAt: value.takenAt, records: value.records } : undefined;
    },

    async snapshotTakenAt(): Promise<string | undefined> {
      const row = await db.settings.get(SNAPSHOT_KEY);
      return (row?.value as { takenAt?: string } | undefined)?.takenAt;
    },
  };
}

export type BackupRepository = ReturnType<typeof backupRepository>;
