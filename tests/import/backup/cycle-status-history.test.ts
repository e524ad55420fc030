import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CYCLE_STATUS_CHANGES } from '../../../src/domain/workspace/vocabulary';
import { buildBackup, type BackupRecords } from '../../../src/export/backup/backup-format';
import { serialiseBackup } from '../../../src/export/backup/write-backup';
import { readBackupFile } from '../../../src/import/backup/read-backup';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../../src/storage/db';
import { backupRepository } from '../../../src/storage/repositories/backup-repository';
import { cyclesRepository } from '../../../src/storage/repositories/cycles-repository';
import { makeCycle } from '../../helpers/builders';
import { completeRecords } from '../../helpers/complete-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const details = { appVersion: '0.1.0', exportedAt: '2026-11-24T10:00:00.000Z' };
const REASON = 'Reopened after the lead member’s comments: “strengthen care leavers”.';

function emptyRecords(): BackupRecords {
  return {
    settings: [],
    frameworks: [],
    cycles: [],
    criterionAssessments: [],
    judgementAssessments: [],
    narratives: [],
    evidence: [],
    actions: [],
    recommendations: [],
    auditRounds: [],
    caseAudits: [],
    moderations: [],
    indicators: [],
    rehearsals: [],
    notificationItems: [],
    comments: [],
  };
}

let db: WorkbookDatabase;
beforeEach(async () => {
  db = openWorkbookDatabase(`history-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** A cycle finalised, reopened with a reason and finalised again, through the repository. */
async function cycleWithHistory(): Promise<BackupRecords> {
  const cycle = makeCycle();
  const repo = cyclesRepository(db);
  await repo.addCycle({ cycle, ...completeRecords(ilacs, cycle.id) });
  await repo.finaliseCycle(cycle.id, ilacs, { by: 'Dana Director', now: '2026-03-20T16:00:00.000Z' });
  await repo.reopenCycle(cycle.id, REASON, { by: 'Sam Strategic', now: '2026-04-02T10:00:00.000Z' });
  await repo.finaliseCycle(cycle.id, ilacs, { by: 'Dana Director', now: '2026-04-10T09:30:00.000Z' });
  return backupRepository(db).readAllRecords();
}

describe('a cycle’s status history in backups', () => {
  it('is written, read back through the import door and restored exactly', async () => {
    const records = await cycleWithHistory();
    expect(records.cycles[0]!.statusHistory).toHaveLength(3);
    const backup = buildBackup(records, details);
    const read = await readBackupFile(await serialiseBackup(backup));
    expect(read).toEqual({ ok: true, backup, setAside: [] });

    const other = openWorkbookDatabase(`history-${crypto.randomUUID()}`);
    await backupRepository(other).replaceAllRecords(records, '2026-11-24T11:00:00.000Z');
    const restored = await cyclesRepository(other).loadCycle(records.cycles[0]!.id);
    await other.delete();
    expect(restored?.cycle).toEqual(records.cycles[0]);
  });

  it('refuses a history entry that is not a known change, saying where', async () => {
    const records = await cycleWithHistory();
    const backup = buildBackup(records, details);
    (backup.records.cycles[0]!.statusHistory![1] as unknown as Record<string, unknown>).change = 'deleted';
    const read = await readBackupFile(new TextEncoder().encode(JSON.stringify(backup)));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.messages[0]!.location).toMatch(/Assessment cycle 1/);
  });

  it('still reads a backup of cycles without a history', async () => {
    const records = emptyRecords();
    records.cycles.push(
      makeCycle({ status: 'final', finalisedAt: details.exportedAt, finalisedBy: 'Old App' }),
    );
    const read = await readBackupFile(await serialiseBackup(buildBackup(records, details)));
    expect(read.ok).toBe(true);
  });

  it('documents the same changes the app records', () => {
    const schema = JSON.parse(readFileSync('schemas/workspace-backup.schema.json', 'utf8'));
    const entry = schema.properties.records.properties.cycles.items.properties.statusHistory.items;
    expect(entry.properties.change.enum).toEqual(Object.keys(CYCLE_STATUS_CHANGES));
    for (const [name, property] of Object.entries(entry.properties)) {
      expect((property as { description?: string }).description, name).toBeTruthy();
    }
  });
});
