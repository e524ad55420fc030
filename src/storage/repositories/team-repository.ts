/*
 * What team mode (src/team) reads and writes in the workbook's own tables: records by table, writes of
 * changes that came from the team (marked, so the change hooks do not send them back), the hooks that
 * report every local change field by field, and the copy kept of a workspace before it joins a team.
 */
import type { Table, Transaction } from 'dexie';
import type { RecordMeta } from '../../domain/workspace/record-meta';
import type { WorkbookDatabase } from '../db';

/** The tables of the workspace's work: what joining a team asks about, and what a copy set aside holds. */
export const WORK_TABLES = [
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
  'comments',
] as const;
/**
 * The workspace's set-up, shared so every member sees one council name, logo and framework library:
 * the settings row `workspace` (less what belongs to this person or browser) and each imported
 * framework. Their rows are keyed by `key`; team mode sees them as records whose `id` is that key.
 */
export const SETUP_TABLES = ['settings', 'frameworks'] as const;
/** The workbook tables whose records team mode keeps in step. */
export const SYNCED_TABLES = [...WORK_TABLES, ...SETUP_TABLES] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
export type SetupTable = (typeof SETUP_TABLES)[number];

/** A change the team workspace would refuse (team/change-access.ts): thrown inside the write, so nothing of it is kept. */
export class ChangeNotAllowedError extends Error {
  override name = 'ChangeNotAllowedError';
}

export const SHARED_SETTINGS_KEY = 'workspace';
/** Settings that stay with the person or browser: the typed name, and when this browser last backed up. */
const OWN_SETTINGS = new Set(['userName', 'lastBackupAt']);
const ROW_STAMPS = ['updatedAt', 'updatedBy'];

export function isSetupTable(table: SyncedTable): table is SetupTable {
  return (SETUP_TABLES as readonly string[]).includes(table);
}

type Row = Record<string, unknown>;
const objectOf = (value: unknown): Row =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : {};

/** A stored row as team mode sees it, or undefined for a row that is never shared (a kept copy, say). */
function toRecord(table: SetupTable, row: Row | undefined): SyncedRecord | undefined {
  if (!row) return undefined;
  const { key, ...rest } = row;
  if (table === 'frameworks') return { id: key, ...rest } as SyncedRecord;
  if (key !== SHARED_SETTINGS_KEY) return undefined;
  const shared = Object.entries(objectOf(row['value'])).filter(([field]) => !OWN_SETTINGS.has(field));
  return {
    id: key,
    ...Object.fromEntries(shared),
    updatedAt: row['updatedAt'],
    updatedBy: row['updatedBy'],
  } as SyncedRecord;
}

/** The row to store for a record from the team, keeping this browser's own settings as they are. */
function toRow(table: SetupTable, record: SyncedRecord, stored: Row | undefined): Row {
  const { id, ...rest } = record;
  if (table === 'frameworks') return { key: id, ...rest };
  const own = Object.entries(objectOf(stored?.['value'])).filter(([field]) => OWN_SETTINGS.has(field));
  const shared = Object.entries(rest).filter(([field]) => !ROW_STAMPS.includes(field));
  return {
    key: id,
    value: Object.fromEntries([...shared, ...own]),
    updatedAt: rest['updatedAt'],
    updatedBy: rest['updatedBy'],
  };
}

