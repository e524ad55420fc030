/*
 * What team mode (src/team) reads and writes in the workbook's own tables: records by table, writes of
 * changes that came from the team (marked, so the change hooks do not send them back), the hooks that
 * report every local change field by field, and the copy kept of a workspace before it joins a team.
 */
import type { Table, Transaction } from 'dexie';
import type { RecordMeta } from '../../domain/workspace/record-meta';
import type { WorkbookDatabase } from '../db';

/** The workbook tables whose records team mode keeps in step (settings and frameworks stay local). */
export const SYNCED_TABLES = [
  'cycles',
  'criterionAssessments',
  'judgementAssessments',
  'narratives',
  'evidence',
  'actions',
  'recommendations',
  'indicators',
  'auditRounds',
  'caseAudits',
  'moderations',
  'rehearsals',
  'notificationItems',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export type SyncedRecord = RecordMeta & Record<string, unknown>;

/** A local write: the record's top-level fields it changed, or every field for a new record. */
export interface LocalChange {
  table: SyncedTable;
  id: string;
  /** undefined: the record was added (every field); empty never happens. */
  fields: string[] | undefined;
  removed: boolean;
}

/** A record to write as the team has it (or to remove, without `record`), if the stored one is `expected`. */
export interface TeamWrite {
  id: string;
  record?: SyncedRecord;
  expected: SyncedRecord | undefined;
}

export const TEAM_SNAPSHOT_KEY = 'snapshot:before-team';

export function teamRepository(db: WorkbookDatabase) {
  const table = (name: SyncedTable) => db.table(name) as Table<SyncedRecord, string>;
  const fromTeam = new WeakSet<Transaction>();

  return {
    async readAll(name: SyncedTable): Promise<SyncedRecord[]> {
      return table(name).toArray();
    },

    async read(name: SyncedTable, ids: readonly string[]): Promise<(SyncedRecord | undefined)[]> {
      return table(name).bulkGet([...ids]);
    },

    /**
     * Writes records as the team has them, in one transaction the change hooks ignore. Each is written
     * only if the stored record is still `expected` (what the caller compared against): a local write
     * that landed in between is kept, and reaches the team through the hooks instead.
     */
    async writeFromTeam(
      changes: readonly { table: SyncedTable; put: TeamWrite[]; remove: TeamWrite[] }[],
      same: (a: unknown, b: unknown) => boolean,
    ): Promise<number> {
      const names = [...new Set(changes.map((c) => c.table))];
      if (!names.length) return 0;
      return db.transaction('rw', names.map(table), async (tx) => {
        fromTeam.add(tx);
        let written = 0;
        for (const change of changes) {
          const ids = [...change.put.map((w) => w.id), ...change.remove.map((w) => w.id)];
          const stored = await table(change.table).bulkGet(ids);
          const still = (write: TeamWrite, index: number) => same(stored[index], write.expected);
          const puts = change.put.filter(still);
          const removes = change.remove.filter((w, i) => still(w, change.put.length + i));
          if (puts.length) await table(change.table).bulkPut(puts.map((w) => w.record!));
          if (removes.length) await table(change.table).bulkDelete(removes.map((w) => w.id));
          written += puts.length + removes.length;
        }
        return written;
      });
    },

    /**
     * Calls `listener` after every committed local write to a synced table, with the fields it changed.
     * Returns the function that removes the hooks.
     */
    watchLocalChanges(listener: (changes: LocalChange[]) => void): () => void {
      const removers: (() => void)[] = [];
      const pending = new Map<Transaction, LocalChange[]>();
      const note = (tx: Transaction, change: LocalChange) => {
        if (fromTeam.has(tx)) return;
        let list = pending.get(tx);
        if (!list) {
          list = [];
          pending.set(tx, list);
          tx.on('complete', () => {
            pending.delete(tx);
            listener(list!);
          });
          tx.on('abort', () => pending.delete(tx));
        }
        list.push(change);
      };
      for (const name of SYNCED_TABLES) {
        const t = table(name);
        const creating = function (this: unknown, id: string, _obj: unknown, tx: Transaction) {
          note(tx, { table: name, id, fields: undefined, removed: false });
        };
        const updating = function (this: unknown, mods: object, id: string, _obj: unknown, tx: Transaction) {
          const fields = [...new Set(Object.keys(mods).map((path) => path.split('.')[0]!))];
          if (fields.length) note(tx, { table: name, id, fields, removed: false });
        };
        const deleting = function (this: unknown, id: string, _obj: unknown, tx: Transaction) {
          note(tx, { table: name, id, fields: [], removed: true });
        };
        t.hook('creating', creating);
        t.hook('updating', updating);
        t.hook('deleting', deleting);
        removers.push(() => {
          t.hook('creating').unsubscribe(creating);
          t.hook('updating').unsubscribe(updating);
          t.hook('deleting').unsubscribe(deleting);
        });
      }
      return () => removers.forEach((remove) => remove());
    },

    async hasRecords(): Promise<boolean> {
      for (const name of SYNCED_TABLES) if ((await table(name).count()) > 0) return true;
      return false;
    },

    /**
     * Keeps every synced record as a copy in the settings table (outside backups, like the snapshot a
     * restore keeps), then empties the synced tables: the workspace joins the team's with nothing of
     * its own, and the copy stays until the person restores or discards it.
     */
    async setAsideForTeam(takenAt: string, by: string): Promise<void> {
      const tables = SYNCED_TABLES.map(table);
      await db.transaction('rw', [...tables, db.settings], async (tx) => {
        fromTeam.add(tx);
        const records: Record<string, unknown[]> = {};
        for (const name of SYNCED_TABLES) records[name] = await table(name).toArray();
        await db.settings.put({
          key: TEAM_SNAPSHOT_KEY,
          value: { takenAt, records },
          updatedAt: takenAt,
          updatedBy: by,
        });
        for (const t of tables) await t.clear();
      });
    },

    async setAsideTakenAt(): Promise<string | undefined> {
      const row = await db.settings.get(TEAM_SNAPSHOT_KEY);
      return (row?.value as { takenAt?: string } | undefined)?.takenAt;
    },
  };
}

export type TeamRepository = ReturnType<typeof teamRepository>;
