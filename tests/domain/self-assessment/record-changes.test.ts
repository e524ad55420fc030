import { describe, expect, it } from 'vitest';
import {
  applyCriterionEdit,
  applyJudgementEdit,
  confirmReEvaluated,
} from '../../../src/domain/self-assessment/record-changes';
import { makeCriterionAssessment, makeJudgementAssessment } from '../../helpers/builders';

const at = (minutes: number) => ({
  by: 'Alex',
  now: new Date(Date.UTC(2025, 5, 1, 9, minutes)).toISOString(),
});

describe('applyCriterionEdit', () => {
  it('records who changed which field, from what to what', () => {
    const record = makeCriterionAssessment({ grade: 'not-yet-graded' });
    const next = applyCriterionEdit(record, { grade: 'good', assignee: 'Head of service' }, at(0));
    expect(next.grade).toBe('good');
    expect(next.history).toEqual([
      { at: at(0).now, by: 'Alex', field: 'grade', from: 'not-yet-graded', to: 'good' },
      { at: at(0).now, by: 'Alex', field: 'assignee', from: '', to: 'Head of service' },
    ]);
    expect(record.history).toEqual([]);
  });

  it('writes nothing to history when a value does not change', () => {
    const record = makeCriterionAssessment({ grade: 'good' });
    expect(applyCriterionEdit(record, { grade: 'good' }, at(0)).history).toEqual([]);
  });

  it('folds repeated typing in one field by one person into one entry', () => {
    let record = makeCriterionAssessment();
    record = applyCriterionEdit(record, { strengths: 'Timely' }, at(0));
    record = applyCriterionEdit(record, { strengths: 'Timely visits' }, at(2));
    expect(record.history).toEqual([
      { at: at(2).now, by: 'Alex', field: 'strengths', from: '', to: 'Timely visits' },
    ]);
    record = applyCriterionEdit(record, { strengths: 'Timely visits.' }, at(20));
    expect(record.history).toHaveLength(2);
  });

  it('drops the entry when typing returns the field to where it started', () => {
    let record = makeCriterionAssessment({ assignee: 'A' });
    record = applyCriterionEdit(record, { assignee: 'AB' }, at(0));
    record = applyCriterionEdit(record, { assignee: 'A' }, at(1));
    expect(record.history).toEqual([]);
  });

  it('keeps evidence links as ids in history', () => {
    const record = makeCriterionAssessment({ evidenceIds: ['e1'] });
    const next = applyCriterionEdit(record, { evidenceIds: ['e1', 'e2'] }, at(0));
    expect(next.history[0]).toMatchObject({ field: 'evidenceIds', from: 'e1', to: 'e1,e2' });
  });

  it('a new grade or status means a carried-forward item has been re-evaluated; new text alone does not', () => {
    const carried = makeCriterionAssessment({ toReEvaluate: true, grade: 'good' });
    expect(applyCriterionEdit(carried, { strengths: 'More' }, at(0)).toReEvaluate).toBe(true);
    expect(applyCriterionEdit(carried, { grade: 'outstanding' }, at(0)).toReEvaluate).toBe(false);
    expect(applyCriterionEdit(carried, { status: 'in-progress' }, at(0)).toReEvaluate).toBe(false);
  });
});

describe('applyJudgementEdit and confirmReEvaluated', () => {
  it('records the agreed grade change and clears the carried-forward mark', () => {
    const record = makeJudgementAssessment({ agreedGrade: 'good', toReEvaluate: true });
    const next = applyJudgementEdit(record, { agreedGrade: 'requires-improvement' }, at(0));
    expect(next.toReEvaluate).toBe(false);
    expect(next.history).toEqual([
      { at: at(0).now, by: 'Alex', field: 'agreedGrade', from: 'good', to: 'requires-improvement' },
    ]);
  });

  it('confirming keeps the grade and says who confirmed it', () => {
    const record = makeJudgementAssessment({ agreedGrade: 'good', toReEvaluate: true });
    const next = confirmReEvaluated(record, at(5));
    expect(next.agreedGrade).toBe('good');
    expect(next.toReEvaluate).toBe(false);
    expect(next.history).toEqual([
      { at: at(5).now, by: 'Alex', field: 'toReEvaluate', from: 'true', to: 'false' },
    ]);
    expect(confirmReEvaluated(next, at(6))).toBe(next);
  });
});
