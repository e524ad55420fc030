import { describe, expect, it } from 'vitest';
import {
  computeReadinessChecks,
  type ReadinessInput,
} from '../../../src/domain/self-assessment/readiness-checks';
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
const codes = (list: ReturnType<typeof checks>) => list.map((c) => c.code);

describe('computeReadinessChecks', () => {
  it('flags a criterion graded good or better with no evidence, and not one with current evidence', () => {
    const fresh = makeEvidence({ date: '2025-03-01' });
    const result = checks({
      criterionAssessments: [
        makeCriterionAssessment({ criterionId: 'hp-lado', grade: 'outstanding' }),
        makeCriterionAssessment({ criterionId: 'hp-early-help', grade: 'good', evidenceIds: [fresh.id] }),
        makeCriterionAssessment({ criterionId: 'hp-assessment', grade: 'requires-improvement' }),
      ],
      evidence: [fresh],
    });
    const found = result.filter((c) => c.code === 'good-without-evidence');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      criterionId: 'hp-lado',
      judgementId: 'help-and-protection',
    });
    expect(found[0]!.message).toContain('is graded Outstanding but has no evidence linked');
  });

  it('counts deleted evidence as no evidence', () => {
    const gone = makeEvidence({ deletedAt: '2025-05-01T00:00:00Z' });
    const result = checks({
      criterionAssessments: [
        makeCriterionAssessment({ criterionId: 'hp-lado', grade: 'good', evidenceIds: [gone.id] }),
      ],
      evidence: [gone],
    });
    expect(codes(result)).toContain('good-without-evidence');
  });

  it('warns when all of a graded criterion’s evidence is stale', () => {
    const old = makeEvidence({ date: '2024-05-31' });
    const borderline = makeEvidence({ date: '2024-06-01' });
    const result = checks({
      criterionAssessments: [
        makeCriterionAssessment({
          criterionId: 'hp-front-door',
          grade: 'requires-improvement',
          evidenceIds: [old.id],
        }),
        makeCriterionAssessment({
          criterionId: 'hp-lado',
          grade: 'good',
          evidenceIds: [old.id, borderline.id],
        }),
      ],
      evidence: [old, borderline],
    });
    const stale = result.filter((c) => c.code === 'only-stale-evidence');
    expect(stale.map((c) => c.criterionId)).toEqual(['hp-front-door']);
    expect(stale[0]!.message).toContain('more than 12 months old');
  });

  it('warns when an agreed grade is better than its criteria support', () => {
    const result = checks({
      criterionAssessments: [
        makeCriterionAssessment({ criterionId: 'cl-personal-advisers', grade: 'requires-improvement' }),
        makeCriterionAssessment({ criterionId: 'cl-pathway-plans', grade: 'requires-improvement' }),
      ],
      judgementAssessments: [makeJudgementAssessment({ judgementId: 'care-leavers', agreedGrade: 'good' })],
    });
    const over = result.find((c) => c.code === 'judgement-better-than-criteria')!;
    expect(over).toMatchObject({ severity: 'warning', judgementId: 'care-leavers' });
    expect(over.message).toContain('over-optimistic');
    const modest = checks({
      criterionAssessments: [makeCriterionAssessment({ criterionId: 'cl-pathway-plans', grade: 'good' })],
      judgementAssessments: [
        makeJudgementAssessment({ judgementId: 'care-leavers', agreedGrade: 'requires-improvement' }),
      ],
    });
    expect(codes(modest)).not.toContain('judgement-better-than-criteria');
  });

  it('reports a broken hard rule as an error, first', () => {
    const result = checks({
      judgementAssessments: [
        makeJudgementAssessment({ judgementId: 'children-in-care', agreedGrade: 'inadequate' }),
        makeJudgementAssessment({
          judgementId: 'overall-effectiveness',
          agreedGrade: 'requires-improvement',
        }),
      ],
    });
    expect(result[0]).toMatchObject({ code: 'judgement-breaks-rule', severity: 'error' });
  });

  it('lists overdue actions with their due date and the criterion behind them', () => {
    const result = checks({
      actions: [
        makeAction({ title: 'Fix the front door', dueDate: '2025-05-31', criterionIds: ['hp-front-door'] }),
        makeAction({ title: 'Not yet due', dueDate: '2025-06-01' }),
        makeAction({ title: 'Done late', dueDate: '2025-01-01', status: 'completed' }),
      ],
    });
    const overdue = result.filter((c) => c.code === 'overdue-action');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.message).toBe(
      'The action “Fix the front door” was due on 31/05/2025 and is not complete, behind HP2 The front door: contacts, referrals, the multi-agency safeguarding hub, thresholds, consent and out of hours.',
    );
    expect(overdue[0]!.criterionId).toBe('hp-front-door');
  });

  it('flags open recommendations with no action; an area for priority action is an error', () => {
    const answered = makeRecommendation({ reference: 'R1' });
    const priority = makeRecommendation({ reference: 'APA1', priorityAction: true });
    const plain = makeRecommendation({ reference: 'R2' });
    const closed = makeRecommendation({ reference: 'R3', closed: true });
    const result = checks({
      recommendations: [answered, priority, plain, closed],
      actions: [makeAction({ recommendationIds: [answered.id], dueDate: '2026-01-01' })],
    });
    const found = result.filter((c) => c.code === 'recommendation-without-action');
    expect(found.map((c) => [c.recommendationId, c.severity])).toEqual([
      [priority.id, 'error'],
      [plain.id, 'warning'],
    ]);
    expect(found[0]!.message).toMatch(/^Area for priority action APA1/);
  });

  it('counts never-graded criteria once per judgement', () => {
    const result = checks({
      criterionAssessments: ilacs.criteria
        .filter((c) => c.judgementId !== 'care-leavers')
        .map((c) => makeCriterionAssessment({ criterionId: c.id, grade: 'good', evidenceIds: ['x'] })),
      evidence: [makeEvidence({ id: 'x' })],
    });
    const never = result.filter((c) => c.code === 'never-graded');
    expect(never).toEqual([
      {
        code: 'never-graded',
        severity: 'warning',
        judgementId: 'care-leavers',
        message:
          '8 criteria of The experiences and progress of care leavers have never been graded: CL1, CL2, CL3 and 5 more.',
      },
    ]);
  });
});
