/*
 * Team mode's own Dexie database: one row per sync unit, its Y.Doc kept by y-dexie (design.md §8).
 * A database of its own rather than tables in the workbook's: y-dexie is a Dexie add-on that must be
 * given when a database is opened, and the workbook's database opens on every start, team mode or not,
 * so the add-on (and Yjs) would reach every user's first load. Never part of a backup: the workbook's
 * tables, which the projector keeps in step, are.
 */
import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';

export const TEAM_DATABASE_NAME = 'readiness-workbook-team';

export interface UnitRow {
  /** The sync unit's name, as src/server/unit-names.js builds it. */
  name: string;
  doc: Y.Doc;
}

export interface TeamStateRow {
  key: string;
  value: unknown;
}

export type TeamDatabase = Dexie & {
  units: EntityTable<UnitRow, 'name'>;
  state: EntityTable<TeamStateRow, 'key'>;
};

export function openTeamDatabase(
  name = TEAM_DATABASE_NAME,
  options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
): TeamDatabase {
  const db = new Dexie(name, { ...options, addons: [yDexie] }) as TeamDatabase;
  db.version(1).stores({ units: 'name, doc: Y.Doc', state: 'key' });
  return db;
}
