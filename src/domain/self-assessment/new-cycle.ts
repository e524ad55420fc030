/*
 * A new, empty assessment cycle: one record per criterion and per judgement of its framework, so
 * every page has a record to save into and nothing depends on the order records are first touched.
 * `missingRecords` restores that invariant for a cycle whose records were partly lost.
 */
import type { Criterion, Framework, Judgement } from '../framework/types';
import type {
  Author,
  CriterionAssessment,
  CycleBundle,
  JudgementAssessment,
  Narrative,
  RecordMeta,
} from '../workspace/records';
import { NOT_YET_GRADED } from '../workspace/vocabulary';

/** Who is making the records, and when (an ISO timestamp). */
export type CycleAuthor = Author;

export interface RecordFactory {
  author: CycleAuthor;
  makeId: () => string;
}

/** The records of a cycle, without the cycle itself. */
export type CycleRecords = Omit<CycleBundle, 'cycle'>;

export function startCycle(input: { framework: Framework; startYear: number } & RecordFactory): CycleBundle {
  const { framework, startYear } = input;
  const cycle = {
    ...newMeta(input),
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    startYear,
    status: 'draft' as const,
    archive: [],
  };
  return {
    cycle,
    criterionAssessments: framework.criteria.map((c) => blankCriterionAssessment(cycle.id, c, input)),
    judgementAssessments: framework.judgements.map((j) => blankJudgementAssessment(cycle.id, j, input)),
    narratives: framework.judgements.map((j) => blankNarrative(cycle.id, j, input)),
  };
}

/**
 * Blank records for the criteria and judgements of `framework` that `bundle` has no live record for,
 * in framework order. Existing records are never touched; deleted ones do not count as present.
 */
export function missingRecords(
  framework: Framework,
  bundle: CycleBundle,
  author: CycleAuthor,
  makeId: () => string,
): CycleRecords {
  const factory = { author, makeId };
  const cycleId = bundle.cycle.id;
  const criteria = liveKeys(bundle.criterionAssessments, (r) => r.criterionId);
  const judgements = liveKeys(bundle.judgementAssessments, (r) => r.judgementId);
  const narratives = liveKeys(bundle.narratives, (r) => r.judgementId);
  return {
    criterionAssessments: framework.criteria
      .filter((c) => !criteria.has(c.id))
      .map((c) => blankCriterionAssessment(cycleId, c, factory)),
    judgementAssessments: framework.judgements
      .filter((j) => !judgements.has(j.id))
      .map((j) => blankJudgementAssessment(cycleId, j, factory)),
    narratives: framework.judgements
      .filter((j) => !narratives.has(j.id))
      .map((j) => blankNarrative(cycleId, j, factory)),
  };
}

function liveKeys<T extends { deletedAt?: string }>(records: readonly T[], key: (r: T) => string) {
  return new Set(records.filter((r) => !r.deletedAt).map(key));
}

export function newMeta({ author, makeId }: RecordFactory): RecordMeta {
  return { id: makeId(), createdAt: author.now, updatedAt: author.now, updatedBy: author.by };
}

export function blankCriterionAssessment(
  cycleId: string,
  criterion: Pick<Criterion, 'id'>,
  factory: RecordFactory,
): CriterionAssessment {
  return {
    ...newMeta(factory),
    cycleId,
    criterionId: criterion.id,
    grade: NOT_YET_GRADED,
    strengths: '',
    areasForDevelopment: '',
    status: 'to-do',
    assignee: '',
    evidenceIds: [],
    toReEvaluate: false,
    history: [],
  };
}

export function blankJudgementAssessment(
  cycleId: string,
  judgement: Pick<Judgement, 'id'>,
  factory: RecordFactory,
): JudgementAssessment {
  return {
    ...newMeta(factory),
    cycleId,
    judgementId: judgement.id,
    rationale: '',
    toReEvaluate: false,
    history: [],
  };
}

export function blankNarrative(
  cycleId: string,
  judgement: Pick<Judgement, 'id'>,
  factory: RecordFactory,
): Narrative {
  return { ...newMeta(factory), cycleId, judgementId: judgement.id, answers: {}, toReEvaluate: false };
}
