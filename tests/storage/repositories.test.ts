import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCycle } from '../../src/domain/self-assessment/new-cycle';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { CycleLockedError, cyclesRepository } from '../../src/storage/repositories/cycles-repository';
import { registerRepository } from '../../src/storage/repositories/register-repository';
import { settingsRepository } from '../../src/storage/repositories/settings-repository';
import { workspaceRepository } from '../../src/storage/repositories/workspace-repository';
import { buildDemoWorkspace } from '../../src/domain/self-assessment/demo-workspace';
import { AUTHOR, makeAction, makeEvidence, makeRecommendation } from '../helpers/builders';
import { shippedFramework } from '../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const later = { by: 'Second Person', now: '2025-07-01T12:00:00.000Z' };
let db: WorkbookDatabase;
let n = 0;
const makeId = () => `r-${++n}`;

beforeEach(async () => {
  db = openWorkbookDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('cycles repository', () => {
  it('adds a cycle with all its records, and loads them back', async () => {
    const repo = cyclesRepository(db);
    const bundle = startCycle({ framework: ilacs, startYear: 2025, author: AUTHOR, makeId });
    await repo.addCycle(bundle);
    const loaded = await repo.loadCycle(bundle.cycle.id);
    expect(loaded?.criterionAssessments).toHaveLength(39);
    expect(loaded?.cycle).toEqual(bundle.cycle);
  });

  it('adds all or nothing: a clash on one record leaves no trace of the cycle', async () => {
    const repo = cyclesRepository(db);
    const first = startCycle({ framework: ilacs, startYear: 2025, author: AUTHOR, makeId });
    await repo.addCycle(first);
    const second = startCycle({ framework: ilacs, startYear: 2026, author: AUTHOR, makeId });
    second.narratives[2]!.id = first.narratives[0]!.id;
    await expect(repo.addCycle(second)).rejects.toThrow();
    expect(await db.cycles.count()).toBe(1);
    expect(await db.criterionAssessments.count()).toBe(39);
  });

  it('stamps who saved a record and when, and stores a plain copy', async () => {
    const repo = cyclesRepository(db);
    const bundle = startCycle({ framework: ilacs, startYear: 2025, author: AUTHOR, makeId });
    await repo.addCycle(bundle);
    const record = { ...bundle.criterionAssessments[0]!, grade: 'good' };
    const saved = await repo.saveCriterionAssessment(record, later);
    record.grade = 'inadequate';
    expect(saved).toMatchObject({ grade: 'good', updatedAt: later.now, updatedBy: later.by });
    expect((await db.criterionAssessments.get(record.id))?.grade).toBe('good');
  });

  it('lists cycles newest first and hides deleted ones', async () => {
    const repo = cyclesRepository(db);
    for (const year of [2024, 2026, 2025])
      await repo.addCycle(startCycle({ framework: ilacs, startYear: year, author: AUTHOR, makeId }));
    const all = await repo.listCycles();
    expect(all.map((c) => c.startYear)).toEqual([2026, 2025, 2024]);
    await db.cycles.update(all[0]!.id, { deletedAt: later.now });
    expect((await repo.listCycles()).map((c) => c.startYear)).toEqual([2025, 2024]);
    expect(await repo.loadCycle(all[0]!.id)).toBeUndefined();
  });

  it('locks a final cycle: every later write is refused and changes nothing', async () => {
    const repo = cyclesRepository(db);
    const bundle = startCycle({ framework: ilacs, startYear: 2025, author: AUTHOR, makeId });
    await repo.addCycle(bundle);
    const final = await repo.finaliseCycle(bundle.cycle.id, later);
    expect(final).toMatchObject({ status: 'final', finalisedBy: later.by, finalisedAt: later.now });
    await expect(
      repo.saveCriterionAssessment({ ...bundle.criterionAssessments[0]!, grade: 'good' }, later),
    ).rejects.toBeInstanceOf(CycleLockedError);
    await expect(
      repo.saveJudgementAssessment({ ...bundle.judgementAssessments[0]!, agreedGrade: 'good' }, later),
    ).rejects.toThrow(/final/);
    await expect(
      repo.saveNarrative({ ...bundle.narratives[0]!, answers: { plans: 'x' } }, later),
    ).rejects.toThrow(/final/);
    await expect(repo.finaliseCycle(bundle.cycle.id, later)).rejects.toBeInstanceOf(CycleLockedError);
    const stored = await repo.loadCycle(bundle.cycle.id);
    expect(stored?.criterionAssessments[0]?.grade).toBe('not-yet-graded');
    expect(stored?.narratives[0]?.answers).toEqual({});
  });
});

describe('register repository', () => {
  it('soft-deletes with undo, keeping every field', async () => {
    const repo = registerRepository(db);
    const item = makeEvidence({ notes: 'Moderated by two managers.' });
    await repo.saveEvidence(item, AUTHOR);
    await repo.deleteEvidence(item.id, later);
    expect(await repo.listEvidence()).toEqual([]);
    expect((await db.evidence.get(item.id))?.deletedAt).toBe(later.now);
    await repo.restoreEvidence(item.id, later);
    const [restored] = await repo.listEvidence();
    expect(restored).toEqual({ ...item, updatedAt: later.now, updatedBy: later.by });
    expect(restored && 'deletedAt' in restored).toBe(false);
  });

  it('keeps actions and recommendations apart and lists only live ones', async () => {
    const repo = registerRepository(db);
    await repo.saveAction(makeAction({ id: 'a1' }), AUTHOR);
    await repo.saveAction(makeAction({ id: 'a2' }), AUTHOR);
    await repo.saveRecommendation(makeRecommendation({ id: 'r1' }), AUTHOR);
    await repo.deleteAction('a1', later);
    expect((await repo.listActions()).map((a) => a.id)).toEqual(['a2']);
    expect((await repo.listRecommendations()).map((r) => r.id)).toEqual(['r1']);
    expect(await repo.deleteRecommendation('missing', later)).toBeUndefined();
  });
});

describe('settings repository', () => {
  it('gives defaults, then merges partial saves', async () => {
    const repo = settingsRepository(db);
    expect(await repo.getSettings()).toEqual({
      councilName: '',
      userName: '',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
    });
    await repo.saveSettings({ councilName: 'Northshire' }, AUTHOR);
    await repo.saveSettings({ userName: 'Sam' }, later);
    expect(await repo.getSettings()).toEqual({
      councilName: 'Northshire',
      userName: 'Sam',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
    });
    expect((await db.settings.get('workspace'))?.updatedBy).toBe(later.by);
  });
});

describe('workspace repository', () => {
  it('loads the example only into an empty workspace and keeps the user’s own settings', async () => {
    const repo = workspaceRepository(db);
    await settingsRepository(db).saveSettings({ userName: 'Sam', councilName: 'Real Council' }, AUTHOR);
    expect(await repo.isEmpty()).toBe(true);
    const demo = buildDemoWorkspace(ilacs, { today: '2026-11-24', by: 'Sam', makeId });
    expect(await repo.addExampleWorkspace(demo, 'Sam')).toBe(true);
    expect(await repo.isEmpty()).toBe(false);
    expect(await db.cycles.count()).toBe(2);
    expect((await settingsRepository(db).getSettings()).councilName).toBe('Real Council');
    const again = buildDemoWorkspace(ilacs, { today: '2026-11-24', by: 'Sam', makeId });
    expect(await repo.addExampleWorkspace(again, 'Sam')).toBe(false);
    expect(await db.cycles.count()).toBe(2);
  });
});
