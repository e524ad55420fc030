/*
 * Readiness by judgement, as a director rehearsing before the call would want it: the agreed grade
 * beside the signals an inspector looks at (current evidence, the audits behind it, each counted once,
 * overdue actions, open recommendations), a rating with its reasons, the gaps to fix, and whether the
 * self-grade is better or worse than the audits support ("do we know ourselves?"), and, when the
 * council's last inspection is recorded, the grade inspectors gave then.
 */
import { auditsBehind, collectAuditEvidence, type AuditEvidence } from '../case-audit/criterion-evidence';
import type { CaseAudit, Moderation } from '../case-audit/records';
import { findLevel, isGoodOrBetter, scaleOfJudgement } from '../framework/lookup';
import type { Criterion, Framework, Judgement, Scale } from '../framework/types';
import type { LastInspection } from '../inspection-report/last-inspection';
import { computeIndicatorChecks } from '../scorecard/indicator-checks';
import type { Indicator } from '../scorecard/records';
import {
  compareWithLastInspection,
  type JudgementSinceInspection,
} from '../self-assessment/changes-since-inspection';
import { agreedGrades } from '../self-assessment/cycle-overview';
import { isOverdue, isStale } from '../self-assessment/dates';
import { computeReadinessChecks } from '../self-assessment/readiness-checks';
import type { ReadinessCheck } from '../self-assessment/types';
import type { CycleBundle, EvidenceItem, ImprovementAction, Recommendation } from '../workspace/records';
import { rateJudgement, type ReadinessRating } from './readiness-rating';

export { READINESS_LABELS, type ReadinessRating } from './readiness-rating';

export const MIN_AUDITS_TO_JUDGE = 5;

export type SelfKnowledge =
  'over-graded' | 'under-graded' | 'consistent' | 'not-enough-audits' | 'not-agreed';

export interface JudgementReadiness {
  judgementId: string;
  title: string;
  agreed: string;
  criteria: number;
  criteriaWithCurrentEvidence: number;
  /** The completed audits behind the judgement, each once (auditsBehind). */
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
  /** The grade at the last inspection, when one is recorded for this judgement. */
  lastInspection?: LastInspectionComparison;
}

export interface LastInspectionComparison {
  /** The inspection framework's level, or the words the report printed (compareWithLastInspection). */
  grade: string;
  /** Known only when the grade is a level of the inspection framework's scale. */
  belowGood?: boolean;
  /** This cycle's grade (agreed, else proposed) against the inspection's. */
  direction: JudgementSinceInspection['direction'];
}

export interface ReadinessInput {
  framework: Framework;
  bundle: CycleBundle;
  evidence: readonly EvidenceItem[];
  actions: readonly ImprovementAction[];
  recommendations: readonly Recommendation[];
  audits: readonly CaseAudit[];
  /** Moderated grades stand in for the auditors' where given. */
  moderations?: readonly Moderation[];
  indicators: readonly Indicator[];
  today: string;
  /** The council's last graded inspection, to show its grades beside the agreed ones. */
  lastInspection?: LastInspection;
  /** The framework the last inspection was judged under, when the library has it. */
  inspectionFramework?: Framework;
}

interface Shared {
  input: ReadinessInput;
  checks: ReadinessCheck[];
  agreed: Record<string, string>;
  audits: AuditEvidence;
  sinceInspection: ReadonlyMap<string, JudgementSinceInspection>;
}

export function computeReadiness(input: ReadinessInput): JudgementReadiness[] {
  const { framework, bundle } = input;
  const shared: Shared = {
    input,
    checks: [
      ...computeReadinessChecks({ ...input, ...bundle }),
      ...computeIndicatorChecks(framework, bundle.criterionAssessments, input.indicators),
    ],
    agreed: agreedGrades(bundle),
    audits: collectAuditEvidence(framework, input.audits, input.moderations),
    sinceInspection: sinceInspection(input),
  };
  // Judgements with criteria first: one without (overall effectiveness) is rated on those it rests on.
  const rated = new Map<string, JudgementReadiness>();
  const hasCriteria = (j: Judgement) => framework.criteria.some((c) => c.judgementId === j.id);
  for (const j of framework.judgements.filter(hasCriteria)) rated.set(j.id, readinessOf(shared, j, []));
  for (const j of framework.judgements.filter((x) => !hasCriteria(x))) {
    const restsOn = restsOnIds(framework, j.id).flatMap((id) => {
      const row = rated.get(id);
      const judgement = framework.judgements.find((x) => x.id === id);
      return row && judgement ? [{ title: judgement.shortTitle || judgement.title, rating: row.rating }] : [];
    });
    rated.set(j.id, readinessOf(shared, j, restsOn));
  }
  return framework.judgements.map((j) => rated.get(j.id)!);
}

