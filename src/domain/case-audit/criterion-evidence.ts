/*
 * Audits as evidence for the self-assessment. auditsBehind is the one function for "the completed
 * audits behind this criterion or judgement", so pages, rehearsal, readiness checks, PDF and workbook
 * agree. Invariants: each completed audit counts once however many criteria in scope it answers, so no
 * figure exceeds the completed audits; and each audit is read, and counted good or better, on its own
 * tool's scale and threshold (a 0 to 10 audit counts at 7 or above, never on the judgement's scale).
 * Also the check an inspector would make: graded above the audits.
 */
import {
  criteriaOfJudgement,
  findLevel,
  findScale,
  isGoodOrBetter,
  scaleOfJudgement,
} from '../framework/lookup';
import type { Framework, Scale, ScaleLevel } from '../framework/types';
import type { ReadinessCheck } from '../self-assessment/types';
import type { CriterionAssessment } from '../workspace/records';
import { combineScaleFigures, type MixedDistribution } from './audit-scales';
import { distributionOf, isCounted, standingGrade, standingModerations } from './findings';
import type { CaseAudit, Moderation } from './records';

export const MIN_AUDITS_FOR_CHECK = 3;

export type AuditScope = { criterionId: string } | { judgementId: string };

export interface AuditBehind {
  audit: CaseAudit;
  /** For a criterion, the weakest domain mapped to it; for a judgement, the overall grade that stands. */
  grade: string | undefined;
  /** The scale the grade is on: the audit's tool's (the judgement's when the tool is unknown). */
  scale: Scale | undefined;
}

/**
 * n + notCounted is the number of distinct completed audits behind the criterion or judgement; n and
 * goodOrBetter add up byScale (most audits first), each audit judged by its own scale. `counts` are by
 * level of the judgement's scale only, as a table of its grades prints them.
 */
export interface AuditsBehind extends MixedDistribution {
  audits: AuditBehind[];
}

/** The completed audits of one framework, indexed once by the criteria they answer. */
export interface AuditEvidence {
  framework: Framework;
  byCriterion: ReadonlyMap<string, readonly CaseAudit[]>;
  /** Audit id → its place in the input, so every list keeps the order it was given in. */
  order: ReadonlyMap<string, number>;
  moderations: ReadonlyMap<string, Moderation>;
  gradeFor: (audit: CaseAudit, criterionId: string) => string | undefined;
  /** The scale the audit's tool grades on, or undefined for a tool the framework does not have. */
  scaleFor: (audit: CaseAudit) => Scale | undefined;
}

export interface CriterionAuditFindings extends AuditsBehind {
  criterionId: string;
  auditIds: string[];
}

/** One pass over the audits: with 10,000 of them, asking each criterion to scan them all is too slow. */
export function collectAuditEvidence(
  framework: Framework,
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[] = [],
): AuditEvidence {
  const byCriterion = new Map<string, CaseAudit[]>();
  const order = new Map<string, number>();
  for (const audit of audits) {
    if (!isCounted(audit) || audit.frameworkId !== framework.id || order.has(audit.id)) continue;
    order.set(audit.id, order.size);
    for (const criterionId of new Set(audit.criterionIds)) {
      const list = byCriterion.get(criterionId);
      if (list) list.push(audit);
      else byCriterion.set(criterionId, [audit]);
    }
  }
  const standing = standingModerations(moderations);
  return {
    framework,
    byCriterion,
    order,
    moderations: standing,
    gradeFor: graderFor(framework, standing),
    scaleFor: toolScaleFinder(framework),
  };
}

/** The completed audits behind one criterion or judgement, each audit once, with its grade for it. */
export function auditsBehind(evidence: AuditEvidence, scope: AuditScope): AuditsBehind {
  const { framework } = evidence;
  if ('criterionId' in scope) {
    const criterion = framework.criteria.find((c) => c.id === scope.criterionId);
    const scale = criterion ? scaleOfJudgement(framework, criterion.judgementId) : undefined;
    const audits = (evidence.byCriterion.get(scope.criterionId) ?? []).map((audit) => ({
      audit,
      grade: evidence.gradeFor(audit, scope.criterionId),
      scale: evidence.scaleFor(audit) ?? scale,
    }));
    return figureOf(framework, scope.criterionId, scale, audits);
  }
  const distinct = new Set<CaseAudit>();
  for (const criterion of criteriaOfJudgement(framework, scope.judgementId))
    for (const audit of evidence.byCriterion.get(criterion.id) ?? []) distinct.add(audit);
  const scale = scaleOfJudgement(framework, scope.judgementId);
  const audits = [...distinct]
    .sort((a, b) => evidence.order.get(a.id)! - evidence.order.get(b.id)!)
    .map((audit) => ({
      audit,
      grade: standingGrade(audit, evidence.moderations.get(audit.id)),
      scale: evidence.scaleFor(audit) ?? scale,
    }));
  return figureOf(framework, scope.judgementId, scale, audits);
}

