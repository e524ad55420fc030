import { describe, expect, it } from 'vitest';
import { carryForward } from '../../../src/domain/self-assessment/carry-forward';
import { compareCycles } from '../../../src/domain/self-assessment/changes-since-last-year';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { makeAction, makeEvidence } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const author = { by: 'Tester', now: '2025-04-01T09:00:00.000Z' };
let n = 0;
const makeId = () => `id-${++n}`;

function years() {
  const previous = startCycle({ framework: ilacs, startYear: 2024, author, makeId });
  const set = (id: string, grade: string, evidenceIds: string[] = []) =>
    Object.assign(
      previous.criterionAssessments.find((a) => a.criterionId === id)!,
      { grade, evidenceIds },
    );
  set('hp-front-door', 'requires-improvement', ['kept', 'dropped']);
  set('hp-lado', 'good');
  set('hp-assessment', 'good');
  set('cl-accommodation', 'good');
  previous.judgementAssessments.find((a) => a.judgementId === 'leaders')!.agreedGrade =
    'requires-improvement';
  const current = carryForward({
    previous,
    fromFramework: ilacs,
    toFramework: ilacs,
    startYear: 2025,
    author,
    makeId,
  });
  const edit = (id: string, grade: string, evidenceIds?: string[]) => {
    const a = current.criterionAssessments.find((c) => c.criterionId === id)!;
    Object.assign(a, { grade, ...(evidenceIds ? { evidenceIds } : {}) });
  };
  edit('hp-front-door', 'good', ['kept', 'new']);
  edit('hp-assessment', 'requires-improvement');
  edit('cl-accommodation', 'not-yet-graded');
  edit('cl-pathway-plans', 'good');
  current.judgementAssessments.find((a) => a.judgementId === 'leaders')!.agreedGrade = 'good';
  return { previous, current };
}

describe('compareCycles', () => {
  const { previous, current } = years();
  const evidence = [
    makeEvidence({ id: 'kept' }),
    makeEvidence({ id: 'dropped' }),
    makeEvidence({ id: 'new' }),
  ];
  const actions = [
    makeAction({ id: 'closed-this-year', status: 'completed', completedAt: '2024-04-01' }),
    makeAction({ id: 'closed-before', status: 'completed', completedAt: '2024-03-31' }),
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

  it('finds grades that went up and down, newly graded and no longer graded, downs first', () => {
    expect(find('hp-front-door')).toEqual({
      id: 'hp-front-door',
      kind: 'criterion',
      from: 'requires-improvement',
      to: 'good',
      direction: 'up',
    });
    expect(find('hp-assessment')?.direction).toBe('down');
    expect(find('cl-pathway-plans')).toMatchObject({
      from: undefined,
      to: 'good',
      direction: 'newly-graded',
    });
    expect(find('cl-accommodation')?.direction).toBe('no-longer-graded');
    expect(find('hp-lado')?.direction).toBe('same');
    expect(find('leaders')).toMatchObject({ kind: 'judgement', direction: 'up' });
    expect(find('hp-early-help')).toBeUndefined();
    expect(changes.grades[0]!.direction).toBe('down');
  });

  it('finds new and retired evidence and actions closed since last year’s cycle began', () => {
    expect(changes.newEvidenceIds).toEqual(['new']);
    expect(changes.retiredEvidenceIds).toEqual(['dropped']);
    expect(changes.closedActionIds).toEqual(['closed-this-year']);
  });
});
