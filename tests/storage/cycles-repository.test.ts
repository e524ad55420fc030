import { describe, expect, it } from 'vitest';
import { startCycle } from '../../src/domain/self-assessment/new-cycle';
import type { CycleBundle } from '../../src/domain/workspace/records';
import {
  CycleIncompleteError,
  CycleLockedError,
  cyclesRepository,
} from '../../src/storage/repositories/cycles-repository';
import {
  AUTHOR,
  makeCriterionAssessment,
  makeCycle,
  makeJudgementAssessment,
  makeNarrative,
} from '../helpers/builders';
import { completeRecords } from '../helpers/complete-cycle';
import { shippedFramework } from '../helpers/frameworks';
import { dumpDatabase, useFreshDatabase } from './fresh-database';
import { reactive } from './svelte-state.svelte';

const database = useFreshDatabase('cycles');
const later = { by: 'Second Person', now: '2025-07-01T12:00:00.000Z' };

function makeBundle(startYear = 2025): CycleBundle {
  const cycle = makeCycle({ startYear });
  const cycleId = cycle.id;
  return {
    cycle,
    criterionAssessments: [
      makeCriterionAssessment({ cycleId, criterionId: 'hp-front-door' }),
      makeCriterionAssessment({ cycleId, criterionId: 'hp-assessment', grade: 'good' }),
    ],
    judgementAssessments: [makeJudgementAssessment({ cycleId })],
    narratives: [makeNarrative({ cycleId, answers: { 'what-we-know': 'Timely screening.' } })],
  };
}

const ilacs = shippedFramework('ilacs-2023');

/** A cycle with everything graded, agreed and written: one that may be marked final. */
function completeBundle(startYear = 2025): CycleBundle {
  const cycle = makeCycle({ startYear });
  return { cycle, ...completeRecords(ilacs, cycle.id) };
}

const byId = <T extends { id: string }>(records: T[]) =>
  [...records].sort((a, b) => a.id.localeCompare(b.id));

function sorted(bundle: CycleBundle | undefined) {
  return (
    bundle && {
      cycle: bundle.cycle,
      criterionAssessments: byId(bundle.criterionAssessments),
      judgementAssessments: byId(bundle.judgementAssessments),
      narratives: byId(bundle.narratives),
    }
  );
}

describe('addCycle and loadCycle', () => {
  it('stores a cycle with its records and loads exactly them back', async () => {
    const repo = cyclesRepository(database());
    const bundle = makeBundle();
    await repo.addCycle(bundle);
    expect(sorted(await repo.loadCycle(bundle.cycle.id))).toEqual(sorted(bundle));
  });

  it('round-trips a real new cycle for a shipped framework', async () => {
    const repo = cyclesRepository(database());
    let n = 0;
    const makeId = () => `r-${++n}`;
    const framework = shippedFramework('ilacs-2023');
    const bundle = startCycle({ framework, startYear: 2025, author: AUTHOR, makeId });
    await repo.addCycle(bundle);
    const loaded = await repo.loadCycle(bundle.cycle.id);
    expect(loaded?.criterionAssessments).toHaveLength(framework.criteria.length);
    expect(sorted(loaded)).toEqual(sorted(bundle));
  });

  it('adds all or nothing: a duplicate id in the last table leaves no trace of the cycle', async () => {
    const repo = cyclesRepository(database());
    const bundle = makeBundle();
    bundle.narratives.push({ ...bundle.narratives[0]!, judgementId: 'leadership' });
    await expect(repo.addCycle(bundle)).rejects.toMatchObject({ name: 'BulkError' });
    const tables = await dumpDatabase(database());
    expect(Object.values(tables).every((rows) => rows.length === 0)).toBe(true);
  });

  it('adds all or nothing: a clash with another cycle’s record leaves both as they were', async () => {
    const repo = cyclesRepository(database());
    const first = makeBundle(2024);
    await repo.addCycle(first);
    const before = await dumpDatabase(database());
    const second = makeBundle(2025);
    second.judgementAssessments[0]!.id = first.judgementAssessments[0]!.id;
    await expect(repo.addCycle(second)).rejects.toThrow();
    expect(await dumpDatabase(database())).toEqual(before);
  });

  it('refuses a bundle holding a record of another cycle, and stores nothing', async () => {
    const repo = cyclesRepository(database());
    const bundle = makeBundle();
    bundle.criterionAssessments[1]!.cycleId = 'cycle-elsewhere';
    await expect(repo.addCycle(bundle)).rejects.toThrow(
      `Record ${bundle.criterionAssessments[1]!.id} belongs to cycle cycle-elsewhere, not to ${bundle.cycle.id}`,
    );
    expect(await database().cycles.count()).toBe(0);
  });

  it('stores a plain copy of a bundle held in Svelte state', async () => {
    const repo = cyclesRepository(database());
    const bundle = makeBundle();
    const live = reactive(structuredClone(bundle));
    await repo.addCycle(live);
    live.criterionAssessments[0]!.grade = 'inadequate';
    expect(sorted(await repo.loadCycle(bundle.cycle.id))).toEqual(sorted(bundle));
  });

  it('leaves out deleted records, other cycles’ records, and deleted or unknown cycles', async () => {
    const repo = cyclesRepository(database());
    const [kept, other, deleted] = [makeBundle(2025), makeBundle(2024), makeBundle(2023)];
    kept.criterionAssessments[0]!.deletedAt = later.now;
    kept.narratives[0]!.deletedAt = later.now;
    deleted.cycle.deletedAt = later.now;
    for (const bundle of [kept, other, deleted]) await repo.addCycle(bundle);
    const loaded = await repo.loadCycle(kept.cycle.id);
    expect(loaded?.criterionAssessments).toEqual([kept.criterionAssessments[1]]);
    expect(loaded?.judgementAssessments).toEqual(kept.judgementAssessments);
    expect(loaded?.narratives).toEqual([]);
    expect(await repo.loadCycle(deleted.cycle.id)).toBeUndefined();
    expect(await repo.loadCycle('no-such-cycle')).toBeUndefined();
  });
});

