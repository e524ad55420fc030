/*
 * Readiness checks in Ofsted's terms: what an inspector reading the self-assessment against its
 * evidence (and, given them, its audits, counted by auditsBehind) would find. Each check names what to
 * fix. Errors are gaps an inspector would criticise; warnings are worth checking. Deleted records are
 * ignored, and the list comes errors first, then in the framework's order.
 */
import {
  computeAuditConsistencyChecks,
  computeCriterionAuditFindings,
  type CriterionAuditFindings,
} from '../case-audit/criterion-evidence';
import type { CaseAudit, Moderation } from '../case-audit/records';
import { formatDate } from '../format/dates';
import { findLevel, isGoodOrBetter, scaleOfJudgement } from '../framework/lookup';
import type { Criterion, Framework } from '../framework/types';
import type { LastInspection } from '../inspection-report/last-inspection';
import { evaluateJudgements } from '../judgements/evaluate';
import type {
  CriterionAssessment,
  EvidenceItem,
  ImprovementAction,
  JudgementAssessment,
  Recommendation,
} from '../workspace/records';
import { NOT_YET_GRADED } from '../workspace/vocabulary';
import { isFromInspection } from './changes-since-inspection';
import { agreedGrades } from './cycle-overview';
import { isOverdue, isStale } from './dates';
import { lastInspectionChecks } from './last-inspection-checks';
import { proposeFromCriteria } from './propose-from-criteria';
import type { ReadinessCheck } from './types';

export interface ReadinessInput {
  framework: Framework;
  criterionAssessments: readonly CriterionAssessment[];
  judgementAssessments: readonly JudgementAssessment[];
  evidence: readonly EvidenceItem[];
  actions: readonly ImprovementAction[];
  recommendations: readonly Recommendation[];
  /** Without them, the checks against what audits found are left out. */
  audits?: readonly CaseAudit[];
  moderations?: readonly Moderation[];
  /**
   * computeCriterionAuditFindings of these audits and moderations, when the caller already has it
   * (the state layer computes it once per change of the audits, not once per page).
   */
  auditFindings?: ReadonlyMap<string, CriterionAuditFindings>;
  /** Without it, the checks against the last inspection are left out. */
  lastInspection?: LastInspection;
  /** The framework the last inspection was judged under, when the library has it. */
  inspectionFramework?: Framework;
  today: string;
}

const NEVER_GRADED_REFS_SHOWN = 3;

export function computeReadinessChecks(input: ReadinessInput): ReadinessCheck[] {
  const live: ReadinessInput = {
    ...input,
    criterionAssessments: input.criterionAssessments.filter((a) => !a.deletedAt),
    judgementAssessments: input.judgementAssessments.filter((a) => !a.deletedAt),
    evidence: input.evidence.filter((e) => !e.deletedAt),
    actions: input.actions.filter((a) => !a.deletedAt),
    recommendations: input.recommendations.filter((r) => !r.deletedAt),
  };
  const checks = [
    ...judgementChecks(live),
    ...ruleChecks(live),
    ...neverGradedChecks(live),
    ...evidenceChecks(live),
    ...actionChecks(live),
    ...recommendationChecks(live),
    ...auditChecks(live),
    ...lastInspectionChecks(live),
  ];
  return inFrameworkOrder(input.framework, checks);
}

const nameOf = (criterion: Criterion) => `${criterion.ref} ${criterion.title}`;

/** Errors first; then by judgement (its own checks before those of its criteria); unplaced ones last. */
function inFrameworkOrder(framework: Framework, checks: ReadinessCheck[]): ReadinessCheck[] {
  const judgementIndex = new Map(framework.judgements.map((j, i) => [j.id, i]));
  const criterionIndex = new Map(framework.criteria.map((c, i) => [c.id, i]));
  const key = (c: ReadinessCheck) => [
    c.severity === 'error' ? 0 : 1,
    judgementIndex.get(c.judgementId ?? '') ?? Number.MAX_SAFE_INTEGER,
    criterionIndex.get(c.criterionId ?? '') ?? -1,
  ];
  return [...checks].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]!;
  });
}

function evidenceChecks(input: ReadinessInput): ReadinessCheck[] {
  const byCriterion = new Map(input.criterionAssessments.map((a) => [a.criterionId, a]));
  const evidenceById = new Map(input.evidence.map((e) => [e.id, e]));
  return input.framework.criteria.flatMap((criterion): ReadinessCheck[] => {
    const assessment = byCriterion.get(criterion.id);
    const scale = scaleOfJudgement(input.framework, criterion.judgementId);
    const level = findLevel(scale, assessment?.grade);
    if (!assessment || !scale || !level) return [];
    const linked = [...new Set(assessment.evidenceIds)]
      .map((id) => evidenceById.get(id))
      .filter((e): e is EvidenceItem => e !== undefined);
    const ids = { judgementId: criterion.judgementId, criterionId: criterion.id };
    if (linked.length === 0 && isGoodOrBetter(scale, level)) {
      const message = `${nameOf(criterion)} is graded ${level.label} but has no evidence linked: inspectors will ask how you know.`;
      return [{ code: 'good-without-evidence', severity: 'error', message, ...ids }];
    }
    if (linked.length > 0 && linked.every((e) => isStale(e.date, input.today))) {
      const message = `${nameOf(criterion)} is graded ${level.label} but all its evidence is more than 12 months old: inspectors look for current evidence of impact.`;
      return [{ code: 'only-stale-evidence', severity: 'warning', message, ...ids }];
    }
    return [];
  });
}