/** The shared fields a settings write changed (`value.councilName` → councilName); undefined for all. */
function settingsFields(paths: string[]): string[] | undefined {
  if (paths.includes('value') || paths.includes('key')) return undefined;
  const fields = paths
    .filter((path) => path.startsWith('value.'))
    .map((path) => path.split('.')[1]!)
    .filter((field) => !OWN_SETTINGS.has(field));
  return fields.length ? [...new Set([...fields, ...ROW_STAMPS])] : [];
}

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
  const rows = (name: SetupTable) => db.table(name) as Table<Row, string>;
  const fromTeam = new WeakSet<Transaction>();

  async function read(name: SyncedTable, ids: readonly string[]): Promise<(SyncedRecord | undefined)[]> {
    if (!isSetupTable(name)) return table(name).bulkGet([...ids]);
    return (await rows(name).bulkGet([...ids])).map((row) => toRecord(name, row));
  }

  return {
    async readAll(name: SyncedTable): Promise<SyncedRecord[]> {
      if (!isSetupTable(name)) return table(name).toArray();
      return (await rows(name).toArray()).flatMap((row) => toRecord(name, row) ?? []);
    },

    read,

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
          const stored = await read(change.table, ids);
          const still = (write: TeamWrite, index: number) => same(stored[index], write.expected);
          const puts = change.put.filter(still);
          const removes = change.remove.filter((w, i) => still(w, change.put.length + i));
          const name = change.table;
          if (isSetupTable(name)) {
            // The workspace's set-up is never removed by the team: a framework stays once imported.
            const storedRows = await rows(name).bulkGet(puts.map((w) => w.id));
            if (puts.length)
              await rows(name).bulkPut(puts.map((w, i) => toRow(name, w.record!, storedRows[i])));
            written += puts.length;
            continue;
          }
          if (puts.length) await table(name).bulkPut(puts.map((w) => w.record!));
          if (removes.length) await table(name).bulkDelete(removes.map((w) => w.id));
          written += puts.length + removes.length;
        }
        return written;
      });
    },

    /**
     * Calls `listener` after every committed local write to a synced table, with the fields it changed.
     * `noted` hears of each change as it is made, before it commits, and `aborted` of those that never
     * will: what lets the sync tell a record with a local change on its way from one the team changed.
     * Returns the function that removes the hooks.
     */
    watchLocalChanges(
      listener: (changes: LocalChange[]) => void,
      progress: {
        noted?: (change: LocalChange) => void;
        aborted?: (changes: LocalChange[]) => void;
        /** Why the team would refuse this change, if it would: the write then fails with that reason. */
        refusal?: (
          table: SyncedTable,
          before: SyncedRecord | undefined,
          after: SyncedRecord | undefined,
        ) => string | undefined;
      } = {},
    ): () => void {
      const removers: (() => void)[] = [];
      const pending = new Map<Transaction, LocalChange[]>();
      const note = (tx: Transaction, change: LocalChange) => {
        if (fromTeam.has(tx)) return;
        let list = pending.get(tx);
        if (!list) {
          const changes: LocalChange[] = [];
          list = changes;
          pending.set(tx, changes);
          tx.on('complete', () => {
            pending.delete(tx);
            listener(changes);
          });
          tx.on('abort', () => {
            pending.delete(tx);
            progress.aborted?.(changes);
          });
        }
        list.push(change);
        progress.noted?.(change);
      };
      for (const name of SYNCED_TABLES) {
        const t = table(name);
        const setup = isSetupTable(name);
        const shared = (id: string) => !setup || name === 'frameworks' || id === SHARED_SETTINGS_KEY;
        const refuse = (tx: Transaction, before: unknown, after: unknown, id: string) => {
          if (fromTeam.has(tx) || !progress.refusal) return;
          const as = (row: unknown) => (row ? ({ ...(row as object), id } as SyncedRecord) : undefined);
          const reason = progress.refusal(name, as(before), as(after));
          if (reason) throw new ChangeNotAllowedError(reason);
        };
        const creating = function (this: unknown, id: string, obj: unknown, tx: Transaction) {
          if (!shared(id)) return;
          refuse(tx, undefined, obj, id);
          note(tx, { table: name, id, fields: undefined, removed: false });
        };
        const updating = function (this: unknown, mods: object, id: string, obj: unknown, tx: Transaction) {
          if (!shared(id)) return;
          const paths = Object.keys(mods);
          const fields =
            name === 'settings'
              ? settingsFields(paths)
              : [...new Set(paths.map((path) => path.split('.')[0]!))];
          if (fields && !fields.length) return;
          refuse(tx, obj, { ...(obj as object), ...mods }, id);
          note(tx, { table: name, id, fields, removed: false });
        };
        const deleting = function (this: unknown, id: string, obj: unknown, tx: Transaction) {
          if (setup) return;
          refuse(tx, obj, undefined, id);
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
      for (const name of WORK_TABLES) if ((await table(name).count()) > 0) return true;
      return false;
    },

    /**
     * Keeps every synced record as a copy in the settings table (outside backups, like the snapshot a
     * restore keeps), then empties the synced tables: the workspace joins the team's with nothing of
     * its own, and the copy stays until the person restores or discards it.
     */
    async setAsideForTeam(takenAt: string, by: string): Promise<void> {
      const tables = WORK_TABLES.map(table);
      await db.transaction('rw', [...tables, db.settings], async (tx) => {
        fromTeam.add(tx);
        const records: Record<string, unknown[]> = {};
        for (const name of WORK_TABLES) records[name] = await table(name).toArray();
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
