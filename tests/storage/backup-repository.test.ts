import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { backupRepository, SNAPSHOT_KEY } from '../../src/storage/repositories/backup-repository';
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
    broken.caseAudits.push({ ...broken.caseAudits[0]! });
    await expect(repo.replaceAllRecords(broken, '2026-11-24T10:00:00.000Z')).rejects.toThrow();
    expect((await db.evidence.toArray()).map((e) => e.id)).toEqual(['mine']);
    expect(await db.cycles.count()).toBe(0);
  });
});
