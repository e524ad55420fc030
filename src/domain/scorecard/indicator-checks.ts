/*
 * The check an inspector makes with a scorecard in hand: a criterion graded good or better while a
 * performance figure linked to it is red.
 */
import { findLevel, isGoodOrBetter, scaleOfJudgement } from '../framework/lookup';
import type { Framework } from '../framework/types';
import type { ReadinessCheck } from '../self-assessment/types';
import type { CriterionAssessment } from '../workspace/records';
import type { Indicator } from './records';
import { formatValue, latestValue, periodLabel, ragOf } from './status';

export function computeIndicatorChecks(
  framework: Framework,
  assessments: readonly CriterionAssessment[],
  indicators: readonly Indicator[],
): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  for (const indicator of indicators.filter((i) => !i.deletedAt)) {
    const latest = latestValue(indicator);
    if (!latest || ragOf(indicator, latest.value) !== 'red') continue;
    for (const criterion of framework.criteria.filter((c) => indicator.criterionIds.includes(c.id))) {
      const scale = scaleOfJudgement(framework, criterion.judgementId);
      const grade = findLevel(
        scale,
        assessments.find((a) => !a.deletedAt && a.criterionId === criterion.id)?.grade,
      );
      if (!scale || !grade || !isGoodOrBetter(scale, grade)) continue;
      checks.push({
        code: 'indicator-off-target',
        severity: 'warning',
        message: `${criterion.ref} ${criterion.title} is graded ${grade.label}, but “${indicator.name}” is red: ${formatValue(indicator, latest.value)} in ${periodLabel(latest.period, indicator.frequency)} against a target of ${formatValue(indicator, indicator.target)}.`,
        judgementId: criterion.judgementId,
        criterionId: criterion.id,
      });
    }
  }
  return checks;
}