/** The judgements a judgement's grade is made from: its sub-judgements, or those a range rule names. */
function restsOnIds(framework: Framework, judgementId: string): string[] {
  const subs = framework.judgements.filter((j) => j.parentId === judgementId).map((j) => j.id);
  if (subs.length) return subs;
  const fromRules = framework.rules.flatMap((r) =>
    r.type === 'within-range' && r.judgementId === judgementId ? r.ofJudgementIds : [],
  );
  return [...new Set(fromRules)];
}

function readinessOf(
  shared: Shared,
  judgement: Judgement,
  restsOn: { title: string; rating: ReadinessRating }[],
): JudgementReadiness {
  const { framework } = shared.input;
  const criteria = framework.criteria.filter((c) => c.judgementId === judgement.id);
  const scale = scaleOfJudgement(framework, judgement.id);
  const evidence = evidenceOf(shared.input, criteria, scale);
  const plan = planOf(shared, judgement.id, new Set(criteria.map((c) => c.id)));
  const found = auditsBehind(shared.audits, { judgementId: judgement.id });
  const audits = { n: found.n, goodOrBetter: found.goodOrBetter, share: found.share };
  const agreedLevel = findLevel(scale, shared.agreed[judgement.id]);
  const rated = rateJudgement({
    ...evidence,
    ...plan,
    criteria: criteria.length,
    agreed: agreedLevel !== undefined,
    restsOn,
  });
  return {
    judgementId: judgement.id,
    title: judgement.title,
    agreed: agreedLevel?.label ?? 'Not agreed',
    criteria: criteria.length,
    criteriaWithCurrentEvidence: evidence.current,
    audits,
    overdueActions: plan.overdue,
    openRecommendations: plan.open,
    openPriorityActions: plan.priority,
    criteriaWithOnlyStaleEvidence: evidence.onlyStale,
    ...rated,
    selfKnowledge: knowYourself(
      scale && agreedLevel ? isGoodOrBetter(scale, agreedLevel) : undefined,
      agreedLevel?.label,
      audits,
    ),
    gaps: plan.gaps,
    ...lastInspectionOf(shared.sinceInspection.get(judgement.id), scale),
  };
}

/** Each judgement's grade at the last inspection beside this cycle's, as the Changes page has it. */
function sinceInspection(input: ReadinessInput): Map<string, JudgementSinceInspection> {
  if (!input.lastInspection) return new Map();
  const { judgements } = compareWithLastInspection({
    framework: input.framework,
    ...(input.inspectionFramework ? { inspectionFramework: input.inspectionFramework } : {}),
    lastInspection: input.lastInspection,
    current: input.bundle,
    recommendations: input.recommendations,
    actions: input.actions,
  });
  return new Map(judgements.flatMap((j) => (j.judgementId && j.atInspection ? [[j.judgementId, j]] : [])));
}

function lastInspectionOf(
  row: JudgementSinceInspection | undefined,
  scale: Scale | undefined,
): { lastInspection?: LastInspectionComparison } {
  if (!row?.atInspection) return {};
  const { label, rank } = row.atInspection;
  const threshold = scale?.goodOrBetterMinRank;
  return {
    lastInspection: {
      grade: label,
      ...(rank !== undefined && threshold !== undefined ? { belowGood: rank < threshold } : {}),
      direction: row.direction,
    },
  };
}

/** How the judgement's criteria are graded and evidenced. */
function evidenceOf(input: ReadinessInput, criteria: readonly Criterion[], scale: Scale | undefined) {
  const assessments = criteria.map((c) =>
    input.bundle.criterionAssessments.find((x) => !x.deletedAt && x.criterionId === c.id),
  );
  const linked = assessments.map((a) =>
    input.evidence.filter((e) => !e.deletedAt && a?.evidenceIds.includes(e.id)),
  );
  return {
    graded: assessments.filter((a) => findLevel(scale, a?.grade)).length,
    current: linked.filter((items) => items.some((e) => !isStale(e.date, input.today))).length,
    onlyStale: linked.filter((items) => items.length > 0 && items.every((e) => isStale(e.date, input.today)))
      .length,
  };
}

/** The improvement plan behind the judgement: overdue actions, open recommendations, gaps to fix. */
function planOf(shared: Shared, judgementId: string, criterionIds: ReadonlySet<string>) {
  const { input } = shared;
  const overdue = input.actions.filter(
    (a) =>
      !a.deletedAt &&
      isOverdue(a, input.today) &&
      (a.judgementIds.includes(judgementId) || a.criterionIds.some((id) => criterionIds.has(id))),
  ).length;
  const open = input.recommendations.filter(
    (r) => !r.deletedAt && !r.closed && r.judgementIds.includes(judgementId),
  );
  const gaps = shared.checks.filter(
    (c) =>
      c.judgementId === judgementId || (c.recommendationId && open.some((r) => r.id === c.recommendationId)),
  );
  return { overdue, open: open.length, priority: open.filter((r) => r.priorityAction).length, gaps };
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
