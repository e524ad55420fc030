/*
 * What changed since last year's cycle: grades up and down (criteria and agreed judgement grades,
 * matched through the framework mapping), evidence newly used or no longer used, and actions closed
 * since last year's cycle began. Ranks are compared on each year's own scale.
 */
import { cyclePeriod } from '../format/dates';
import { findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Framework } from '../framework/types';
import type { CycleBundle, EvidenceItem, ImprovementAction } from '../workspace/records';
import { mapCriterionIds, mapJudgementId } from './framework-mapping';
import type { ChangeDirection, ChangesSinceLastYear, GradeChange } from './types';

export interface CompareInput {
  previousFramework: Framework;
  framework: Framework;
  previous: CycleBundle;
  current: CycleBundle;
  evidence: readonly EvidenceItem[];
  actions: readonly ImprovementAction[];
}

interface Graded {
  grade?: string;
  rank?: number;
}

export function compareCycles(input: CompareInput): ChangesSinceLastYear {
  const grades = [...criterionChanges(input), ...judgementChanges(input)];
  const order = { down: 0, up: 1, 'newly-graded': 2, 'no-longer-graded': 3, same: 4 } as const;
  grades.sort((a, b) => order[a.direction] - order[b.direction]);
  const linked = (bundle: CycleBundle) =>
    new Set(bundle.criterionAssessments.filter((a) => !a.deletedAt).flatMap((a) => a.evidenceIds));
  const before = linked(input.previous);
  const now = linked(input.current);
  const live = new Set(input.evidence.filter((e) => !e.deletedAt).map((e) => e.id));
  const since = cyclePeriod(input.previous.cycle.startYear).from;
  return {
    grades,
    newEvidenceIds: [...now].filter((id) => live.has(id) && !before.has(id)),
    retiredEvidenceIds: [...before].filter((id) => !now.has(id) || !live.has(id)),
    closedActionIds: input.actions
      .filter((a) => !a.deletedAt && a.status === 'completed' && (a.completedAt ?? '') >= since)
      .map((a) => a.id),
  };
}

function criterionChanges(input: CompareInput): GradeChange[] {
  const { previousFramework: from, framework: to } = input;
  const before = new Map<string, Graded>();
  for (const a of input.previous.criterionAssessments.filter((r) => !r.deletedAt)) {
    const graded = gradedCriterion(from, a.criterionId, a.grade);
    for (const id of mapCriterionIds(from, to, a.criterionId)) {
      const existing = before.get(id);
      if (!existing || (graded.rank ?? Infinity) < (existing.rank ?? Infinity)) before.set(id, graded);
    }
  }
  return to.criteria.flatMap((criterion) => {
    const a = input.current.criterionAssessments.find((r) => !r.deletedAt && r.criterionId === criterion.id);
    const change = compare(before.get(criterion.id) ?? {}, gradedCriterion(to, criterion.id, a?.grade));
    return change ? [{ id: criterion.id, kind: 'criterion' as const, ...change }] : [];
  });
}

function judgementChanges(input: CompareInput): GradeChange[] {
  const { previousFramework: from, framework: to } = input;
  const before = new Map<string, Graded>();
  for (const a of input.previous.judgementAssessments.filter((r) => !r.deletedAt)) {
    const id = mapJudgementId(from, to, a.judgementId);
    if (id) before.set(id, gradedJudgement(from, a.judgementId, a.agreedGrade));
  }
  return to.judgements.flatMap((judgement) => {
    const a = input.current.judgementAssessments.find((r) => !r.deletedAt && r.judgementId === judgement.id);
    const change = compare(before.get(judgement.id) ?? {}, gradedJudgement(to, judgement.id, a?.agreedGrade));
    return change ? [{ id: judgement.id, kind: 'judgement' as const, ...change }] : [];
  });
}

function gradedCriterion(framework: Framework, criterionId: string, grade: string | undefined): Graded {
  const criterion = framework.criteria.find((c) => c.id === criterionId);
  return criterion ? gradedJudgement(framework, criterion.judgementId, grade) : {};
}

function gradedJudgement(framework: Framework, judgementId: string, grade: string | undefined): Graded {
  const level = findLevel(scaleOfJudgement(framework, judgementId), grade);
  return level ? { grade: level.id, rank: level.rank } : {};
}

function compare(before: Graded, after: Graded): Omit<GradeChange, 'id' | 'kind'> | undefined {
  if (before.rank === undefined && after.rank === undefined) return undefined;
  let direction: ChangeDirection;
  if (before.rank === undefined) direction = 'newly-graded';
  else if (after.rank === undefined) direction = 'no-longer-graded';
  else direction = after.rank > before.rank ? 'up' : after.rank < before.rank ? 'down' : 'same';
  return { from: before.grade, to: after.grade, direction };
}
