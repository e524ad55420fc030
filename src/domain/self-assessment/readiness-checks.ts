/*
 * Readiness checks in Ofsted's terms: what an inspector reading the self-assessment against its
 * evidence would find. Each check names the criterion, judgement, action or recommendation to fix.
 * Errors are gaps an inspector would criticise; warnings are worth checking. Deleted records are ignored.
 */
import { formatDate } from '../format/dates';
import { findLevel, isGoodOrBetter, scaleOfJudgement } from '../framework/lookup';
import type { Criterion, Framework } from '../framework/types';
import { evaluateJudgements } from '../judgements/evaluate';
import type {
  CriterionAssessment,
  EvidenceItem,
  ImprovementAction,
  JudgementAssessment,
  Recommendation,
} from '../workspace/records';
import { NOT_YET_GRADED } from '../workspace/vocabulary';
import { agreedGrades } from './cycle-overview';
import { isOverdue, isStale } from './dates';
import { proposeFromCriteria } from './propose-from-criteria';
import type { ReadinessCheck } from './types';

export interface ReadinessInput {
  framework: Framework;
  criterionAssessments: readonly CriterionAssessment[];
  judgementAssessments: readonly JudgementAssessment[];
  evidence: readonly EvidenceItem[];
  actions: readonly ImprovementAction[];
  recommendations: readonly Recommendation[];
  today: string;
}

export function computeReadinessChecks(input: ReadinessInput): ReadinessCheck[] {
  const live = {
    ...input,
    criterionAssessments: input.criterionAssessments.filter((a) => !a.deletedAt),
    judgementAssessments: input.judgementAssessments.filter((a) => !a.deletedAt),
    evidence: input.evidence.filter((e) => !e.deletedAt),
    actions: input.actions.filter((a) => !a.deletedAt),
    recommendations: input.recommendations.filter((r) => !r.deletedAt),
  };
  const checks = [
    ...evidenceChecks(live),
    ...judgementChecks(live),
    ...neverGradedChecks(live),
    ...actionChecks(live),
    ...recommendationChecks(live),
  ];
  return [...checks.filter((c) => c.severity === 'error'), ...checks.filter((c) => c.severity === 'warning')];
}

const name = (criterion: Criterion) => `${criterion.ref} ${criterion.title}`;

function evidenceChecks(input: ReadinessInput): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  const byCriterion = new Map(input.criterionAssessments.map((a) => [a.criterionId, a]));
  for (const criterion of input.framework.criteria) {
    const assessment = byCriterion.get(criterion.id);
    const scale = scaleOfJudgement(input.framework, criterion.judgementId);
    const level = findLevel(scale, assessment?.grade);
    if (!assessment || !scale || !level) continue;
    const linked = input.evidence.filter((e) => assessment.evidenceIds.includes(e.id));
    const ids = { judgementId: criterion.judgementId, criterionId: criterion.id };
    if (linked.length === 0 && isGoodOrBetter(scale, level)) {
      checks.push({
        code: 'good-without-evidence',
        severity: 'error',
        message: `${name(criterion)} is graded ${level.label} but has no evidence linked: inspectors will ask how you know.`,
        ...ids,
      });
    } else if (linked.length > 0 && linked.every((e) => isStale(e.date, input.today))) {
      checks.push({
        code: 'only-stale-evidence',
        severity: 'warning',
        message: `${name(criterion)} is graded ${level.label} but all its evidence is more than 12 months old.`,
        ...ids,
      });
    }
  }
  return checks;
}

function judgementChecks(input: ReadinessInput): ReadinessCheck[] {
  const { framework } = input;
  const agreed = agreedGrades(input);
  const checks: ReadinessCheck[] = [];
  for (const judgement of framework.judgements) {
    const scale = scaleOfJudgement(framework, judgement.id);
    const agreedLevel = findLevel(scale, agreed[judgement.id]);
    const proposal = proposeFromCriteria(framework, judgement.id, input.criterionAssessments);
    const proposedLevel = findLevel(scale, proposal.levelId ?? undefined);
    if (agreedLevel && proposedLevel && agreedLevel.rank > proposedLevel.rank) {
      checks.push({
        code: 'judgement-better-than-criteria',
        severity: 'warning',
        message: `${judgement.title} is agreed as ${agreedLevel.label}, better than its criteria support (${proposedLevel.label}). Inspectors criticise an over-optimistic self-evaluation: make sure the rationale and evidence carry it.`,
        judgementId: judgement.id,
      });
    }
  }
  for (const finding of evaluateJudgements(framework, agreed).findings) {
    checks.push({
      code: 'judgement-breaks-rule',
      severity: finding.severity,
      message: finding.message,
      judgementId: finding.judgementIds[0],
    });
  }
  return checks;
}

function neverGradedChecks(input: ReadinessInput): ReadinessCheck[] {
  const graded = new Set(
    input.criterionAssessments
      .filter((a) => a.grade !== NOT_YET_GRADED && a.grade !== '')
      .map((a) => a.criterionId),
  );
  return input.framework.judgements.flatMap((judgement) => {
    const never = input.framework.criteria.filter((c) => c.judgementId === judgement.id && !graded.has(c.id));
    if (never.length === 0) return [];
    const refs = never.slice(0, 3).map((c) => c.ref);
    const more = never.length > 3 ? ` and ${never.length - 3} more` : '';
    const count = never.length === 1 ? '1 criterion' : `${never.length} criteria`;
    return [
      {
        code: 'never-graded' as const,
        severity: 'warning' as const,
        message: `${count} of ${judgement.title} ${never.length === 1 ? 'has' : 'have'} never been graded: ${refs.join(', ')}${more}.`,
        judgementId: judgement.id,
      },
    ];
  });
}

function actionChecks(input: ReadinessInput): ReadinessCheck[] {
  return input.actions
    .filter((action) => isOverdue(action, input.today))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((action) => {
      const criterion = input.framework.criteria.find((c) => action.criterionIds.includes(c.id));
      const behind = criterion ? `, behind ${name(criterion)}` : '';
      return {
        code: 'overdue-action' as const,
        severity: 'warning' as const,
        message: `The action “${action.title}” was due on ${formatDate(action.dueDate)} and is not complete${behind}.`,
        actionId: action.id,
        criterionId: criterion?.id,
        judgementId: criterion?.judgementId,
      };
    });
}

function recommendationChecks(input: ReadinessInput): ReadinessCheck[] {
  return input.recommendations
    .filter((r) => !r.closed && !input.actions.some((a) => a.recommendationIds.includes(r.id)))
    .map((r) => {
      const what = r.priorityAction ? 'Area for priority action' : 'Recommendation';
      const ref = r.reference ? ` ${r.reference}` : '';
      return {
        code: 'recommendation-without-action' as const,
        severity: r.priorityAction ? ('error' as const) : ('warning' as const),
        message: `${what}${ref} (${shorten(r.text)}) has no improvement action: inspectors will expect a plan for it.`,
        recommendationId: r.id,
      };
    });
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 90 ? `${clean.slice(0, 90)}…` : clean;
}
