/*
 * The one Dexie database of the workspace. Every table and index is declared here; repositories in
 * ./repositories are the only code that reads or writes it. Versions are append-only: a version that
 * transforms data has its upgrade in ./upgrades, tested on a frozen older database.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Framework } from '../domain/framework/types';

export const DATABASE_NAME = 'readiness-workbook';

/** A framework a council imported (shipped frameworks are read from the app's own files, not stored). */
export interface StoredFramework {
  /** `${id}@${version}` */
  key: string;
  frameworkId: string;
  version: number;
  importedAt: string;
  importedBy: string;
  fileName: string;
  framework: Framework;
}

export interface StoredSetting {
  key: string;
  value: unknown;
  updatedAt: string;
  updatedBy: string;
}

export type WorkbookDatabase = Dexie & {
  frameworks: EntityTable<StoredFramework, 'key'>;
  settings: EntityTable<StoredSetting, 'key'>;
};

export function openWorkbookDatabase(name = DATABASE_NAME): WorkbookDatabase {
  const db = new Dexie(name) as WorkbookDatabase;
  db.version(1).stores({
    frameworks: 'key, frameworkId',
    settings: 'key',
  });
  return db;
}

let shared: WorkbookDatabase | undefined;

export function workbookDatabase(): WorkbookDatabase {
  shared ??= openWorkbookDatabase();
  return shared;
}