describe('listCycles', () => {
  it('lists cycles newest first and hides deleted ones', async () => {
    const repo = cyclesRepository(database());
    const bundles = [2024, 2026, 2025, 2023].map((year) => makeBundle(year));
    bundles[3]!.cycle.deletedAt = later.now;
    for (const bundle of bundles) await repo.addCycle(bundle);
    expect((await repo.listCycles()).map((c) => c.startYear)).toEqual([2026, 2025, 2024]);
  });
});

describe('saving records of a cycle', () => {
  it('stamps who saved and when, keeps everything else, and returns what it stored', async () => {
    const repo = cyclesRepository(database());
    const bundle = makeBundle();
    await repo.addCycle(bundle);
    const record = { ...bundle.criterionAssessments[0]!, grade: 'good', strengths: 'Consent recorded.' };
    const saved = await repo.saveCriterionAssessment(record, later);
    expect(saved).toEqual({ ...record, updatedAt: later.now, updatedBy: later.by });
    expect(saved.createdAt).toBe(AUTHOR.now);
    expect(await database().criterionAssessments.get(record.id)).toEqual(saved);
  });

  it('applies only the fields an edit changed, so two tabs editing one criterion both keep their change', async () => {
    const repo = cyclesRepository(database());
    const bundle = makeBundle();
    await repo.addCycle(bundle);
    const original = bundle.criterionAssessments[0]!;
    const entry = (field: string, to: string) => ({ at: later.now, by: later.by, field, from: '', to });
    // One tab writes the strengths; the other, still holding the original, writes the grade.
    await repo.saveCriterionAssessment(
      { ...original, strengths: 'From the first tab.', history: [entry('strengths', 'From the first tab.')] },
      later,
      ['strengths', 'history'],
    );
    await repo.saveCriterionAssessment(
      { ...original, grade: 'good', history: [entry('grade', 'good')] },
      later,
      ['grade', 'history'],
    );
    const stored = await database().criterionAssessments.get(original.id);
    expect(stored).toMatchObject({ strengths: 'From the first tab.', grade: 'good' });
    expect(stored!.history.map((h) => h.field)).toEqual(['strengths', 'grade']);
  });

  it('stores a plain copy of a record held in Svelte state (structuredClone alone would throw)', async () => {
    const repo = cyclesRepository(database());
    const bundle = makeBundle();
    await repo.addCycle(bundle);
    const live = reactive({ ...bundle.narratives[0]!, answers: { plans: 'Recruit two managers.' } });
    const saved = await repo.saveNarrative(live, later);
    live.answers.plans = 'Changed after saving';
    const expected = { ...bundle.narratives[0]!, answers: { plans: 'Recruit two managers.' } };
    expect(saved).toEqual({ ...expected, updatedAt: later.now, updatedBy: later.by });
    expect(() => structuredClone(saved)).not.toThrow();
    expect(await database().narratives.get(expected.id)).toEqual(saved);
  });

  it('refuses to save into a cycle that does not exist or was deleted', async () => {
    const repo = cyclesRepository(database());
    const bundle = makeBundle();
    bundle.cycle.deletedAt = later.now;
    await repo.addCycle(bundle);
    const orphan = makeJudgementAssessment({ cycleId: 'no-such-cycle' });
    await expect(repo.saveJudgementAssessment(orphan, later)).rejects.toThrow(
      'No assessment cycle no-such-cycle',
    );
    await expect(repo.saveNarrative(bundle.narratives[0]!, later)).rejects.toThrow(
      `No assessment cycle ${bundle.cycle.id}`,
    );
    expect(await database().judgementAssessments.get(orphan.id)).toBeUndefined();
  });
});

