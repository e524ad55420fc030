import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import {
  computeReadinessChecks,
  type ReadinessInput,
} from '../../../src/domain/self-assessment/readiness-checks';
import type { ReadinessCheck } from '../../../src/domain/self-assessment/types';
import {
  makeAction,
  makeCriterionAssessment,
  makeEvidence,
  makeJudgementAssessment,
  makeRecommendation,
} from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const TODAY = '2025-06-01';
const GONE = { deletedAt: '2025-05-01T00:00:00Z' };
const HP2 =
  'HP2 The front door: contacts, referrals, the multi-agency safeguarding hub, thresholds, consent and out of hours';

function checks(overrides: Partial<ReadinessInput>) {
  return computeReadinessChecks({
    framework: ilacs,
    criterionAssessments: [],
    judgementAssessments: [],
    evidence: [],
    actions: [],
    recommendations: [],
    today: TODAY,
    ...overrides,
  });
}
const only = (list: ReadinessCheck[], code: ReadinessCheck['code']) => list.filter((c) => c.code === code);
const graded = (criterionId: string, grade: string, evidenceIds: string[] = []) =>
  makeCriterionAssessment({ criterionId, grade, evidenceIds });
/** Every criterion of the framework graded, with current evidence, so no other check fires. */
function allGradedWithEvidence(framework: Framework = ilacs, grade = 'good') {
  const evidence = makeEvidence({ date: '2025-03-01' });
  return {
    evidence: [evidence],
    criterionAssessments: framework.criteria.map((c) => graded(c.id, grade, [evidence.id])),
  };
}