/** Each audit's grade is counted on its own scale; the totals are the sums over the scales. */
function figureOf(
  framework: Framework,
  key: string,
  judgementScale: Scale | undefined,
  audits: AuditBehind[],
): AuditsBehind {
  const gradesByScale = new Map<Scale, (string | undefined)[]>();
  for (const { grade, scale } of audits) {
    if (!scale) continue;
    const grades = gradesByScale.get(scale);
    if (grades) grades.push(grade);
    else gradesByScale.set(scale, [grade]);
  }
  const byScale = framework.scales
    .filter((s) => gradesByScale.has(s))
    .map((scale) => ({ ...distributionOf(key, gradesByScale.get(scale)!, scale), scale }))
    .sort((a, b) => b.n + b.notCounted - (a.n + a.notCounted));
  const unscaled = audits.length - byScale.reduce((sum, f) => sum + f.n + f.notCounted, 0);
  return { ...combineScaleFigures(key, judgementScale, byScale, unscaled), audits };
}

/** The scale of each audit's tool, looked up once per tool: it runs for every audit behind every criterion. */
function toolScaleFinder(framework: Framework): (audit: CaseAudit) => Scale | undefined {
  const byTool = new Map(framework.auditTools.map((t) => [t.id, findScale(framework, t.scaleId)]));
  return (audit) => byTool.get(audit.toolId);
}

/**
 * The grade an audit gives a criterion: the weakest of the domains whose questions map to it, each
 * domain as moderated where a submitted moderation graded it (a challenge panel's grade stands).
 */
export function auditGradeForCriterion(
  framework: Framework,
  audit: CaseAudit,
  criterionId: string,
  moderation?: Moderation,
): string | undefined {
  const standing = standingModerations(moderation ? [moderation] : []);
  return graderFor(framework, standing)(audit, criterionId);
}

/** auditsBehind for every criterion some completed audit answers. */
export function computeCriterionAuditFindings(
  framework: Framework,
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[] = [],
): Map<string, CriterionAuditFindings> {
  return criterionAuditFindingsOf(collectAuditEvidence(framework, audits, moderations));
}

/** computeCriterionAuditFindings from audits already collected, so a caller that has them collects once. */
export function criterionAuditFindingsOf(evidence: AuditEvidence): Map<string, CriterionAuditFindings> {
  const result = new Map<string, CriterionAuditFindings>();
  for (const criterion of evidence.framework.criteria) {
    if (!evidence.byCriterion.has(criterion.id)) continue;
    const found = auditsBehind(evidence, { criterionId: criterion.id });
    const auditIds = found.audits.map((a) => a.audit.id);
    result.set(criterion.id, { ...found, criterionId: criterion.id, auditIds });
  }
  return result;
}

/**
 * auditGradeForCriterion with each tool's domains per criterion and its levels by id worked out once,
 * and each audit's domain grades read once: it runs for every audit and criterion pair (100,000 of
 * them with 10,000 audits), and an audit answers several criteria from the same domains.
 */
function graderFor(
  framework: Framework,
  moderations: ReadonlyMap<string, Moderation>,
): (audit: CaseAudit, criterionId: string) => string | undefined {
  interface ToolGrading {
    levels: Map<string, ScaleLevel>;
    /** The tool's graded domains, in order. */
    domainIds: string[];
    /** Criterion id → the places in domainIds of the domains whose questions map to it. */
    domains: Map<string, number[]>;
  }
  const cache = new Map<string, ToolGrading | null>();
  const toolGrading = (toolId: string): ToolGrading | null => {
    const known = cache.get(toolId);
    if (known !== undefined) return known;
    const tool = framework.auditTools.find((t) => t.id === toolId);
    const scale = tool ? framework.scales.find((s) => s.id === tool.scaleId) : undefined;
    const graded = tool?.domains.filter((x) => x.graded) ?? [];
    const domains = new Map<string, number[]>();
    graded.forEach((d, place) => {
      for (const id of new Set(d.questions.flatMap((q) => q.criterionIds ?? [])))
        domains.set(id, [...(domains.get(id) ?? []), place]);
    });
    const grading =
      tool && scale
        ? { levels: new Map(scale.levels.map((l) => [l.id, l])), domainIds: graded.map((d) => d.id), domains }
        : null;
    cache.set(toolId, grading);
    return grading;
  };
  /** Each graded domain's level for an audit, as moderated where a submitted moderation graded it. */
  const levelsOf = new WeakMap<CaseAudit, (ScaleLevel | undefined)[]>();
  const domainLevels = (audit: CaseAudit, grading: ToolGrading) => {
    const known = levelsOf.get(audit);
    if (known) return known;
    const moderated = moderations.get(audit.id)?.domainGrades;
    const levels = grading.domainIds.map((domainId) => {
      const grade = moderated?.[domainId] || audit.domainGrades[domainId];
      return grade === undefined ? undefined : grading.levels.get(grade);
    });
    levelsOf.set(audit, levels);
    return levels;
  };
  return (audit, criterionId) => {
    const grading = toolGrading(audit.toolId);
    const places = grading?.domains.get(criterionId);
    if (!grading || !places) return undefined;
    const levels = domainLevels(audit, grading);
    let weakest: ScaleLevel | undefined;
    for (const place of places) {
      const level = levels[place];
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
