/*
 * A judgement's proposed grade from the grades of its own criteria: the lower median, because a
 * self-evaluation that claims more than its weakest evidence supports is what inspectors criticise.
 * The proposal is advice with its reasons; the agreed grade is the team's to set. Every count the
 * explanation states is true of the grades it was given.
 */
import { criteriaOfJudgement, findJudgement, findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Criterion, Framework, ScaleLevel } from '../framework/types';
import type { CriterionAssessment } from '../workspace/records';
import { NOT_APPLICABLE } from '../workspace/vocabulary';
import type { CriteriaProposal } from './types';

interface GradedCriterion {
  criterion: Criterion;
  level: ScaleLevel;
}

const NAMED_WEAKEST = 2;

export function proposeFromCriteria(
  framework: Framework,
  judgementId: string,
  assessments: readonly CriterionAssessment[],
): CriteriaProposal {
  const criteria = criteriaOfJudgement(framework, judgementId);
  const scale = scaleOfJudgement(framework, judgementId);
  const byCriterion = new Map(assessments.filter((a) => !a.deletedAt).map((a) => [a.criterionId, a.grade]));
  const graded: GradedCriterion[] = [];
  let notApplicable = 0;
  for (const criterion of criteria) {
    const grade = byCriterion.get(criterion.id);
    const level = findLevel(scale, grade);
    if (level) graded.push({ criterion, level });
    else if (grade === NOT_APPLICABLE) notApplicable += 1;
  }
  const counts: Record<string, number> = {};
  for (const { level } of graded) counts[level.id] = (counts[level.id] ?? 0) + 1;
  const base = { judgementId, total: criteria.length, graded: graded.length, notApplicable, counts };
  // A stable sort keeps framework order among criteria of the same grade.
  const weakestFirst = [...graded].sort((a, b) => a.level.rank - b.level.rank);
  const proposed = weakestFirst[Math.floor((weakestFirst.length - 1) / 2)]?.level;
  if (!proposed) {
    const title = findJudgement(framework, judgementId)?.title ?? judgementId;
    return {
      ...base,
      levelId: null,
      explanation: `No criteria graded yet: grade the criteria of ${title} to get a proposal.`,
    };
  }
  const ungraded = criteria.length - graded.length - notApplicable;
  return {
    ...base,
    levelId: proposed.id,
    explanation: `Proposed ${proposed.label} because ${reason(proposed, weakestFirst)}.${notes(ungraded, notApplicable)}`,
  };
}

function notes(ungraded: number, notApplicable: number): string {
  const parts = [
    ungraded > 0 ? `${ungraded} not graded yet` : '',
    notApplicable > 0 ? `${notApplicable} not applicable` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? ` ${parts.join(', ')}.` : '';
}

/** Why the lower median is what it is: how many graded criteria are at that grade or worse, and which. */
function reason(proposed: ScaleLevel, weakestFirst: readonly GradedCriterion[]): string {
  const n = weakestFirst.length;
  if (weakestFirst.every((g) => g.level.id === proposed.id)) {
    return n === 1
      ? `the only graded criterion is ${proposed.label}`
      : `all ${n} graded criteria are ${proposed.label}`;
  }
  const atOrBelow = weakestFirst.filter((g) => g.level.rank <= proposed.rank);
  const k = atOrBelow.length;
  // "Good or worse" reads as a judgement of Good: say "no better than Good" instead.
  const grade = atOrBelow.some((g) => g.level.rank < proposed.rank)
    ? `no better than ${proposed.label}`
    : proposed.label;
  const named = atOrBelow.slice(0, NAMED_WEAKEST).map((g) => `${g.criterion.ref} ${g.criterion.title}`);
  // Titles hold commas and "and", so names are separated by semicolons.
  const which = k > named.length ? `, including ${named.join('; ')}` : ` (${named.join('; ')})`;
  if (k === n) {
    // "All n are no better than Good" would be true but say nothing: give the spread instead.
    return `it is the middle grade of the ${n} graded criteria (${spread(weakestFirst)})${which}`;
  }
  return `${k} of the ${n} graded criteria ${k === 1 ? 'is' : 'are'} ${grade}${which}`;
}

/** "2 Good, 1 Inadequate": counts by grade, best first. */
function spread(weakestFirst: readonly GradedCriterion[]): string {
  const counts = new Map<string, { label: string; rank: number; count: number }>();
  for (const { level } of weakestFirst) {
    const entry = counts.get(level.id) ?? { label: level.label, rank: level.rank, count: 0 };
    counts.set(level.id, { ...entry, count: entry.count + 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.rank - a.rank)
    .map((c) => `${c.count} ${c.label}`)
    .join(', ');
}
