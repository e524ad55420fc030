import { describe, expect, it } from 'vitest';
import {
  lastInspectionGrades,
  readLastInspection,
} from '../../../src/domain/inspection-report/last-inspection';
import {
  defaultChoices,
  describePlan,
  planAdditions,
} from '../../../src/domain/inspection-report/plan-additions';
import { judgementsConcerned } from '../../../src/domain/inspection-report/judgements-concerned';
import { draftPriorityAction, referenceFor } from '../../../src/domain/inspection-report/to-records';
import type { ReadReport } from '../../../src/domain/inspection-report/types';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs2023 = shippedFramework('ilacs-2023');
const ilacs2018 = shippedFramework('ilacs-2018');
const sif = shippedFramework('sif-2013');
const at = [{ page: 1, line: 1 }];

const report: ReadReport = {
  kind: 'focused-visit',
  kindFrom: at,
  council: { name: 'Northby', from: at },
  fieldwork: { start: '2025-02-11', end: '2025-02-12', from: at },
  published: { date: '2025-03-14', from: at },
  framework: { id: 'ilacs-2023', version: 1, title: 'ILACS 2023' },
  judgements: [],
  items: [
    {
      list: 'priority-action',
      number: 1,
      numberedByReport: false,
      text: 'Review care leavers’ pathway plans.',
      from: at,
    },
    { list: 'improve', number: 1, numberedByReport: false, text: 'Improve management oversight.', from: at },
  ],
  areasLookedAt: [],
  findings: [],
  warnings: [],
};

describe('what a read report becomes', () => {
  it('references carry the report’s numbers, its list and its kind', () => {
    expect(referenceFor('ilacs-report', { list: 'improve', number: 4 })).toBe('R4');
    expect(referenceFor('sif-report', { list: 'priority-immediate-action', number: 1 })).toBe('PA1');
    expect(referenceFor('jtai', { list: 'priority-action', number: 2 })).toBe('JTAI PA2');
  });

  it('plans a recommendation per ticked item and an action per ticked priority item, filed by publication date', () => {
    const choices = defaultChoices(report, ilacs2023, []);
    expect(choices).toEqual({ items: [0, 1], actions: [0], grades: false });
    const plan = planAdditions(report, choices, ilacs2023, {
      fileName: 'fv.pdf',
      by: 'Sam',
      now: '2026-12-02T06:00:00Z',
    });
    expect(plan.recommendations.map((r) => r.fields)).toEqual([
      expect.objectContaining({
        source: 'focused-visit',
        date: '2025-03-14',
        reference: 'FV PA1',
        priorityAction: true,
        judgementIds: ['care-leavers'],
      }),
      expect.objectContaining({ reference: 'FV R1', priorityAction: false, judgementIds: ['leaders'] }),
    ]);
    expect(plan.recommendations.map((r) => r.withAction)).toEqual([true, false]);
    expect(plan.lastInspection).toBeUndefined();
    expect(describePlan(plan)).toBe('2 recommendations and 1 draft action');
  });

  it('an item the tracker already holds starts unticked', () => {
    const existing = [{ source: 'focused-visit' as const, date: '2025-03-14', reference: 'FV R1' }];
    expect(defaultChoices(report, ilacs2023, existing).items).toEqual([0]);
  });

  it('a draft action is linked to its recommendation and its judgements', () => {
    const action = draftPriorityAction(report, report.items[0]!, {
      id: 'rec-1',
      judgementIds: ['care-leavers'],
    });
    expect(action).toMatchObject({
      recommendationIds: ['rec-1'],
      judgementIds: ['care-leavers'],
      status: 'not-started',
    });
    expect(action.title).toBe(
      'Respond to area for priority action FV PA1: Review care leavers’ pathway plans.',
    );
  });

  it('suggests the judgements a recommendation concerns in each framework’s ids', () => {
    const text = 'Improve permanence planning and pathway plans for care leavers.';
    expect(judgementsConcerned(text, 'improve', ilacs2023)).toEqual(['care-leavers', 'children-in-care']);
    expect(judgementsConcerned(text, 'improve', ilacs2018)).toEqual(['children-in-care-and-care-leavers']);
    expect(judgementsConcerned(text, 'improvement', sif)).toEqual([
      'care-leavers',
      'looked-after-and-permanence',
    ]);
    expect(judgementsConcerned('Anything at all.', 'lscb-improvement', sif)).toEqual(['lscb']);
  });
});

describe('the last inspection as stored', () => {
  const stored = {
    kind: 'ilacs-report',
    councilName: 'Northby',
    frameworkId: 'ilacs-2023',
    frameworkVersion: 1,
    fieldworkStart: '2024-06-03',
    grades: [
      { name: 'Overall effectiveness', grade: 'Good', judgementId: 'overall-effectiveness', levelId: 'good' },
      { name: 'Shown only', grade: 'Good' },
      { name: 5, grade: 'Good' },
    ],
    fileName: 'r.pdf',
    recordedAt: '2026-12-02T06:00:00Z',
    recordedBy: 'Sam',
  };
  it('reads what is well formed and leaves out the rest', () => {
    const last = readLastInspection({ ...stored, fieldworkEnd: 'not a date', frameworkVersion: 1.5 });
    expect(last?.grades).toHaveLength(2);
    expect(last?.fieldworkEnd).toBeUndefined();
    expect(last?.frameworkVersion).toBeUndefined();
    expect(lastInspectionGrades(last)).toEqual({ 'overall-effectiveness': 'good' });
  });
  it('is nothing when the kind is unknown or the value is not an object', () => {
    expect(readLastInspection({ ...stored, kind: 'peer-review' })).toBeUndefined();
    expect(readLastInspection('text')).toBeUndefined();
    expect(readLastInspection(undefined)).toBeUndefined();
  });
});
