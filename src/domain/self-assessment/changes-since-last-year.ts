/*
 * What changed since last year's cycle: grades up and down (criteria and agreed judgement grades,
 * matched through the same framework mapping as carrying forward, several old records to one new
 * compared by the weakest), evidence newly used or no longer used, and actions closed since last
 * year's cycle began. Ranks are compared on each year's own scale; deleted records never count.
 */
import { cyclePeriod } from '../format/dates';
import { findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Framework } from '../framework/types';
import type { CycleBundle, EvidenceItem, ImprovementAction } from '../workspace/records';
import { mapCriterionIds, mapJudgementId } from './carry-forward';
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

/** One side of the comparison: target id → the grade it had. */
type Grades = Map<string, Graded>;

export function compareCycles(input: CompareInput): ChangesSinceLastYear {
  return {
    grades: sortChanges([...criterionChanges(input), ...judgementChanges(input)]),
    ...evidenceChanges(input),
    closedActionIds: closedActions(input),
  };
}

/** Downs first, then ups, then the rest; each group keeps framework order (criteria, then judgements). */
function sortChanges(changes: GradeChange[]): GradeChange[] {
  const group = (c: GradeChange) => (c.direction === 'down' ? 0 : c.direction === 'up' ? 1 : 2);
  return [...changes].sort((a, b) => group(a) - group(b));
}

function criterionChanges(input: CompareInput): GradeChange[] {
  const { previousFramework: from, framework: to } = input;
  const before: Grades = new Map();
  for (const a of live(input.previous.criterionAssessments))
    keepWeakest(
      before,
      mapCriterionIds(from, to, a.criterionId),
      criterionGrade(from, a.criterionId, a.grade),
    );
  const after: Grades = new Map();
  for (const a of live(input.current.criterionAssessments))
    after.set(a.criterionId, criterionGrade(to, a.criterionId, a.grade));
  return changesFor(
    to.criteria.map((c) => c.id),
    'criterion',
    before,
    after,
  );
}

function judgementChanges(input: CompareInput): GradeChange[] {
  const { previousFramework: from, framework: to } = input;
  const before: Grades = new Map();
  for (const a of live(input.previous.judgementAssessments)) {
    const id = mapJudgementId(from, to, a.judgementId);
    keepWeakest(before, id === undefined ? [] : [id], judgementGrade(from, a.judgementId, a.agreedGrade));
  }
  const after: Grades = new Map();
  for (const a of live(input.current.judgementAssessments))
    after.set(a.judgementId, judgementGrade(to, a.judgementId, a.agreedGrade));
  return changesFor(
    to.judgements.map((j) => j.id),
    'judgement',
    before,
    after,
  );
}

function changesFor(ids: string[], kind: GradeChange['kind'], before: Grades, after: Grades): GradeChange[] {
  return ids.flatMap((id) => {
    const change = compare(before.get(id) ?? {}, after.get(id) ?? {});
    return change ? [{ id, kind, ...change }] : [];
  });
}

/** Several old records onto one new: the weakest real grade stands for them, as when carrying forward. */
function keepWeakest(grades: Grades, targets: string[], graded: Graded) {
  for (const id of targets) {
    const existing = grades.get(id);
    if (!existing || (graded.rank ?? Infinity) < (existing.rank ?? Infinity)) grades.set(id, graded);
  }
}

function criterionGrade(framework: Framework, criterionId: string, grade: string | undefined): Graded {
  const criterion = framework.criteria.find((c) => c.id === criterionId);
  return criterion ? judgementGrade(framework, criterion.judgementId, grade) : {};
}

function judgementGrade(framework: Framework, judgementId: string, grade: string | undefined): Graded {
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

function evidenceChanges(input: CompareInput) {
  const linked = (bundle: CycleBundle) =>
    new Set(live(bundle.criterionAssessments).flatMap((a) => a.evidenceIds));
  const before = linked(input.previous);
  const now = linked(input.current);
  const existing = new Set(live(input.evidence).map((e) => e.id));
  return {
    newEvidenceIds: [...now].filter((id) => existing.has(id) && !before.has(id)),
    retiredEvidenceIds: [...before].filter((id) => !now.has(id) || !existing.has(id)),
  };
}

/** Completed on or after 1 April of last year's cycle; completedAt may be a date or a timestamp. */
function closedActions(input: CompareInput): string[] {
  const since = cyclePeriod(input.previous.cycle.startYear).from;
  return live(input.actions)
    .filter((a) => a.status === 'completed' && a.completedAt !== undefined && a.completedAt >= since)
    .map((a) => a.id);
}

function live<T extends { deletedAt?: string }>(records: readonly T[]): T[] {
  return records.filter((r) => !r.deletedAt);
}
