import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { carryForward } from '../../../src/domain/self-assessment/carry-forward';
import { compareCycles } from '../../../src/domain/self-assessment/changes-since-last-year';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import type { CycleBundle } from '../../../src/domain/workspace/records';
import { makeAction, makeEvidence } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const author = { by: 'Tester', now: '2025-04-01T09:00:00.000Z' };
let n = 0;
const makeId = () => `id-${++n}`;

const criterion = (bundle: CycleBundle, id: string) =>
  bundle.criterionAssessments.find((a) => a.criterionId === id)!;
const judgement = (bundle: CycleBundle, id: string) =>
  bundle.judgementAssessments.find((a) => a.judgementId === id)!;

function years() {
  const previous = startCycle({ framework: ilacs, startYear: 2024, author, makeId });
  const set = (id: string, grade: string, evidenceIds: string[] = []) =>
    Object.assign(criterion(previous, id), { grade, evidenceIds });
  set('hp-front-door', 'requires-improvement', ['kept', 'dropped', 'deleted-since']);
  set('hp-lado', 'good');
  set('hp-assessment', 'good');
  set('cl-accommodation', 'good');
  set('cic-unaccompanied', 'not-applicable');
  set('lead-workforce', 'outstanding');
  judgement(previous, 'leaders').agreedGrade = 'requires-improvement';
  const current = carryForward({
    previous,
    fromFramework: ilacs,
    toFramework: ilacs,
    startYear: 2025,
    author,
    makeId,
  });
  const edit = (id: string, grade: string, evidenceIds?: string[]) =>
    Object.assign(criterion(current, id), { grade, ...(evidenceIds ? { evidenceIds } : {}) });
  edit('hp-front-door', 'good', ['kept', 'new', 'deleted-since', 'new-but-deleted']);
  edit('hp-assessment', 'requires-improvement');
  edit('cl-accommodation', 'not-yet-graded');
  edit('cl-pathway-plans', 'good');
  edit('lead-workforce', 'good');
  judgement(current, 'leaders').agreedGrade = 'good';
  return { previous, current };
}

describe('compareCycles', () => {
  const { previous, current } = years();
  const evidence = [
    makeEvidence({ id: 'kept' }),
    makeEvidence({ id: 'dropped' }),
    makeEvidence({ id: 'new' }),
    makeEvidence({ id: 'deleted-since', deletedAt: '2025-05-01T00:00:00Z' }),
    makeEvidence({ id: 'new-but-deleted', deletedAt: '2025-05-01T00:00:00Z' }),
  ];
  const actions = [
    makeAction({ id: 'closed-on-1-april', status: 'completed', completedAt: '2024-04-01' }),
    makeAction({ id: 'closed-as-timestamp', status: 'completed', completedAt: '2024-11-05T14:00:00.000Z' }),
    makeAction({ id: 'closed-the-day-before', status: 'completed', completedAt: '2024-03-31' }),
    makeAction({
      id: 'closed-then-deleted',
      status: 'completed',
      completedAt: '2024-06-01',
      deletedAt: '2025-01-01',
    }),
    makeAction({ id: 'no-longer-needed', status: 'no-longer-needed', completedAt: '2024-06-01' }),
    makeAction({ id: 'open', status: 'in-progress' }),
  ];
  const changes = compareCycles({
    previousFramework: ilacs,
    framework: ilacs,
    previous,
    current,
    evidence,
    actions,
  });
  const find = (id: string) => changes.grades.find((g) => g.id === id);

  it('finds grades that went up and down by rank, with the grades either side', () => {
    expect(find('hp-front-door')).toEqual({
      id: 'hp-front-door',
      kind: 'criterion',
      from: 'requires-improvement',
      to: 'good',
      direction: 'up',
    });
    expect(find('hp-assessment')).toMatchObject({
      from: 'good',
      to: 'requires-improvement',
      direction: 'down',
    });
    expect(find('lead-workforce')?.direction).toBe('down');
    expect(find('leaders')).toMatchObject({
      kind: 'judgement',
      from: 'requires-improvement',
      to: 'good',
      direction: 'up',
    });
  });

  it('finds newly graded, no longer graded and unchanged grades, and leaves out what was never graded', () => {
    expect(find('cl-pathway-plans')).toEqual({
      id: 'cl-pathway-plans',
      kind: 'criterion',
      from: undefined,
      to: 'good',
      direction: 'newly-graded',
    });
    expect(find('cl-accommodation')).toMatchObject({
      from: 'good',
      to: undefined,
      direction: 'no-longer-graded',
    });
    expect(find('hp-lado')?.direction).toBe('same');
    expect(find('hp-early-help')).toBeUndefined();
    // Not applicable is not a grade on the scale.
    expect(find('cic-unaccompanied')).toBeUndefined();
    expect(find('children-in-care')).toBeUndefined();
  });

  it('lists downs first, then ups, then the rest, each in framework order', () => {
    expect(changes.grades.map((g) => `${g.direction} ${g.id}`)).toEqual([
      'down lead-workforce',
      'down hp-assessment',
      'up hp-front-door',
      'up leaders',
      'same hp-lado',
      'newly-graded cl-pathway-plans',
      'no-longer-graded cl-accommodation',
    ]);
  });

  it('finds evidence newly linked and evidence no longer linked or deleted since', () => {
    expect(changes.newEvidenceIds).toEqual(['new']);
    expect(changes.retiredEvidenceIds).toEqual(['dropped', 'deleted-since']);
  });

  it('finds live actions completed on or after 1 April of last year’s cycle', () => {
    expect(changes.closedActionIds).toEqual(['closed-on-1-april', 'closed-as-timestamp']);
  });
});

