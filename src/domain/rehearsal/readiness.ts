/*
 * Readiness by judgement, as a director rehearsing before the call would want it: the agreed grade
 * beside the signals an inspector looks at (current evidence, what audits found, overdue actions,
 * open recommendations), a rating with its reasons, the gaps to fix, and whether the self-grade is
 * better or worse than those signals support ("do we know ourselves?").
 */
import {
  computeAuditConsistencyChecks,
  computeCriterionAuditFindings,
} from '../case-audit/criterion-evidence';
import { distributionOf } from '../case-audit/findings';
import type { CaseAudit } from '../case-audit/records';
import { findLevel, isGoodOrBetter, scaleOfJudgement } from '../framework/lookup';
import type { Framework } from '../framework/types';
import { computeIndicatorChecks } from '../scorecard/indicator-checks';
import type { Indicator } from '../scorecard/records';
import { agreedGrades } from '../self-assessment/cycle-overview';
import { isOverdue, isStale } from '../self-assessment/dates';
import { computeReadinessChecks } from '../self-assessment/readiness-checks';
import type { ReadinessCheck } from '../self-assessment/types';
import type { CycleBundle, EvidenceItem, ImprovementAction, Recommendation } from '../workspace/records';

export const MIN_AUDITS_TO_JUDGE = 5;

export type ReadinessRating = 'ready' | 'nearly-ready' | 'not-ready';
export const READINESS_LABELS: Record<ReadinessRating, string> = {
  ready: 'Ready',
  'nearly-ready': 'Nearly ready',
  'not-ready': 'Not ready',
};
export type SelfKnowledge =
  'over-graded' | 'under-graded' | 'consistent' | 'not-enough-audits' | 'not-agreed';

export interface JudgementReadiness {
  judgementId: string;
  title: string;
  agreed: string;
  criteria: number;
  criteriaWithCurrentEvidence: number;
  audits: { n: number; goodOrBetter: number; share: number | null };
  overdueActions: number;
  openRecommendations: number;
  /** Open recommendations that are areas for priority action: the most serious findings of an inspection. */
  openPriorityActions: number;
  /** Criteria with evidence linked, all of it more than 12 months old. */
  criteriaWithOnlyStaleEvidence: number;
  rating: ReadinessRating;
  reasons: string[];
  selfKnowledge: { verdict: SelfKnowledge; message: string };
  gaps: ReadinessCheck[];
}

export interface ReadinessInput {
  framework: Framework;
  bundle: CycleBundle;
  evidence: readonly EvidenceItem[];
  actions: readonly ImprovementAction[];
  recommendations: readonly Recommendation[];
  audits: readonly CaseAudit[];
  indicators: readonly Indicator[];
  today: string;
}

export function computeReadiness(input: ReadinessInput): JudgementReadiness[] {
  const { framework, bundle } = input;
  const auditFindings = computeCriterionAuditFindings(
    framework,
    input.audits.filter((a) => a.frameworkId === framework.id),
  );
  const checks = [
    ...computeReadinessChecks({ ...input, ...bundle }),
    ...computeAuditConsistencyChecks(framework, bundle.criterionAssessments, auditFindings),
    ...computeIndicatorChecks(framework, bundle.criterionAssessments, input.indicators),
  ];
  const agreed = agreedGrades(bundle);
  return framework.judgements.map((judgement) => {
    const criteria = framework.criteria.filter((c) => c.judgementId === judgement.id);
    const scale = scaleOfJudgement(framework, judgement.id);
    const ids = new Set(criteria.map((c) => c.id));
    const linked = criteria.map((c) => {
      const a = bundle.criterionAssessments.find((x) => !x.deletedAt && x.criterionId === c.id);
      return input.evidence.filter((e) => !e.deletedAt && a?.evidenceIds.includes(e.id));
    });
    const current = linked.filter((items) => items.some((e) => !isStale(e.date, input.today))).length;
    const onlyStale = linked.filter(
      (items) => items.length > 0 && items.every((e) => isStale(e.date, input.today)),
    ).length;
    const grades = criteria.flatMap((c) => {
      const f = auditFindings.get(c.id);
      return f ? Object.entries(f.counts).flatMap(([level, n]) => Array<string>(n).fill(level)) : [];
    });
    const audits = scale ? distributionOf(judgement.id, grades, scale) : undefined;
    const overdue = input.actions.filter(
      (a) =>
        !a.deletedAt &&
        isOverdue(a, input.today) &&
        (a.judgementIds.includes(judgement.id) || a.criterionIds.some((id) => ids.has(id))),
    ).length;
    const open = input.recommendations.filter(
      (r) => !r.deletedAt && !r.closed && r.judgementIds.includes(judgement.id),
    );
    const gaps = checks.filter(
      (c) =>
        c.judgementId === judgement.id ||
        (c.recommendationId && open.some((r) => r.id === c.recommendationId)),
    );
    const agreedLevel = findLevel(scale, agreed[judgement.id]);
    const summary = {
      n: audits?.n ?? 0,
      goodOrBetter: audits?.goodOrBetter ?? 0,
      share: audits?.share ?? null,
    };
    const priority = open.filter((r) => r.priorityAction).length;
    const rated = rate({
      gaps,
      criteria: criteria.length,
      current,
      agreed: agreedLevel !== undefined,
      overdue,
      priority,
    });
    return {
      judgementId: judgement.id,
      title: judgement.title,
      agreed: agreedLevel?.label ?? 'Not agreed',
      criteria: criteria.length,
      criteriaWithCurrentEvidence: current,
      audits: summary,
      overdueActions: overdue,
      openRecommendations: open.length,
      openPriorityActions: priority,
      criteriaWithOnlyStaleEvidence: onlyStale,
      ...rated,
      selfKnowledge: knowYourself(
        scale && agreedLevel ? isGoodOrBetter(scale, agreedLevel) : undefined,
        agreedLevel?.label,
        summary,
      ),
      gaps,
    };
  });
}

