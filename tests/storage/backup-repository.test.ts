import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import {
  backupRepository,
  DuplicateRecordsError,
  SNAPSHOT_KEY,
} from '../../src/storage/repositories/backup-repository';
import { registerRepository } from '../../src/storage/repositories/register-repository';
import { AUTHOR, makeEvidence } from '../helpers/builders';
import { demoBackupRecords } from '../helpers/demo-backup';

let db: WorkbookDatabase;
beforeEach(async () => {
  db = openWorkbookDatabase(`backup-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('backup repository', () => {
  it('backup → restore → backup gives the same records', async () => {
    const repo = backupRepository(db);
    await repo.replaceAllRecords(demoBackupRecords(), '2026-11-24T10:00:00.000Z');
    const first = await repo.readAllRecords();
    const other = openWorkbookDatabase(`backup-${crypto.randomUUID()}`);
    await backupRepository(other).replaceAllRecords(first, '2026-11-24T11:00:00.000Z');
    const second = await backupRepository(other).readAllRecords();
    await other.delete();
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(first.criterionAssessments)).toEqual(byId(demoBackupRecords().criterionAssessments));
  });

  it('keeps a snapshot of the workspace it replaced', async () => {
    const repo = backupRepository(db);
    await registerRepository(db).saveEvidence(makeEvidence({ id: 'mine', title: 'My own evidence' }), AUTHOR);
    await repo.replaceAllRecords(demoBackupRecords(), '2026-11-24T10:00:00.000Z');
    const snapshot = (await db.settings.get(SNAPSHOT_KEY))?.value as {
      records: { evidence: { id: string }[] };
    };
    expect(snapshot.records.evidence.map((e) => e.id)).toEqual(['mine']);
    expect(await repo.snapshotTakenAt()).toBe('2026-11-24T10:00:00.000Z');
    expect((await repo.readAllRecords()).settings.some((s) => s.key === SNAPSHOT_KEY)).toBe(false);
  });

  it('restores all or nothing: a failure part-way leaves the workspace as it was', async () => {
    const repo = backupRepository(db);
    await registerRepository(db).saveEvidence(makeEvidence({ id: 'mine' }), AUTHOR);
    const broken = demoBackupRecords();
    // A record without its key fails inside the transaction, after the tables were cleared.
    broken.caseAudits.push({ ...broken.caseAudits[0]!, id: undefined as unknown as string });
    await expect(repo.replaceAllRecords(broken, '2026-11-24T10:00:00.000Z')).rejects.toThrow();
    expect((await db.evidence.toArray()).map((e) => e.id)).toEqual(['mine']);
    expect(await db.cycles.count()).toBe(0);
    expect(await db.settings.get(SNAPSHOT_KEY)).toBeUndefined();
  });

  it.each(['settings', 'frameworks', 'caseAudits'] as const)(
    'refuses two %s with one key before writing anything, naming them',
    async (table) => {
      const repo = backupRepository(db);
      await registerRepository(db).saveEvidence(makeEvidence({ id: 'mine' }), AUTHOR);
      const records = demoBackupRecords();
      const row =
        table === 'frameworks'
          ? { key: 't@1', frameworkId: 't', version: 1, framework: {} as never }
          : records[table][0]!;
      (records[table] as unknown[]).push(structuredClone(row), structuredClone(row));
      const failure = await repo.replaceAllRecords(records, '2026-11-24T10:00:00.000Z').catch((e) => e);
      expect(failure).toBeInstanceOf(DuplicateRecordsError);
      expect((failure as DuplicateRecordsError).duplicates[0]).toMatchObject({ table });
      expect((failure as Error).message).toContain(`Two records in ${table} have the key`);
      expect((await db.evidence.toArray()).map((e) => e.id)).toEqual(['mine']);
      await expect(repo.putMergedRecords({ [table]: [row, row] })).rejects.toThrow(DuplicateRecordsError);
    },
  );
});