function auditChecks(input: ReadinessInput): ReadinessCheck[] {
  if (!input.audits) return [];
  const findings =
    input.auditFindings ?? computeCriterionAuditFindings(input.framework, input.audits, input.moderations);
  return computeAuditConsistencyChecks(input.framework, input.criterionAssessments, findings);
}

function judgementChecks(input: ReadinessInput): ReadinessCheck[] {
  const { framework } = input;
  const agreed = agreedGrades(input);
  return framework.judgements.flatMap((judgement): ReadinessCheck[] => {
    const scale = scaleOfJudgement(framework, judgement.id);
    const agreedLevel = findLevel(scale, agreed[judgement.id]);
    const proposal = proposeFromCriteria(framework, judgement.id, input.criterionAssessments);
    const proposedLevel = findLevel(scale, proposal.levelId ?? undefined);
    if (!agreedLevel || !proposedLevel || agreedLevel.rank <= proposedLevel.rank) return [];
    const message =
      `${judgement.title} is agreed as ${agreedLevel.label}, better than its criteria support (${proposedLevel.label}). ` +
      'Inspectors criticise an over-optimistic self-evaluation: make sure the rationale and evidence carry it.';
    return [
      { code: 'judgement-better-than-criteria', severity: 'warning', message, judgementId: judgement.id },
    ];
  });
}

function ruleChecks(input: ReadinessInput): ReadinessCheck[] {
  return evaluateJudgements(input.framework, agreedGrades(input)).findings.map((finding): ReadinessCheck => ({
    code: 'judgement-breaks-rule',
    severity: finding.severity,
    message: finding.message,
    judgementId: finding.judgementIds[0],
  }));
}

function neverGradedChecks(input: ReadinessInput): ReadinessCheck[] {
  const graded = new Set(
    input.criterionAssessments
      .filter((a) => a.grade !== NOT_YET_GRADED && a.grade !== '')
      .map((a) => a.criterionId),
  );
  return input.framework.judgements.flatMap((judgement): ReadinessCheck[] => {
    const never = input.framework.criteria.filter((c) => c.judgementId === judgement.id && !graded.has(c.id));
    if (never.length === 0) return [];
    const subject = never.length === 1 ? '1 criterion' : `${never.length} criteria`;
    const verb = never.length === 1 ? 'has' : 'have';
    const message = `${subject} of ${judgement.title} ${verb} never been graded: ${refList(never)}.`;
    return [{ code: 'never-graded', severity: 'warning', message, judgementId: judgement.id }];
  });
}

/** "HP1", "HP1 and HP2", "HP1, HP2 and HP3", "HP1, HP2, HP3 and 4 more". */
function refList(criteria: readonly Criterion[]): string {
  const refs = criteria.slice(0, NEVER_GRADED_REFS_SHOWN).map((c) => c.ref);
  const rest = criteria.length - refs.length;
  if (rest > 0) return `${refs.join(', ')} and ${rest} more`;
  return refs.length === 1 ? refs[0]! : `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}

function actionChecks(input: ReadinessInput): ReadinessCheck[] {
  const { framework } = input;
  return input.actions
    .filter((action) => isOverdue(action, input.today))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((action): ReadinessCheck => {
      const criterion = action.criterionIds
        .map((id) => framework.criteria.find((c) => c.id === id))
        .find((c) => c !== undefined);
      const judgementId =
        criterion?.judgementId ??
        action.judgementIds.find((id) => framework.judgements.some((j) => j.id === id));
      const linkedTo = criterion ? ` (${nameOf(criterion)})` : '';
      return {
        code: 'overdue-action',
        severity: 'warning',
        message: `The action “${action.title}”${linkedTo} was due on ${formatDate(action.dueDate)} and is not complete: record its progress or agree a new date.`,
        actionId: action.id,
        criterionId: criterion?.id,
        judgementId,
      };
    });
}

function recommendationChecks(input: ReadinessInput): ReadinessCheck[] {
  const { framework } = input;
  const planned = new Set(input.actions.flatMap((a) => a.recommendationIds));
  return input.recommendations
    .filter((r) => !r.closed && !planned.has(r.id))
    .map((r): ReadinessCheck => {
      const what = r.priorityAction ? 'Area for priority action' : 'Recommendation';
      const last = input.lastInspection;
      const from =
        last && isFromInspection(last, r) ? ` from the last inspection (${formatDate(r.date)})` : '';
      const ref = `${r.reference ? ` ${r.reference}` : ''}${from}`;
      return {
        code: 'recommendation-without-action',
        severity: r.priorityAction ? 'error' : 'warning',
        message: `${what}${ref} (${shorten(r.text)}) has no improvement action: inspectors will expect a plan for it.`,
        recommendationId: r.id,
        judgementId: r.judgementIds.find((id) => framework.judgements.some((j) => j.id === id)),
      };
    });
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 90 ? `${clean.slice(0, 90)}…` : clean;
}
