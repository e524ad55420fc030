import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CyclesManager } from '../../src/state/cycles-manager.svelte';
import { SaveStatusManager } from '../../src/state/save-status.svelte';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { cyclesRepository } from '../../src/storage/repositories/cycles-repository';
import { AUTHOR, makeCriterionAssessment, makeCycle, nextId } from '../helpers/builders';

let db: WorkbookDatabase;
let saves: SaveStatusManager;
let cycles: CyclesManager;
beforeEach(async () => {
  db = openWorkbookDatabase(`cycles-manager-${crypto.randomUUID()}`);
  await db.open();
  saves = new SaveStatusManager();
  cycles = new CyclesManager(cyclesRepository(db), saves, () => AUTHOR, nextId);
  const cycle = makeCycle({ id: 'c1' });
  await db.cycles.add(cycle);
  await db.criterionAssessments.add(
    makeCriterionAssessment({ id: 'ca1', cycleId: 'c1', criterionId: 'hp-front-door', grade: 'good' }),
  );
  await cycles.load();
  await cycles.openCycle('c1');
});
afterEach(async () => {
  await db.delete();
});

describe('the open cycle is plain data, replaced on every change', () => {
  it('a grade gives a new open cycle and leaves the one a page held as it was', async () => {
    const before = cycles.open!;
    await cycles.editCriterion('hp-front-door', { grade: 'inadequate' });
    expect(cycles.open).not.toBe(before);
    expect(cycles.criterionAssessment('hp-front-door')?.grade).toBe('inadequate');
    expect(before.criterionAssessments[0]?.grade).toBe('good');
    expect(cycles.open!.cycle).toBe(before.cycle);
    await saves.idle();
    expect((await db.criterionAssessments.get('ca1'))?.grade).toBe('inadequate');
  });

  it('a narrative and a judgement each replace the open cycle too', async () => {
    const before = cycles.open!;
    await cycles.editNarrative('help-and-protection', 'section-1', 'Typed text');
    const afterNarrative = cycles.open!;
    expect(afterNarrative).not.toBe(before);
    expect(cycles.narrative('help-and-protection')?.answers['section-1']).toBe('Typed text');
    await cycles.editJudgement('help-and-protection', { agreedGrade: 'good' });
    expect(cycles.open).not.toBe(afterNarrative);
    expect(cycles.judgementAssessment('help-and-protection')?.agreedGrade).toBe('good');
    expect(before.narratives).toEqual([]);
  });

  it('the lists it gives are not reactive proxies', () => {
    const open = cycles.open!;
    expect(structuredClone(open)).toEqual(open);
    expect(structuredClone(cycles.cycles)).toEqual(cycles.cycles);
  });
});

describe('review and sign-off through the manager', () => {
  it('stores each step with the review, and an edit after sign-off withdraws it in storage too', async () => {
    expect(await cycles.reviewCriterion('hp-front-door', 'send-back', '')).toEqual({
      ok: false,
      problem: 'not-ready-for-review',
    });
    expect(await cycles.reviewCriterion('hp-front-door', 'send')).toEqual({ ok: true });
    expect(await cycles.reviewCriterion('hp-front-door', 'send-back', ' ')).toEqual({
      ok: false,
      problem: 'comment-required',
    });
    expect(await cycles.reviewCriterion('hp-front-door', 'agree')).toEqual({ ok: true });
    await saves.idle();
    const signed = (await db.criterionAssessments.get('ca1'))!;
    expect(signed.status).toBe('agreed');
    expect(signed.review).toMatchObject({ requestedBy: AUTHOR.by, signedOffBy: AUTHOR.by });

    await cycles.editCriterion('hp-front-door', { grade: 'outstanding' });
    await saves.idle();
    const edited = (await db.criterionAssessments.get('ca1'))!;
    expect(edited.status).toBe('in-progress');
    expect(edited.review?.signedOffBy).toBeUndefined();
    expect(edited.history.map((h) => [h.field, h.from, h.to])).toEqual([
      ['status', 'to-do', 'ready-for-review'],
      ['status', 'ready-for-review', 'agreed'],
      ['grade', 'good', 'outstanding'],
      ['status', 'agreed', 'in-progress'],
    ]);
  });
});
