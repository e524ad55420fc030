/*
 * Readiness checks against the council's last inspection, which inspectors start from: a judgement now
 * self-assessed lower than it was judged, and one judged less than good that has no agreed grade yet or
 * no open improvement action addressing it. Figures come from compareWithLastInspection, as on the
 * Changes page; nothing is checked without a last inspection.
 */
import { formatDate } from '../format/dates';
import { scaleOfJudgement } from '../framework/lookup';
import type { Framework } from '../framework/types';
import type { LastInspection } from '../inspection-report/last-inspection';
import type {
  CriterionAssessment,
  ImprovementAction,
  JudgementAssessment,
  Recommendation,
} from '../workspace/records';
import { compareWithLastInspection, type JudgementSinceInspection } from './changes-since-inspection';
import type { ReadinessCheck } from './types';

/** What the checks read of readiness-checks.ts's ReadinessInput (live records only). */
export interface LastInspectionCheckInput {
  framework: Framework;
  criterionAssessments: readonly CriterionAssessment[];
  judgementAssessments: readonly JudgementAssessment[];
  actions: readonly ImprovementAction[];
  recommendations: readonly Recommendation[];
  lastInspection?: LastInspection;
  inspectionFramework?: Framework;
}

export function lastInspectionChecks(input: LastInspectionCheckInput): ReadinessCheck[] {
  const last = input.lastInspection;
  if (!last) return [];
  const comparison = compareWithLastInspection({
    framework: input.framework,
    ...(input.inspectionFramework ? { inspectionFramework: input.inspectionFramework } : {}),
    lastInspection: last,
    current: {
      criterionAssessments: [...input.criterionAssessments],
      judgementAssessments: [...input.judgementAssessments],
      narratives: [],
    },
    recommendations: input.recommendations,
    actions: input.actions,
  });
  const when = comparison.date
    ? `the last inspection (${formatDate(comparison.date)})`
    : 'the last inspection';
  return comparison.judgements.flatMap((row) => checksOf(input, row, when));
}

function checksOf(
  input: LastInspectionCheckInput,
  row: JudgementSinceInspection,
  when: string,
): ReadinessCheck[] {
  const { judgementId, atInspection: before, now } = row;
  if (!judgementId || !before) return [];
  const was = `${row.title} was judged ${before.label} at ${when}`;
  const checks: ReadinessCheck[] = [];
  if (row.direction === 'down' && now) {
    const how = now.source === 'agreed' ? 'is now agreed as' : 'is now proposed from its criteria as';
    checks.push({
      code: 'lower-than-last-inspection',
      severity: 'warning',
      message: `${was} and ${how} ${now.label}. Inspectors will ask what changed: say why in the self-evaluation and what you are doing about it.`,
      judgementId,
    });
  }
  if (!isWeak(input.framework, judgementId, before.rank)) return checks;
  if (now?.source !== 'agreed')
    checks.push({
      code: 'weak-at-last-inspection-not-agreed',
      severity: 'warning',
      message: `${was} and has no agreed grade yet: inspectors start from that judgement, so agree where it stands now.`,
      judgementId,
    });
  if (!hasOpenAction(input.framework, input.actions, judgementId))
    checks.push({
      code: 'weak-at-last-inspection-no-action',
      severity: 'error',
      message: `${was} but no open improvement action addresses it: inspectors will expect a plan to improve it.`,
      judgementId,
    });
  return checks;
}

/** Below good: the grades an inspection expects a council to have a plan for. */
function isWeak(framework: Framework, judgementId: string, rank: number | undefined): boolean {
  const threshold = scaleOfJudgement(framework, judgementId)?.goodOrBetterMinRank;
  return rank !== undefined && threshold !== undefined && rank < threshold;
}

/** A live action not yet completed, linked to the judgement or to one of its criteria. */
function hasOpenAction(
  framework: Framework,
  actions: readonly ImprovementAction[],
  judgementId: string,
): boolean {
  const criteria = new Set(framework.criteria.filter((c) => c.judgementId === judgementId).map((c) => c.id));
  return actions.some(
    (a) =>
      !a.deletedAt &&
      (a.status === 'not-started' || a.status === 'in-progress') &&
      (a.judgementIds.includes(judgementId) || a.criterionIds.some((id) => criteria.has(id))),
  );
}
