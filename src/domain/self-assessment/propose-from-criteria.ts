/*
 * A judgement's proposed grade from the grades of its own criteria: the lower median, because a
 * self-evaluation that claims more than its weakest evidence supports is what inspectors criticise.
 * The proposal is advice with its reasons; the agreed grade is the team's to set.
 */
import { criteriaOfJudgement, findJudgement, findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Criterion, Framework, Scale, ScaleLevel } from '../framework/types';
import type { CriterionAssessment } from '../workspace/records';
import { NOT_APPLICABLE } from '../workspace/vocabulary';
import type { CriteriaProposal } from './types';

interface GradedCriterion {
  criterion: Criterion;
  level: ScaleLevel;
  order: number;
}

export function proposeFromCriteria(
  framework: Framework,
  judgementId: string,
  assessments: readonly CriterionAssessment[],
): CriteriaProposal {
  const criteria = criteriaOfJudgement(framework, judgementId);
  const scale = scaleOfJudgement(framework, judgementId);
  const title = findJudgement(framework, judgementId)?.title ?? judgementId;
  const byCriterion = new Map(assessments.filter((a) => !a.deletedAt).map((a) => [a.criterionId, a]));
  const graded: GradedCriterion[] = [];
  let notApplicable = 0;
  criteria.forEach((criterion, order) => {
    const grade = byCriterion.get(criterion.id)?.grade;
    const level = findLevel(scale, grade);
    if (level) graded.push({ criterion, level, order });
    else if (grade === NOT_APPLICABLE) notApplicable += 1;
  });
  const counts: Record<string, number> = {};
  for (const { level } of graded) counts[level.id] = (counts[level.id] ?? 0) + 1;
  const base = { judgementId, total: criteria.length, graded: graded.length, notApplicable, counts };
  if (!scale || graded.length === 0) {
    return {
      ...base,
      levelId: null,
      explanation: `No criteria graded yet: grade the criteria of ${title} to get a proposal.`,
    };
  }
  const weakestFirst = [...graded].sort((a, b) => a.level.rank - b.level.rank || a.order - b.order);
  const proposed = weakestFirst[Math.floor((weakestFirst.length - 1) / 2)]!.level;
  const ungraded = criteria.length - graded.length - notApplicable;
  return {
    ...base,
    levelId: proposed.id,
    explanation: explain(scale, proposed, weakestFirst, notApplicable, ungraded),
  };
}

function explain(
  scale: Scale,
  proposed: ScaleLevel,
  weakestFirst: GradedCriterion[],
  notApplicable: number,
  ungraded: number,
): string {
  const n = weakestFirst.length;
  let reason: string;
  if (weakestFirst.every((g) => g.level.id === proposed.id)) {
    reason =
      n === 1
        ? `the only graded criterion is ${proposed.label}`
        : `all ${n} graded criteria are ${proposed.label}`;
  } else {
    const counts = [...scale.levels]
      .sort((a, b) => b.rank - a.rank)
      .map((level) => [level, weakestFirst.filter((g) => g.level.id === level.id).length] as const)
      .filter(([, count]) => count > 0)
      .map(([level, count]) => `${count} ${level.label}`);
    const named = weakestFirst.slice(0, 2).map((g) => `${g.criterion.ref} ${g.criterion.title}`);
    const upper = weakestFirst[Math.floor(n / 2)]!.level;
    const middle = upper.id === proposed.id ? 'the middle grade' : 'the lower of the two middle grades';
    reason = `it is ${middle} of the ${n} graded criteria (${counts.join(', ')}; weakest: ${named.join('; ')})`;
  }
  const notes = [
    ungraded ? `${ungraded} not graded yet` : '',
    notApplicable ? `${notApplicable} not applicable` : '',
  ].filter(Boolean);
  return `Proposed ${proposed.label} because ${reason}.${notes.length ? ` ${capitalise(notes.join(', '))}.` : ''}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
