/*
 * Invariant: every backup the app writes, with every field at its longest and in every kind of
 * character, passes the door untouched, restores, and backs up again to the same records; merging it
 * into the workspace it came from changes nothing and finds no conflict. The same through a passphrase.
 * Workspaces come from a seeded generator (tests/helpers/seeded-workspace.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_LIMITS, TEXT_LIMITS, textLength } from '../../../src/domain/workspace/limits';
import {
  buildBackup,
  BACKUP_TABLES,
  keyFieldOf,
  type BackupRecords,
} from '../../../src/export/backup/backup-format';
import { serialiseBackup } from '../../../src/export/backup/write-backup';
import { planMerge } from '../../../src/import/backup/merge-plan';
import { readBackupFile } from '../../../src/import/backup/read-backup';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../../src/storage/db';
import { backupRepository } from '../../../src/storage/repositories/backup-repository';
import { seededWorkspace } from '../../helpers/seeded-workspace';
import { shippedLibrary } from '../../helpers/shipped-library';

const opened: WorkbookDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function freshDatabase(): WorkbookDatabase {
  const db = openWorkbookDatabase(`round-trip-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/** Each table in key order, as JSON: equal text means equal records, field order included. */
function canonical(records: BackupRecords): Record<string, string> {
  return Object.fromEntries(
    BACKUP_TABLES.map((table) => {
      const key = keyFieldOf(table);
      const list = [...(records[table] as Record<string, string>[])].sort((a, b) =>
        a[key]! < b[key]! ? -1 : a[key]! > b[key]! ? 1 : 0,
      );
      return [table, JSON.stringify(list)];
    }),
  );
}

async function readBack(bytes: Uint8Array, passphrase?: string) {
  const read = await readBackupFile(bytes, passphrase, await shippedLibrary());
  if (!read.ok) throw new Error(JSON.stringify(read.messages.slice(0, 5), null, 1));
  expect(read.setAside).toEqual([]);
  return read.backup;
}

async function roundTrip(seed: number, passphrase?: string) {
  const { shipped } = await shippedLibrary();
  const records = seededWorkspace(seed, shipped);
  const first = buildBackup(records, { appVersion: '0.1.0', exportedAt: '2026-11-24T10:00:00.000Z' });
  const read = await readBack(await serialiseBackup(first, passphrase), passphrase);
  expect(canonical(read.records)).toEqual(canonical(first.records));

  const db = freshDatabase();
  await backupRepository(db).replaceAllRecords(read.records, '2026-11-24T11:00:00.000Z');
  const second = buildBackup(await backupRepository(db).readAllRecords(), {
    appVersion: '0.1.0',
    exportedAt: '2026-11-25T09:00:00.000Z',
  });
  expect(canonical(second.records)).toEqual(canonical(first.records));

  // Backed up again, it reads back as the same records, and merging it into itself changes nothing.
  const again = await readBack(await serialiseBackup(second, passphrase), passphrase);
  expect(canonical(again.records)).toEqual(canonical(first.records));
  const plan = planMerge(await backupRepository(db).readAllRecords(), again.records);
  const count = BACKUP_TABLES.filter((t) => t !== 'settings').reduce((n, t) => n + records[t].length, 0);
  expect(plan).toEqual({ add: {}, take: {}, unchanged: count, keptMine: 0, conflicts: [] });
}

/** The values at a limits path: `caseAudits[].answers{}` is every answer of every case audit. */
function valuesAt(records: BackupRecords, path: string): unknown[] {
  let values: unknown[] = [records];
  for (const part of path.match(/[^.[\]{}]+|\[\]|\{\}/g) ?? []) {
    values = values.flatMap((v): unknown[] => {
      if (part === '[]') return Array.isArray(v) ? v : [];
      if (part === '{}') return v && typeof v === 'object' ? Object.values(v) : [];
      return v && typeof v === 'object' && part in v ? [(v as Record<string, unknown>)[part]] : [];
    });
  }
  return values;
}

describe('the seeded workspace', () => {
  it('has every text a person types or imports at its longest', async () => {
    const records = seededWorkspace(7, (await shippedLibrary()).shipped);
    const typed = Object.entries(BACKUP_LIMITS).filter(
      ([path, limit]) => !Object.hasOwn(records, path) && limit >= TEXT_LIMITS.fileName,
    );
    expect(typed.length).toBeGreaterThan(80);
    for (const [path, limit] of typed) {
      const values = valuesAt(records, path);
      if (values.some(Array.isArray)) continue; // a list: its limit is a count, not a length
      const texts = values.filter((v): v is string => typeof v === 'string');
      expect(Math.max(0, ...texts.map(textLength)), path).toBe(limit);
    }
  }, 60_000); // making a workspace with every text at its longest takes seconds on a busy 2-core machine
});

describe('a backup of any workspace the app can hold', () => {
  it.each([1, 2, 3])('comes back identically (seed %i)', (seed) => roundTrip(seed), 60_000);

  // PBKDF2 at 600,000 iterations takes a while: two seeds are enough to show the envelope changes nothing.
  it.each([101, 102])(
    'comes back identically through a passphrase (seed %i)',
    (seed) => roundTrip(seed, `pass ${seed} ✓ é 😀`),
    60_000,
  );
});
