/*
 * Each storage test gets a database of its own, under a random name, deleted afterwards, so tests
 * never see each other's records and can run in any order.
 */
import { afterEach, beforeEach } from 'vitest';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';

/** Call at the top of a test file; the returned function gives the current test's open database. */
export function useFreshDatabase(prefix: string): () => WorkbookDatabase {
  let db: WorkbookDatabase | undefined;
  beforeEach(async () => {
    db = openWorkbookDatabase(`${prefix}-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });
  return () => {
    if (!db) throw new Error('The test database exists only while a test runs');
    return db;
  };
}

/** Every row of every table, to prove a refused write changed nothing at all. */
export async function dumpDatabase(db: WorkbookDatabase): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(entries);
}
