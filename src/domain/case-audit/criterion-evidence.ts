/*
 * Audits as evidence for the self-assessment: for each criterion, the completed audits whose tool
 * questions map to it and what they found (cautiously, the weakest mapped domain's grade), and the
 * consistency check an inspector would make: a criterion graded better than its audits support.
 */
import { findLevel, isGoodOrBetter, scaleOfJudgement } from '../framework/lookup';
import type { Framework } from '../framework/types';
import type { ReadinessCheck } from '../self-assessment/types';
import type { CriterionAssessment } from '../workspace/records';
import { distributionOf, isCounted, type Distribution } from './findings';
import type { CaseAudit } from './records';

export const MIN_AUDITS_FOR_CHECK = 3;

export interface CriterionAuditFindings extends Distribution {
  criterionId: string;
  auditIds: string[];
}

/** The grade an audit gives a criterion: the weakest of the domains whose questions map to it. */
export function auditGradeForCriterion(
  framework: Framework,
  audit: CaseAudit,
  criterionId: string,
): string | undefined {
  const tool = framework.auditTools.find((t) => t.id === audit.toolId);
  const scale = tool ? framework.scales.find((s) => s.id === tool.scaleId) : undefined;
  if (!tool || !scale) return undefined;
  const levels = tool.domains
    .filter((d) => d.graded && d.questions.some((q) => q.criterionIds?.includes(criterionId)))
    .map((d) => findLevel(scale, audit.domainGrades[d.id]))
    .filter((l) => l !== undefined);
  if (levels.length === 0) return undefined;
  return levels.sort((a, b) => a.rank - b.rank)[0]!.id;
}

export function computeCriterionAuditFindings(
  framework: Framework,
  audits: readonly CaseAudit[],
): Map<string, CriterionAuditFindings> {
  const result = new Map<string, CriterionAuditFindings>();
  for (const criterion of framework.criteria) {
    const scale = scaleOfJudgement(framework, criterion.judgementId);
    if (!scale) continue;
    const mapped = audits.filter((a) => isCounted(a) && a.criterionIds.includes(criterion.id));
    if (mapped.length === 0) continue;
    const grades = mapped.map((a) => auditGradeForCriterion(framework, a, criterion.id));
    result.set(criterion.id, {
      ...distributionOf(criterion.id, grades, scale),
      criterionId: criterion.id,
      auditIds: mapped.map((a) => a.id),
    });
  }
  return result;
}

export function computeAuditConsistencyChecks(
  framework: Framework,
  assessments: readonly CriterionAssessment[],
  findings: ReadonlyMap<string, CriterionAuditFindings>,
): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  for (const criterion of framework.criteria) {
    const scale = scaleOfJudgement(framework, criterion.judgementId);
    const assessment = assessments.find((a) => !a.deletedAt && a.criterionId === criterion.id);
    const level = findLevel(scale, assessment?.grade);
    const found = findings.get(criterion.id);
    if (!scale || !level || !found || found.n < MIN_AUDITS_FOR_CHECK || !isGoodOrBetter(scale, level))
      continue;
    const below = found.n - found.goodOrBetter;
    if (below * 2 <= found.n) continue;
    checks.push({
      code: 'graded-better-than-audits',
      severity: 'warning',
      message: `${criterion.ref} ${criterion.title} is graded ${level.label}, but ${below} of ${found.n} audits mapped to it found practice less than good. Inspectors will test the grade against case files.`,
      judgementId: criterion.judgementId,
      criterionId: criterion.id,
    });
  }
  return checks;
}
