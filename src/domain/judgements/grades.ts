/*
 * Reading judgement grades (judgement id → level id) against a framework's scales.
 */
import { findJudgement, findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Framework, ScaleLevel } from '../framework/types';

export type JudgementGrades = Readonly<Record<string, string | undefined>>;

export function gradeOf(
  framework: Framework,
  grades: JudgementGrades,
  judgementId: string,
): ScaleLevel | undefined {
  return findLevel(scaleOfJudgement(framework, judgementId), grades[judgementId]);
}

export function titleOf(framework: Framework, judgementId: string): string {
  return findJudgement(framework, judgementId)?.title ?? judgementId;
}

/** Lowest and highest grade among judgements; undefined until every non-optional one is graded. */
export function rangeOf(framework: Framework, judgementIds: string[], grades: JudgementGrades) {
  const levels: ScaleLevel[] = [];
  for (const id of judgementIds) {
    const level = gradeOf(framework, grades, id);
    if (level) levels.push(level);
    else if (!findJudgement(framework, id)?.optional) return undefined;
  }
  if (levels.length === 0) return undefined;
  const sorted = [...levels].sort((a, b) => a.rank - b.rank);
  return { lowest: sorted[0]!, highest: sorted[sorted.length - 1]! };
}