describe('finaliseCycle', () => {
  it('marks a complete cycle final, stamped by who finalised it, and keeps that in its history', async () => {
    const repo = cyclesRepository(database());
    const bundle = completeBundle();
    await repo.addCycle(bundle);
    const final = await repo.finaliseCycle(bundle.cycle.id, ilacs, later);
    expect(final).toEqual({
      ...bundle.cycle,
      status: 'final',
      finalisedAt: later.now,
      finalisedBy: later.by,
      statusHistory: [{ at: later.now, by: later.by, change: 'finalised' }],
      updatedAt: later.now,
      updatedBy: later.by,
    });
    expect(await database().cycles.get(bundle.cycle.id)).toEqual(final);
  });

  it('refuses an incomplete cycle with what is missing, and changes nothing', async () => {
    const repo = cyclesRepository(database());
    const bundle = completeBundle();
    bundle.criterionAssessments.find((a) => a.criterionId === 'hp-front-door')!.grade = 'not-yet-graded';
    bundle.narratives.find((n) => n.judgementId === 'leaders')!.answers.plans = '';
    await repo.addCycle(bundle);
    const before = await dumpDatabase(database());
    const refused = repo.finaliseCycle(bundle.cycle.id, ilacs, later);
    await expect(refused).rejects.toBeInstanceOf(CycleIncompleteError);
    const error = (await refused.catch((e: unknown) => e)) as CycleIncompleteError;
    expect(error.missing.map((m) => [m.code, m.judgementId])).toEqual([
      ['answer-missing', 'leaders'],
      ['criterion-not-graded', 'help-and-protection'],
    ]);
    expect(await dumpDatabase(database())).toEqual(before);
  });

  it('refuses a blank new cycle: final means finished', async () => {
    const repo = cyclesRepository(database());
    let n = 0;
    const bundle = startCycle({
      framework: ilacs,
      startYear: 2025,
      author: AUTHOR,
      makeId: () => `r-${++n}`,
    });
    await repo.addCycle(bundle);
    await expect(repo.finaliseCycle(bundle.cycle.id, ilacs, later)).rejects.toBeInstanceOf(
      CycleIncompleteError,
    );
    expect((await database().cycles.get(bundle.cycle.id))?.status).toBe('draft');
  });

  it('refuses to check a cycle against a framework it is not pinned to', async () => {
    const repo = cyclesRepository(database());
    const bundle = completeBundle();
    await repo.addCycle(bundle);
    await expect(repo.finaliseCycle(bundle.cycle.id, shippedFramework('ilacs-2026'), later)).rejects.toThrow(
      'is pinned to ilacs-2023 version 1, not ilacs-2026 version 1',
    );
    expect((await database().cycles.get(bundle.cycle.id))?.status).toBe('draft');
  });

  it('locks the cycle: every later write is refused with CycleLockedError and changes nothing', async () => {
    const repo = cyclesRepository(database());
    const bundle = completeBundle();
    await repo.addCycle(bundle);
    await repo.finaliseCycle(bundle.cycle.id, ilacs, AUTHOR);
    const before = await dumpDatabase(database());
    const attempts = [
      repo.saveCriterionAssessment({ ...bundle.criterionAssessments[0]!, grade: 'inadequate' }, later),
      repo.saveJudgementAssessment({ ...bundle.judgementAssessments[0]!, agreedGrade: 'inadequate' }, later),
      repo.saveNarrative({ ...bundle.narratives[0]!, answers: { plans: 'Rewritten' } }, later),
      repo.finaliseCycle(bundle.cycle.id, ilacs, later),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(CycleLockedError);
    await expect(attempts[0]).rejects.toThrow(
      `Assessment cycle ${bundle.cycle.id} is final and cannot be changed`,
    );
    expect(await dumpDatabase(database())).toEqual(before);
  });

  it('refuses to move a record out of a final cycle into a draft one', async () => {
    const repo = cyclesRepository(database());
    const [final, draft] = [completeBundle(2024), makeBundle(2025)];
    await repo.addCycle(final);
    await repo.addCycle(draft);
    await repo.finaliseCycle(final.cycle.id, ilacs, AUTHOR);
    const before = await dumpDatabase(database());
    const moved = { ...final.criterionAssessments[0]!, cycleId: draft.cycle.id, grade: 'outstanding' };
    await expect(repo.saveCriterionAssessment(moved, later)).rejects.toBeInstanceOf(CycleLockedError);
    expect(await dumpDatabase(database())).toEqual(before);
  });
});

describe('reopenCycle', () => {
  const reason = 'The lead member asked for a stronger care leavers narrative.';
  const third = { by: 'Third Person', now: '2025-07-08T09:00:00.000Z' };

  it('makes a final cycle a draft again with who, when and why, and it can be edited', async () => {
    const repo = cyclesRepository(database());
    const bundle = completeBundle();
    await repo.addCycle(bundle);
    await repo.finaliseCycle(bundle.cycle.id, ilacs, AUTHOR);
    const draft = await repo.reopenCycle(bundle.cycle.id, reason, later);
    expect(draft.status).toBe('draft');
    expect(draft.statusHistory).toEqual([
      { at: AUTHOR.now, by: AUTHOR.by, change: 'finalised' },
      { at: later.now, by: later.by, change: 'reopened', reason },
    ]);
    const stored = await database().cycles.get(bundle.cycle.id);
    expect(stored).toEqual(draft);
    expect(stored).not.toHaveProperty('finalisedAt');
    const edit = {
      ...bundle.narratives[0]!,
      answers: { ...bundle.narratives[0]!.answers, plans: 'Revised.' },
    };
    await expect(repo.saveNarrative(edit, later)).resolves.toMatchObject({ answers: { plans: 'Revised.' } });
  });

  it('keeps the earlier finalisation when the cycle is finalised again', async () => {
    const repo = cyclesRepository(database());
    const bundle = completeBundle();
    await repo.addCycle(bundle);
    await repo.finaliseCycle(bundle.cycle.id, ilacs, AUTHOR);
    await repo.reopenCycle(bundle.cycle.id, reason, later);
    const final = await repo.finaliseCycle(bundle.cycle.id, ilacs, third);
    expect(final).toMatchObject({ status: 'final', finalisedAt: third.now, finalisedBy: third.by });
    expect(final.statusHistory!.map((h) => [h.change, h.by])).toEqual([
      ['finalised', AUTHOR.by],
      ['reopened', later.by],
      ['finalised', third.by],
    ]);
  });

  it('refuses a blank reason, a draft and an unknown cycle, and changes nothing', async () => {
    const repo = cyclesRepository(database());
    const [final, draft] = [completeBundle(2024), makeBundle(2025)];
    await repo.addCycle(final);
    await repo.addCycle(draft);
    await repo.finaliseCycle(final.cycle.id, ilacs, AUTHOR);
    const before = await dumpDatabase(database());
    await expect(repo.reopenCycle(final.cycle.id, '   ', later)).rejects.toThrow('A reason is needed');
    await expect(repo.reopenCycle(draft.cycle.id, reason, later)).rejects.toThrow('is not final');
    await expect(repo.reopenCycle('no-such-cycle', reason, later)).rejects.toThrow(
      'No assessment cycle no-such-cycle',
    );
    expect(await dumpDatabase(database())).toEqual(before);
  });
});
