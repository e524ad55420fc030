import { describe, expect, it } from 'vitest';
import { planMerge, recordsToWrite, describePlan } from '../../../src/import/backup/merge-plan';
import { makeEvidence } from '../../helpers/builders';
import { demoBackupRecords } from '../../helpers/demo-backup';

describe('planning a merge', () => {
  it('adds new records, skips identical ones, takes newer ones, and lists two people’s edits as conflicts', () => {
    const mine = demoBackupRecords();
    const theirs = structuredClone(mine);
    theirs.evidence.push(makeEvidence({ id: 'their-new', title: 'Their new evidence' }));
    const sameAuthor = theirs.actions[0]!;
    Object.assign(sameAuthor, { title: 'Updated by the same person', updatedAt: '2099-01-01T00:00:00.000Z' });
    const olderSameAuthor = theirs.actions[1]!;
    Object.assign(olderSameAuthor, { title: 'Older edit', updatedAt: '2000-01-01T00:00:00.000Z' });
    const contested = theirs.criterionAssessments.find(
      (a) => a.criterionId === 'hp-front-door' && a.cycleId === mine.cycles[1]!.id,
    )!;
    Object.assign(contested, {
      grade: 'good',
      updatedBy: 'Colleague',
      updatedAt: '2099-01-01T00:00:00.000Z',
    });

    const plan = planMerge(mine, theirs);
    expect(plan.add.evidence?.map((e) => e.id)).toEqual(['their-new']);
    expect(plan.take.actions?.map((a) => a.title)).toEqual(['Updated by the same person']);
    expect(plan.keptMine).toBe(1);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({
      table: 'criterionAssessments',
      id: contested.id,
      fields: ['grade'],
    });
    expect(describePlan(plan)).toContain('1 edited by two people');
    const unchanged =
      Object.values(mine).reduce((n, list) => n + list.length, 0) - mine.settings.length - 2 - 1;
    expect(plan.unchanged).toBe(unchanged);

    const keepMine = recordsToWrite(plan, { [`criterionAssessments:${contested.id}`]: 'mine' });
    expect(keepMine.criterionAssessments).toBeUndefined();
    const takeTheirs = recordsToWrite(plan, { [`criterionAssessments:${contested.id}`]: 'theirs' });
    expect(takeTheirs.criterionAssessments?.map((a) => a.grade)).toEqual(['good']);
    expect(takeTheirs.evidence?.length).toBe(1);
  });
});
