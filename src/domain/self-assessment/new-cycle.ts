/*
 * A new, empty assessment cycle: one record per criterion and per judgement of its framework, so
 * every page has a record to save into and nothing depends on the order records are first touched.
 */
import type { Criterion, Framework, Judgement } from '../framework/types';
import type {
  CriterionAssessment,
  CycleBundle,
  JudgementAssessment,
  Narrative,
  RecordMeta,
} from '../workspace/records';
import { NOT_YET_GRADED } from '../workspace/vocabulary';

export interface CycleAuthor {
  by: string;
  now: string;
}

export interface RecordFactory {
  author: CycleAuthor;
  makeId: () => string;
}

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

export function newMeta({ author, makeId }: RecordFactory): RecordMeta {
  return { id: makeId(), createdAt: author.now, updatedAt: author.now, updatedBy: author.by };
}

export function blankCriterionAssessment(
  cycleId: string,
  criterion: Criterion,
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
  judgement: Judgement,
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

export function blankNarrative(cycleId: string, judgement: Judgement, factory: RecordFactory): Narrative {
  return { ...newMeta(factory), cycleId, judgementId: judgement.id, answers: {}, toReEvaluate: false };
}
