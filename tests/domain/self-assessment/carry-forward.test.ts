import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { carryForward } from '../../../src/domain/self-assessment/carry-forward';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import type { CycleBundle } from '../../../src/domain/workspace/records';
import { shippedFramework } from '../../helpers/frameworks';

const author = { by: 'Principal Social Worker', now: '2026-04-02T09:00:00.000Z' };
const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

function lastYear(framework: Framework, edit: (bundle: CycleBundle) => void): CycleBundle {
  let n = 0;
  const bundle = startCycle({ framework, startYear: 2025, author, makeId: () => `old-${++n}` });
  edit(bundle);
  return bundle;
}
const criterion = (bundle: CycleBundle, id: string) =>
  bundle.criterionAssessments.find((a) => a.criterionId === id)!;
const judgement = (bundle: CycleBundle, id: string) =>
  bundle.judgementAssessments.find((a) => a.judgementId === id)!;

describe('startCycle', () => {
  it('makes one blank record per criterion and judgement', () => {
    const ilacs = shippedFramework('ilacs-2023');
    const bundle = startCycle({ framework: ilacs, startYear: 2025, author, makeId: counter() });
    expect(bundle.cycle).toMatchObject({
      frameworkId: 'ilacs-2023',
      frameworkVersion: 1,
      startYear: 2025,
      status: 'draft',
    });
    expect(bundle.criterionAssessments.map((a) => a.criterionId)).toEqual(ilacs.criteria.map((c) => c.id));
    expect(bundle.judgementAssessments).toHaveLength(5);
    expect(bundle.narratives).toHaveLength(5);
    expect(new Set([bundle.cycle.id, ...bundle.criterionAssessments.map((a) => a.id)]).size).toBe(40);
    expect(
      bundle.criterionAssessments.every((a) => a.grade === 'not-yet-graded' && a.cycleId === bundle.cycle.id),
    ).toBe(true);
  });
});

describe('carryForward within one framework', () => {
  const ilacs = shippedFramework('ilacs-2023');
  const previous = lastYear(ilacs, (b) => {
    Object.assign(criterion(b, 'hp-front-door'), {
      grade: 'requires-improvement',
      strengths: 'Screening is timely.',
      evidenceIds: ['ev-1', 'ev-2'],
      status: 'agreed',
      confidence: 'high',
    });
    Object.assign(judgement(b, 'leaders'), { agreedGrade: 'good', rationale: 'Because.' });
    b.narratives.find((n) => n.judgementId === 'leaders')!.answers = { plans: '- Recruit\n- Retain' };
    criterion(b, 'hp-lado').deletedAt = '2026-01-01T00:00:00Z';
    Object.assign(criterion(b, 'hp-lado'), { grade: 'good' });
  });
  const next = carryForward({
    previous,
    fromFramework: ilacs,
    toFramework: ilacs,
    startYear: 2026,
    author,
    makeId: counter(),
  });

  it('carries grades, text, evidence links, agreed grades and narratives, each to re-evaluate', () => {
    const frontDoor = criterion(next, 'hp-front-door');
    expect(frontDoor).toMatchObject({
      grade: 'requires-improvement',
      strengths: 'Screening is timely.',
      evidenceIds: ['ev-1', 'ev-2'],
      confidence: 'high',
      status: 'in-progress',
      toReEvaluate: true,
      cycleId: next.cycle.id,
    });
    expect(frontDoor.history).toEqual([
      {
        at: author.now,
        by: author.by,
        field: 'carried-forward',
        from: '',
        to: 'Carried forward from 2025–26',
      },
    ]);
    expect(judgement(next, 'leaders')).toMatchObject({
      agreedGrade: 'good',
      rationale: 'Because.',
      toReEvaluate: true,
    });
    expect(next.narratives.find((n) => n.judgementId === 'leaders')).toMatchObject({
      answers: { plans: '- Recruit\n- Retain' },
      toReEvaluate: true,
    });
  });

  it('gives everything new ids, links it to last year, and leaves untouched items as they were', () => {
    expect(next.cycle).toMatchObject({
      previousCycleId: previous.cycle.id,
      startYear: 2026,
      status: 'draft',
      archive: [],
    });
    const oldIds = new Set(previous.criterionAssessments.map((a) => a.id));
    expect(next.criterionAssessments.some((a) => oldIds.has(a.id))).toBe(false);
    expect(criterion(next, 'hp-early-help')).toMatchObject({
      grade: 'not-yet-graded',
      toReEvaluate: false,
      status: 'to-do',
    });
  });

  it('does not carry deleted records', () => {
    expect(criterion(next, 'hp-lado').grade).toBe('not-yet-graded');
  });
});

