// The team server's nightly backup (src/server/nightly-backup.js) is a workspace backup the app's own
// door accepts, holding every record the browsers put in the units.
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Framework } from '../../src/domain/framework/types';
import { BACKUP_TABLES, type BackupRecords } from '../../src/export/backup/backup-format';
import { readBackupFile } from '../../src/import/backup/read-backup';
import { BACKUP_TABLES as SERVER_BACKUP_TABLES, buildTeamBackup } from '../../src/server/nightly-backup.js';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import {
  WORK_TABLES,
  teamRepository,
  type SyncedRecord,
  type SyncedTable,
} from '../../src/storage/repositories/team-repository';
import { canonical, writeRecord } from '../../src/team/projector';
import { unitOfRecord } from '../../src/team/units';
import { seededWorkspace } from '../helpers/seeded-workspace';
import { shippedLibrary } from '../helpers/shipped-library';

let shipped: readonly Framework[];
beforeAll(async () => {
  shipped = (await shippedLibrary()).shipped;
});
const opened: WorkbookDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
const plain = (value: unknown) => JSON.parse(canonical(value)) as unknown;
const byId = (a: { id?: unknown; key?: unknown }, b: { id?: unknown; key?: unknown }) =>
  String(a.id ?? a.key) < String(b.id ?? b.key) ? -1 : 1;

/** The server's unit names need UUIDs; the seeded workspace's ids are any text. */
function withUuids(records: BackupRecords): BackupRecords {
  const ids = new Map<string, string>();
  for (const table of WORK_TABLES)
    for (const r of records[table] as { id: string }[]) ids.set(r.id, crypto.randomUUID());
  const swap = (value: unknown): unknown =>
    typeof value === 'string'
      ? (ids.get(value) ?? value)
      : Array.isArray(value)
        ? value.map(swap)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]))
          : value;
  return swap(records) as BackupRecords;
}

describe('the team server’s nightly backup', () => {
  test('lists the same tables as the backup format', () => {
    expect([...SERVER_BACKUP_TABLES]).toEqual([...BACKUP_TABLES]);
  });

  test('is a workspace backup the app restores, with every record the units hold', async () => {
    const records = withUuids(seededWorkspace(5, shipped));
    const docs = new Map<string, Y.Doc>();
    const put = (table: SyncedTable, record: SyncedRecord) => {
      const unit = unitOfRecord(table, record);
      if (!unit) throw new Error(`${table} ${record.id} has no unit`);
      if (!docs.has(unit)) docs.set(unit, new Y.Doc());
      writeRecord(docs.get(unit)!, table, record, undefined, { by: 'Priya', at: '2026-06-01T09:00:00.000Z' });
    };
    for (const table of WORK_TABLES)
      for (const record of records[table] as unknown as SyncedRecord[]) put(table, record);
    // The set-up goes through the workbook as a browser in team mode reads it.
    const db = openWorkbookDatabase(`nightly-${crypto.randomUUID()}`);
    opened.push(db);
    await db.settings.bulkPut(records.settings as never);
    await db.frameworks.bulkPut(records.frameworks as never);
    for (const table of ['settings', 'frameworks'] as const)
      for (const record of await teamRepository(db).readAll(table)) put(table, record);

    const states = new Map([...docs].map(([name, doc]) => [name, Y.encodeStateAsUpdate(doc)]));
    const backup = buildTeamBackup(states, { appVersion: '0.1.0', exportedAt: '2026-06-02T02:00:00.000Z' });
    const read = await readBackupFile(new TextEncoder().encode(JSON.stringify(backup)), undefined, {
      shipped,
    });
    expect(read.ok ? [] : read.messages).toEqual([]);
    if (!read.ok) return;
    expect(read.setAside).toEqual([]);
    for (const table of [...WORK_TABLES, 'frameworks'] as const) {
      const expected = (records[table] as { id?: string; key?: string }[]).slice().sort(byId);
      expect(plain(read.backup.records[table]), table).toEqual(plain(expected));
    }
    const settings = records.settings.find((s) => s.key === 'workspace')!;
    const { userName: _name, lastBackupAt: _last, ...shared } = settings.value as Record<string, unknown>;
    expect(read.backup.records.settings).toEqual([{ ...settings, value: shared }]);
  }, 30_000);
});
