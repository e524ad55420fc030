import { describe, expect, it } from 'vitest';
import type { CriterionAuditFindings } from '../../../src/domain/case-audit/criterion-evidence';
import { computeReadinessChecks } from '../../../src/domain/self-assessment/readiness-checks';
import { makeCriterionAssessment, makeEvidence } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const TODAY = '2025-06-01';
const criterion = ilacs.criteria[0]!;
const base = {
  framework: ilacs,
  judgementAssessments: [],
  actions: [],
  recommendations: [],
  today: TODAY,
};

describe('readiness checks with figures computed once elsewhere', () => {
  it('uses the audit findings it is given rather than computing them from the audits', () => {
    const findings: CriterionAuditFindings = {
      criterionId: criterion.id,
      key: criterion.id,
      n: 4,
      notCounted: 0,
      counts: { inadequate: 4 },
      goodOrBetter: 0,
      share: 0,
      audits: [],
      auditIds: [],
      byScale: [],
    };
    const evidence = makeEvidence({ date: '2025-03-01' });
    const result = computeReadinessChecks({
      ...base,
      criterionAssessments: [
        makeCriterionAssessment({ criterionId: criterion.id, grade: 'good', evidenceIds: [evidence.id] }),
      ],
      evidence: [evidence],
      audits: [],
      auditFindings: new Map([[criterion.id, findings]]),
    });
    expect(result.filter((c) => c.code === 'graded-better-than-audits').map((c) => c.criterionId)).toEqual([
      criterion.id,
    ]);
  });

  it('finds linked evidence by id, ignoring ids of evidence not in the register and ids given twice', () => {
    const stale = makeEvidence({ date: '2023-01-01' });
    const result = computeReadinessChecks({
      ...base,
      criterionAssessments: [
        makeCriterionAssessment({
          criterionId: criterion.id,
          grade: 'good',
          evidenceIds: [stale.id, 'not-in-the-register', stale.id],
        }),
      ],
      evidence: [stale, makeEvidence({ date: '2025-03-01' })],
    });
    const codes = result.filter((c) => c.criterionId === criterion.id).map((c) => c.code);
    expect(codes).toEqual(['only-stale-evidence']);
  });
});