describe('computeReadinessChecks', () => {
  it('finds nothing in a fully graded, evidenced, consistent self-assessment', () => {
    const base = allGradedWithEvidence();
    expect(
      checks({
        ...base,
        judgementAssessments: ilacs.judgements.map((j) =>
          makeJudgementAssessment({ judgementId: j.id, agreedGrade: 'good' }),
        ),
      }),
    ).toEqual([]);
  });

  describe('good-without-evidence', () => {
    it('is an error for a criterion graded good or better with no live evidence', () => {
      const fresh = makeEvidence({ date: '2025-03-01' });
      const deleted = makeEvidence({ date: '2025-03-01', ...GONE });
      const result = checks({
        criterionAssessments: [
          graded('hp-front-door', 'outstanding'),
          graded('hp-early-help', 'good', [fresh.id]),
          graded('hp-assessment', 'requires-improvement'),
          graded('hp-lado', 'good', [deleted.id]),
          graded('hp-disabled-children', 'good', ['evidence-that-does-not-exist']),
          makeCriterionAssessment({ criterionId: 'hp-pre-proceedings', grade: 'good', ...GONE }),
        ],
        evidence: [fresh, deleted],
      });
      expect(only(result, 'good-without-evidence').map((c) => c.criterionId)).toEqual([
        'hp-front-door',
        'hp-disabled-children',
        'hp-lado',
      ]);
      expect(only(result, 'good-without-evidence')[0]).toEqual({
        code: 'good-without-evidence',
        severity: 'error',
        judgementId: 'help-and-protection',
        criterionId: 'hp-front-door',
        message: `${HP2} is graded Outstanding but has no evidence linked: inspectors will ask how you know.`,
      });
    });
  });

  describe('only-stale-evidence', () => {
    it('warns when all of a graded criterion’s live evidence is more than 12 months old', () => {
      const old = makeEvidence({ date: '2024-05-31' });
      const borderline = makeEvidence({ date: '2024-06-01' });
      const undated = makeEvidence({ date: '' });
      const freshButDeleted = makeEvidence({ date: '2025-05-01', ...GONE });
      const result = checks({
        criterionAssessments: [
          graded('hp-front-door', 'requires-improvement', [old.id, freshButDeleted.id]),
          graded('hp-lado', 'good', [old.id, borderline.id]),
          graded('hp-assessment', 'inadequate', [undated.id]),
          graded('hp-early-help', 'not-applicable', [old.id]),
          graded('hp-disabled-children', 'not-yet-graded', [old.id]),
        ],
        evidence: [old, borderline, undated, freshButDeleted],
      });
      expect(only(result, 'only-stale-evidence')).toEqual([
        {
          code: 'only-stale-evidence',
          severity: 'warning',
          judgementId: 'help-and-protection',
          criterionId: 'hp-front-door',
          message: `${HP2} is graded Requires improvement to be good but all its evidence is more than 12 months old: inspectors look for current evidence of impact.`,
        },
      ]);
    });
  });

  describe('judgement-better-than-criteria', () => {
    const leavers = [
      graded('cl-personal-advisers', 'requires-improvement'),
      graded('cl-pathway-plans', 'good'),
    ];
    const agreeing = (agreedGrade: string, extra = {}) => [
      makeJudgementAssessment({ judgementId: 'care-leavers', agreedGrade, ...extra }),
    ];

    it('warns when the agreed grade is better than the criteria support', () => {
      const found = only(
        checks({ criterionAssessments: leavers, judgementAssessments: agreeing('good') }),
        'judgement-better-than-criteria',
      );
      expect(found).toEqual([
        {
          code: 'judgement-better-than-criteria',
          severity: 'warning',
          judgementId: 'care-leavers',
          message:
            'The experiences and progress of care leavers is agreed as Good, better than its criteria support (Requires improvement to be good). Inspectors criticise an over-optimistic self-evaluation: make sure the rationale and evidence carry it.',
        },
      ]);
    });

    it('is quiet when the agreed grade is the same or more cautious, deleted, or there is no proposal', () => {
      const quiet = (input: Partial<ReadinessInput>) =>
        only(checks({ criterionAssessments: leavers, ...input }), 'judgement-better-than-criteria');
      expect(quiet({ judgementAssessments: agreeing('requires-improvement') })).toEqual([]);
      expect(quiet({ judgementAssessments: agreeing('inadequate') })).toEqual([]);
      expect(quiet({ judgementAssessments: agreeing('outstanding', GONE) })).toEqual([]);
      expect(quiet({ criterionAssessments: [], judgementAssessments: agreeing('outstanding') })).toEqual([]);
    });
  });

  describe('judgement-breaks-rule', () => {
    it('reports a broken hard rule as an error, under the first judgement it names', () => {
      const result = checks({
        judgementAssessments: [
          makeJudgementAssessment({ judgementId: 'children-in-care', agreedGrade: 'inadequate' }),
          makeJudgementAssessment({
            judgementId: 'overall-effectiveness',
            agreedGrade: 'requires-improvement',
          }),
        ],
      });
      expect(result[0]).toMatchObject({
        code: 'judgement-breaks-rule',
        severity: 'error',
        judgementId: 'children-in-care',
      });
      expect(result[0]!.message).toContain('so Overall effectiveness must also be Inadequate');
      expect(result[0]!.message).toContain('but Overall effectiveness is Requires improvement to be good.');
    });

    it('reports soft rules as warnings, and nothing for consistent grades', () => {
      const result = checks({
        judgementAssessments: [
          makeJudgementAssessment({ judgementId: 'leaders', agreedGrade: 'inadequate' }),
          makeJudgementAssessment({
            judgementId: 'overall-effectiveness',
            agreedGrade: 'requires-improvement',
          }),
        ],
      });
      expect(only(result, 'judgement-breaks-rule').map((c) => [c.severity, c.judgementId])).toEqual([
        ['warning', 'leaders'],
        ['warning', 'overall-effectiveness'],
      ]);
      expect(only(result, 'judgement-breaks-rule')[0]!.message).toMatch(
        /^The impact of leaders is graded Inadequate, but Overall effectiveness is not\./,
      );
      const consistent = checks({
        judgementAssessments: ['leaders', 'overall-effectiveness'].map((judgementId) =>
          makeJudgementAssessment({ judgementId, agreedGrade: 'inadequate' }),
        ),
      });
      expect(only(consistent, 'judgement-breaks-rule')).toEqual([]);
    });
  });

  describe('overdue-action', () => {
    it('lists each overdue action with its due date and first linked criterion', () => {
      const late = makeAction({
        title: 'Fix the front door',
        dueDate: '2025-05-31',
        criterionIds: ['hp-front-door', 'lead-governance'],
      });
      const result = checks({
        actions: [
          late,
          makeAction({ title: 'Due today', dueDate: '2025-06-01', criterionIds: ['hp-front-door'] }),
          makeAction({ title: 'Done late', dueDate: '2025-01-01', status: 'completed' }),
          makeAction({ title: 'Dropped', dueDate: '2025-01-01', status: 'no-longer-needed' }),
          makeAction({ title: 'Deleted', dueDate: '2025-01-01', ...GONE }),
          makeAction({ title: 'No date', dueDate: '' }),
        ],
      });
      expect(only(result, 'overdue-action')).toEqual([
        {
          code: 'overdue-action',
          severity: 'warning',
          actionId: late.id,
          criterionId: 'hp-front-door',
          judgementId: 'help-and-protection',
          message: `The action “Fix the front door” (${HP2}) was due on 31/05/2025 and is not complete: record its progress or agree a new date.`,
        },
      ]);
    });

    it('still reports an overdue action that links no criterion', () => {
      const loose = makeAction({
        title: 'Refresh the workforce strategy',
        dueDate: '2024-12-31',
        status: 'not-started',
      });
      const [found] = only(checks({ actions: [loose] }), 'overdue-action');
      expect(found).toMatchObject({ actionId: loose.id, criterionId: undefined });
      expect(found!.message).toBe(
        'The action “Refresh the workforce strategy” was due on 31/12/2024 and is not complete: record its progress or agree a new date.',
      );
    });
  });

  describe('recommendation-without-action', () => {
    it('flags open recommendations with no live action; an area for priority action is an error', () => {
      const answered = makeRecommendation({ reference: 'R1' });
      const priority = makeRecommendation({ reference: 'APA1', priorityAction: true });
      const plain = makeRecommendation({ reference: 'R2' });
      const closed = makeRecommendation({ reference: 'R3', closed: true });
      const deletedRecommendation = makeRecommendation({ reference: 'R4', ...GONE });
      const answeredByDeleted = makeRecommendation({ reference: 'R5' });
      const result = checks({
        recommendations: [answered, priority, plain, closed, deletedRecommendation, answeredByDeleted],
        actions: [
          makeAction({ recommendationIds: [answered.id], dueDate: '2026-01-01' }),
          makeAction({ recommendationIds: [answeredByDeleted.id], dueDate: '2026-01-01', ...GONE }),
        ],
      });
      const found = only(result, 'recommendation-without-action');
      expect(found.map((c) => [c.recommendationId, c.severity])).toEqual([
        [priority.id, 'error'],
        [plain.id, 'warning'],
        [answeredByDeleted.id, 'warning'],
      ]);
      expect(found[0]!.message).toBe(
        'Area for priority action APA1 (The quality and timeliness of assessments for children in need.) has no improvement action: inspectors will expect a plan for it.',
      );
      expect(found[1]!.message).toMatch(/^Recommendation R2 \(/);
    });
  });

  describe('never-graded', () => {
    it('counts never-graded criteria once per judgement', () => {
      const result = checks({
        criterionAssessments: ilacs.criteria
          .filter((c) => c.judgementId !== 'care-leavers')
          .map((c) => graded(c.id, c.judgementId === 'leaders' ? 'not-applicable' : 'requires-improvement')),
      });
      expect(only(result, 'never-graded')).toEqual([
        {
          code: 'never-graded',
          severity: 'warning',
          judgementId: 'care-leavers',
          message:
            '8 criteria of The experiences and progress of care leavers have never been graded: CL1, CL2, CL3 and 5 more.',
        },
      ]);
    });

    it('words short lists naturally and treats deleted or not-yet-graded assessments as never graded', () => {
      const { criterionAssessments, evidence } = allGradedWithEvidence();
      const replace = (ids: Record<string, Partial<(typeof criterionAssessments)[number]>>) =>
        criterionAssessments.map((a) => (ids[a.criterionId] ? { ...a, ...ids[a.criterionId] } : a));
      const one = checks({ evidence, criterionAssessments: replace({ 'cl-pathway-plans': GONE }) });
      expect(only(one, 'never-graded').map((c) => c.message)).toEqual([
        '1 criterion of The experiences and progress of care leavers has never been graded: CL2.',
      ]);
      const three = checks({
        evidence,
        criterionAssessments: replace({
          'hp-early-help': { grade: 'not-yet-graded' },
          'hp-lado': GONE,
          'hp-front-door': { grade: 'not-yet-graded' },
        }),
      });
      expect(only(three, 'never-graded').map((c) => c.message)).toEqual([
        '3 criteria of The experiences and progress of children who need help and protection have never been graded: HP1, HP2 and HP11.',
      ]);
    });
  });

  it('lists errors first, then warnings, each in the framework’s order of judgements and criteria', () => {
    const fresh = makeEvidence({ date: '2025-03-01' });
    const { criterionAssessments } = allGradedWithEvidence();
    const withGaps = criterionAssessments.map((a) => {
      if (a.criterionId === 'hp-lado' || a.criterionId === 'lead-workforce') return { ...a, evidenceIds: [] };
      if (a.criterionId === 'cl-accommodation') return { ...a, grade: 'not-yet-graded' };
      return { ...a, evidenceIds: [fresh.id] };
    });
    const result = checks({
      evidence: [fresh],
      criterionAssessments: withGaps,
      judgementAssessments: [
        makeJudgementAssessment({ judgementId: 'children-in-care', agreedGrade: 'outstanding' }),
        makeJudgementAssessment({ judgementId: 'leaders', agreedGrade: 'outstanding' }),
      ],
      recommendations: [
        makeRecommendation({ reference: 'APA9', priorityAction: true }),
        makeRecommendation({ reference: 'APA1', priorityAction: true, judgementIds: ['care-leavers'] }),
        makeRecommendation({ reference: 'R7', judgementIds: ['leaders'] }),
      ],
      actions: [makeAction({ title: 'Late', dueDate: '2025-04-01', criterionIds: ['cic-permanence'] })],
    });
    expect(result.map((c) => [c.severity, c.code, c.criterionId ?? c.judgementId ?? '-'])).toEqual([
      ['error', 'good-without-evidence', 'lead-workforce'],
      ['error', 'good-without-evidence', 'hp-lado'],
      ['error', 'recommendation-without-action', 'care-leavers'],
      ['error', 'recommendation-without-action', '-'],
      ['warning', 'judgement-better-than-criteria', 'leaders'],
      ['warning', 'recommendation-without-action', 'leaders'],
      ['warning', 'judgement-better-than-criteria', 'children-in-care'],
      ['warning', 'overdue-action', 'cic-permanence'],
      ['warning', 'never-graded', 'care-leavers'],
    ]);
  });

  it('works for SIF in its own words', () => {
    const sif = shippedFramework('sif-2013');
    const result = checks({ framework: sif, criterionAssessments: [graded('sif-hp-front-door', 'good')] });
    expect(result[0]!.message).toBe(
      '1.2 Contacts, referrals and thresholds (the front door) is graded Good but has no evidence linked: inspectors will ask how you know.',
    );
    expect(only(result, 'never-graded').map((c) => c.judgementId)).toEqual(
      sif.judgements.filter((j) => j.id !== 'overall-effectiveness').map((j) => j.id),
    );
  });
});