describe('compareCycles across framework versions', () => {
  it('compares several old criteria with their one new criterion by the weakest old grade', () => {
    const base = shippedFramework('ilacs-2023');
    const from: Framework = { ...base, id: 'council-2024' };
    const to: Framework = {
      ...base,
      id: 'council-2025',
      criteria: [
        ...base.criteria.filter((c) => !['hp-front-door', 'hp-strategy-and-section-47'].includes(c.id)),
        { ...base.criteria.find((c) => c.id === 'hp-front-door')!, id: 'hp-front-door-and-s47' },
      ],
      supersedes: {
        frameworkId: 'council-2024',
        version: 1,
        criterionMap: {
          'hp-front-door': ['hp-front-door-and-s47'],
          'hp-strategy-and-section-47': ['hp-front-door-and-s47'],
        },
      },
    };
    const previous = startCycle({ framework: from, startYear: 2024, author, makeId });
    criterion(previous, 'hp-front-door').grade = 'good';
    criterion(previous, 'hp-strategy-and-section-47').grade = 'requires-improvement';
    const current = startCycle({ framework: to, startYear: 2025, author, makeId });
    criterion(current, 'hp-front-door-and-s47').grade = 'good';
    const changes = compareCycles({
      previousFramework: from,
      framework: to,
      previous,
      current,
      evidence: [],
      actions: [],
    });
    expect(changes.grades).toEqual([
      {
        id: 'hp-front-door-and-s47',
        kind: 'criterion',
        from: 'requires-improvement',
        to: 'good',
        direction: 'up',
      },
    ]);
  });

  it('ILACS 2018 to 2023: judgements kept by id are compared; the split judgement is not', () => {
    const from = shippedFramework('ilacs-2018');
    const previous = startCycle({ framework: from, startYear: 2022, author, makeId });
    judgement(previous, 'leaders').agreedGrade = 'good';
    judgement(previous, 'children-in-care-and-care-leavers').agreedGrade = 'good';
    const current = startCycle({ framework: ilacs, startYear: 2023, author, makeId });
    judgement(current, 'leaders').agreedGrade = 'requires-improvement';
    judgement(current, 'care-leavers').agreedGrade = 'good';
    const changes = compareCycles({
      previousFramework: from,
      framework: ilacs,
      previous,
      current,
      evidence: [],
      actions: [],
    });
    expect(changes.grades.map((g) => [g.id, g.direction])).toEqual([
      ['leaders', 'down'],
      ['care-leavers', 'newly-graded'],
    ]);
  });
});
