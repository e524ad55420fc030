/*
 * Audits as evidence for the self-assessment: for each criterion, the completed audits whose tool
 * questions map to it and what they found (cautiously, the weakest mapped domain's grade), and the
 * consistency check an inspector would make: a criterion graded better than its audits support.
 */
import { findLevel, isGoodOrBetter, scaleOfJudgement } from '../framework/lookup';
import type { Framework, Scale, ScaleLevel } from '../framework/types';
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
  return graderFor(framework)(audit, criterionId);
}

export function computeCriterionAuditFindings(
  framework: Framework,
  audits: readonly CaseAudit[],
): Map<string, CriterionAuditFindings> {
  // One pass over the audits: with 10,000 of them, asking each criterion to scan them all is too slow.
  const domainsFor = graderFor(framework);
  const grades = new Map<string, { grades: (string | undefined)[]; auditIds: string[] }>();
  for (const audit of audits) {
    if (!isCounted(audit)) continue;
    for (const criterionId of audit.criterionIds) {
      const entry = grades.get(criterionId) ?? { grades: [], auditIds: [] };
      entry.grades.push(domainsFor(audit, criterionId));
      entry.auditIds.push(audit.id);
      grades.set(criterionId, entry);
    }
  }
  const result = new Map<string, CriterionAuditFindings>();
  for (const criterion of framework.criteria) {
    const scale = scaleOfJudgement(framework, criterion.judgementId);
    const entry = grades.get(criterion.id);
    if (!scale || !entry) continue;
    result.set(criterion.id, {
      ...distributionOf(criterion.id, entry.grades, scale),
      criterionId: criterion.id,
      auditIds: entry.auditIds,
    });
  }
  return result;
}

/** auditGradeForCriterion with the tool's domains per criterion worked out once per tool. */
function graderFor(framework: Framework): (audit: CaseAudit, criterionId: string) => string | undefined {
  const cache = new Map<string, { scale: Scale; domains: Map<string, string[]> } | null>();
  const toolInfo = (toolId: string) => {
    if (!cache.has(toolId)) {
      const tool = framework.auditTools.find((t) => t.id === toolId);
      const scale = tool ? framework.scales.find((s) => s.id === tool.scaleId) : undefined;
      const domains = new Map<string, string[]>();
      for (const d of tool?.domains.filter((x) => x.graded) ?? []) {
        for (const id of new Set(d.questions.flatMap((q) => q.criterionIds ?? [])))
          domains.set(id, [...(domains.get(id) ?? []), d.id]);
      }
      cache.set(toolId, tool && scale ? { scale, domains } : null);
    }
    return cache.get(toolId);
  };
  return (audit, criterionId) => {
    const info = toolInfo(audit.toolId);
    if (!info) return undefined;
    let weakest: ScaleLevel | undefined;
    for (const domainId of info.domains.get(criterionId) ?? []) {
      const level = findLevel(info.scale, audit.domainGrades[domainId]);
      if (level && (!weakest || level.rank < weakest.rank)) weakest = level;
    }
    return weakest?.id;
  };
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