describe('carryForward across framework versions', () => {
  it('ILACS 2018 to 2023: criteria carry by id; the split judgement’s agreed grade and narrative go to the archive', () => {
    const from = shippedFramework('ilacs-2018');
    const to = shippedFramework('ilacs-2023');
    const previous = lastYear(from, (b) => {
      Object.assign(criterion(b, 'cl-pathway-plans'), { grade: 'good' });
      Object.assign(judgement(b, 'children-in-care-and-care-leavers'), {
        agreedGrade: 'good',
        rationale: 'Joint judgement.',
      });
      b.narratives.find((n) => n.judgementId === 'children-in-care-and-care-leavers')!.answers = {
        'what-we-know': 'CIC and CL.',
      };
    });
    const next = carryForward({
      previous,
      fromFramework: from,
      toFramework: to,
      startYear: 2026,
      author,
      makeId: counter(),
    });
    expect(next.cycle).toMatchObject({ frameworkId: 'ilacs-2023', frameworkVersion: 1 });
    expect(criterion(next, 'cl-pathway-plans')).toMatchObject({ grade: 'good', toReEvaluate: true });
    expect(next.cycle.archive.map((a) => [a.kind, a.oldId])).toEqual([
      ['judgement-assessment', 'children-in-care-and-care-leavers'],
      ['narrative', 'children-in-care-and-care-leavers'],
    ]);
    expect(next.cycle.archive[0]!.title).toBe(
      'The experiences and progress of children in care and care leavers',
    );
    expect(next.cycle.archive[0]!.record).toMatchObject({
      agreedGrade: 'good',
      rationale: 'Joint judgement.',
    });
    expect(judgement(next, 'care-leavers').agreedGrade).toBeUndefined();
    expect(next.judgementAssessments.map((a) => a.judgementId)).toEqual(to.judgements.map((j) => j.id));
  });

  it('follows the criterion map: many to one keeps the weakest grade; unmapped is archived; a missing level is not carried', () => {
    const base = shippedFramework('ilacs-2023');
    const from: Framework = { ...base, id: 'council-2024' };
    const to: Framework = {
      ...base,
      id: 'council-2025',
      criteria: [
        ...base.criteria.filter(
          (c) => !['hp-front-door', 'hp-strategy-and-section-47', 'hp-lado'].includes(c.id),
        ),
        { ...base.criteria.find((c) => c.id === 'hp-front-door')!, id: 'hp-front-door-and-s47', ref: 'HP2' },
      ],
      supersedes: {
        frameworkId: 'council-2024',
        version: 1,
        criterionMap: {
          'hp-front-door': ['hp-front-door-and-s47'],
          'hp-strategy-and-section-47': ['hp-front-door-and-s47'],
        },
      },
      scales: base.scales.map((s) => ({ ...s, levels: s.levels.filter((l) => l.id !== 'outstanding') })),
    };
    const previous = lastYear(from, (b) => {
      Object.assign(criterion(b, 'hp-front-door'), {
        grade: 'good',
        strengths: 'Front door.',
        evidenceIds: ['a'],
      });
      Object.assign(criterion(b, 'hp-strategy-and-section-47'), {
        grade: 'requires-improvement',
        strengths: 'Section 47.',
        evidenceIds: ['a', 'b'],
      });
      Object.assign(criterion(b, 'hp-lado'), { grade: 'good', strengths: 'LADO is strong.' });
      Object.assign(criterion(b, 'cl-accommodation'), { grade: 'outstanding' });
    });
    const next = carryForward({
      previous,
      fromFramework: from,
      toFramework: to,
      startYear: 2026,
      author,
      makeId: counter(),
    });
    expect(criterion(next, 'hp-front-door-and-s47')).toMatchObject({
      grade: 'requires-improvement',
      strengths: 'Front door.\n\nSection 47.',
      evidenceIds: ['a', 'b'],
    });
    expect(criterion(next, 'hp-front-door-and-s47').history[0]!.to).toContain('merged from 2 criteria');
    expect(criterion(next, 'cl-accommodation').grade).toBe('not-yet-graded');
    const archived = next.cycle.archive.map((a) => a.oldId);
    expect(archived).toContain('hp-lado');
    expect(archived).toContain('cl-accommodation');
    expect(next.cycle.archive.find((a) => a.oldId === 'hp-lado')!.record).toMatchObject({
      strengths: 'LADO is strong.',
    });
  });
});
