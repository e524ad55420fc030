/*
 * A restore or a merge never leaves the page waiting: whatever fails, the manager answers in words and
 * the workspace is as it was; what the door set aside comes with the notice the page shows.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupManager } from '../../src/state/backup-manager.svelte';
import type { SettingsManager } from '../../src/state/settings-manager.svelte';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { backupRepository, type BackupRepository } from '../../src/storage/repositories/backup-repository';
import { registerRepository } from '../../src/storage/repositories/register-repository';
import { AUTHOR, makeEvidence } from '../helpers/builders';
import { shippedLibrary } from '../helpers/shipped-library';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/invalid/backups/${name}`));

const settings = {
  author: () => ({ by: 'Ann Example', now: '2026-11-24T12:00:00.000Z' }),
  settings: { councilName: 'Exampleshire' },
  save: async () => undefined,
} as unknown as SettingsManager;

let db: WorkbookDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function workspaceWithMyEvidence(): Promise<BackupRepository> {
  db = openWorkbookDatabase(`manager-${crypto.randomUUID()}`);
  await registerRepository(db).saveEvidence(makeEvidence({ id: 'mine' }), AUTHOR);
  return backupRepository(db);
}

describe('restoring through the backup manager', () => {
  it('answers in words when storage fails, and the workspace stays as it was', async () => {
    const repository = await workspaceWithMyEvidence();
    const failing = {
      ...repository,
      replaceAllRecords: () => Promise.reject(new DOMException('Key already exists', 'ConstraintError')),
    };
    const manager = new BackupManager(failing, settings, async () => undefined);
    const outcome = await manager.restore(fixture('valid-base.json'), undefined, 'base.json');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.messages[0]!.text).toMatch(
        /^could not be restored: something went wrong in this browser \(ConstraintError: Key already exists\)/,
      );
    expect(manager.notice).toBeUndefined();
    expect((await db!.evidence.toArray()).map((e) => e.id)).toEqual(['mine']);
  });

  it('refuses duplicate settings before writing, saying which', async () => {
    const manager = new BackupManager(await workspaceWithMyEvidence(), settings, async () => undefined);
    const outcome = await manager.restore(fixture('duplicate-setting-key.json'), undefined, 'dup.json');
    expect(outcome).toMatchObject({
      ok: false,
      messages: [{ location: 'Setting 2 (“workspace”)', severity: 'error' }],
    });
    expect((await db!.evidence.toArray()).map((e) => e.id)).toEqual(['mine']);
  });

  it('restores a file with a dangling link, listing what it set aside with the notice', async () => {
    let reloaded = 0;
    const manager = new BackupManager(await workspaceWithMyEvidence(), settings, async () => {
      reloaded += 1;
    });
    const outcome = await manager.restore(
      fixture('criterion-assessment-evidence-missing.json'),
      undefined,
      'colleague.json',
      await shippedLibrary(),
    );
    expect(outcome.ok).toBe(true);
    expect(reloaded).toBe(1);
    expect(manager.notice?.setAside?.map((m) => m.location)).toEqual([
      'Criterion assessment 1 (criterion “hp-front-door”) › linked evidence',
    ]);
    expect(manager.notice?.text).toContain('1 link or date pointing nowhere was left out');
    const stored = await db!.criterionAssessments.toArray();
    expect(stored.map((a) => a.evidenceIds)).toEqual([['ev-1']]);
  });

  it('says the pages need a reload when the records are in but cannot be read back', async () => {
    const manager = new BackupManager(await workspaceWithMyEvidence(), settings, () =>
      Promise.reject(new Error('reading failed')),
    );
    const outcome = await manager.restore(fixture('valid-base.json'), undefined, 'base.json');
    expect(outcome.ok).toBe(true);
    expect(manager.notice?.text).toContain('reload the page');
    expect(manager.generation).toBe(1);
  });

  it('answers a merge that cannot be read in words', async () => {
    const repository = await workspaceWithMyEvidence();
    const failing = { ...repository, readAllRecords: () => Promise.reject(new Error('storage is closed')) };
    const manager = new BackupManager(failing, settings, async () => undefined);
    const outcome = await manager.planMergeFrom(fixture('valid-base.json'));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.messages[0]!.text).toContain('Error: storage is closed');
  });
});