function rate(s: {
  gaps: ReadinessCheck[];
  criteria: number;
  current: number;
  agreed: boolean;
  overdue: number;
  priority: number;
}) {
  const reasons: string[] = [];
  const coverage = s.criteria ? s.current / s.criteria : 1;
  const errors = s.gaps.filter((g) => g.severity === 'error').length;
  if (!s.agreed) reasons.push('no agreed grade yet');
  if (errors) reasons.push(`${errors} ${errors === 1 ? 'gap' : 'gaps'} an inspector would find`);
  if (s.criteria && coverage < 0.5)
    reasons.push(`only ${s.current} of ${s.criteria} criteria have current evidence`);
  if (reasons.length) return { rating: 'not-ready' as const, reasons };
  if (s.criteria && coverage < 0.8)
    reasons.push(`${s.current} of ${s.criteria} criteria have current evidence`);
  if (s.priority)
    reasons.push(`${s.priority} open ${s.priority === 1 ? 'area' : 'areas'} for priority action`);
  if (s.overdue) reasons.push(`${s.overdue} overdue ${s.overdue === 1 ? 'action' : 'actions'}`);
  const warnings = s.gaps.length;
  if (warnings) reasons.push(`${warnings} ${warnings === 1 ? 'thing' : 'things'} worth checking`);
  if (reasons.length) return { rating: 'nearly-ready' as const, reasons };
  return { rating: 'ready' as const, reasons: ['agreed grade, current evidence and no gaps found'] };
}

function knowYourself(
  agreedGoodOrBetter: boolean | undefined,
  agreedLabel: string | undefined,
  audits: { n: number; goodOrBetter: number; share: number | null },
): { verdict: SelfKnowledge; message: string } {
  if (agreedGoodOrBetter === undefined) return { verdict: 'not-agreed', message: 'Agree a grade first.' };
  if (audits.n < MIN_AUDITS_TO_JUDGE || audits.share === null) {
    return {
      verdict: 'not-enough-audits',
      message: `Too few audited cases (${audits.n}) to test the grade against practice.`,
    };
  }
  const percent = Math.round(audits.share * 100);
  if (agreedGoodOrBetter && audits.share < 0.5) {
    return {
      verdict: 'over-graded',
      message: `You say ${agreedLabel}, but only ${percent}% of ${audits.n} audited cases were good or better. Inspectors criticise an over-optimistic self-evaluation: lower the grade or show what the audits miss.`,
    };
  }
  if (!agreedGoodOrBetter && audits.share >= 0.8) {
    return {
      verdict: 'under-graded',
      message: `You say ${agreedLabel}, but ${percent}% of ${audits.n} audited cases were good or better. Your self-evaluation may be harder on practice than the evidence supports.`,
    };
  }
  return {
    verdict: 'consistent',
    message: `The grade fits the audits: ${percent}% of ${audits.n} audited cases were good or better.`,
  };
}
