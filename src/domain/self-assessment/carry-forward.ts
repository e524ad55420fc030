/*
 * Starting next year's cycle from last year's: grades, text, evidence links, agreed grades and
 * narratives carried forward, each marked "to re-evaluate". Across framework versions, records go
 * through the newer framework's mapping; whatever maps nowhere, or whose grade the new scale lacks,
 * is kept in the new cycle's archive. Nothing with content is ever dropped.
 */
import { cycleLabel } from '../format/dates';
import { findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Framework } from '../framework/types';
import type {
  ArchivedItem,
  CriterionAssessment,
  CycleBundle,
  JudgementAssessment,
  Narrative,
} from '../workspace/records';
import { NOT_APPLICABLE, NOT_YET_GRADED } from '../workspace/vocabulary';
import { mapCriterionIds, mapJudgementId } from './framework-mapping';
import {
  blankCriterionAssessment,
  blankJudgementAssessment,
  blankNarrative,
  newMeta,
  type RecordFactory,
} from './new-cycle';

export { mapCriterionIds, mapJudgementId } from './framework-mapping';

export interface CarryForwardInput extends RecordFactory {
  previous: CycleBundle;
  fromFramework: Framework;
  toFramework: Framework;
  startYear: number;
}

interface Context extends CarryForwardInput {
  cycleId: string;
  archive: ArchivedItem[];
  note: string;
}

export function carryForward(input: CarryForwardInput): CycleBundle {
  const { previous, toFramework, startYear } = input;
  const cycle = {
    ...newMeta(input),
    frameworkId: toFramework.id,
    frameworkVersion: toFramework.version,
    startYear,
    status: 'draft' as const,
    previousCycleId: previous.cycle.id,
    archive: [] as ArchivedItem[],
  };
  const context: Context = {
    ...input,
    cycleId: cycle.id,
    archive: cycle.archive,
    note: `Carried forward from ${cycleLabel(previous.cycle.startYear)}`,
  };
  return {
    cycle,
    criterionAssessments: carryCriteria(context),
    judgementAssessments: carryJudgements(context),
    narratives: carryNarratives(context),
  };
}

function carryCriteria(context: Context): CriterionAssessment[] {
  const { fromFramework: from, toFramework: to } = context;
  const sources = new Map<string, CriterionAssessment[]>();
  for (const old of context.previous.criterionAssessments.filter((a) => !a.deletedAt)) {
    const targets = mapCriterionIds(from, to, old.criterionId);
    if (targets.length === 0 && hasCriterionContent(old))
      archive(context, 'criterion-assessment', old.criterionId, old);
    for (const target of targets) sources.set(target, [...(sources.get(target) ?? []), old]);
  }
  return to.criteria.map((criterion) => {
    const found = sources.get(criterion.id) ?? [];
    const blank = blankCriterionAssessment(context.cycleId, criterion, context);
    if (found.length === 0) return blank;
    const merged = mergeCriteria(context, found);
    const grade = gradeOnTarget(context, merged.grade, criterion.judgementId, merged);
    const carried = grade !== NOT_YET_GRADED || hasCriterionContent(merged);
    const mergeNote =
      found.length > 1 ? `; merged from ${found.length} criteria, keeping the weakest grade` : '';
    return {
      ...blank,
      grade,
      confidence: merged.confidence,
      strengths: merged.strengths,
      areasForDevelopment: merged.areasForDevelopment,
      assignee: merged.assignee,
      evidenceIds: merged.evidenceIds,
      status: carried ? 'in-progress' : 'to-do',
      toReEvaluate: carried,
      history: carried ? [historyNote(context, `${context.note}${mergeNote}`)] : [],
    };
  });
}

function mergeCriteria(context: Context, found: CriterionAssessment[]): CriterionAssessment {
  if (found.length === 1) return found[0]!;
  const rank = (a: CriterionAssessment) => criterionRank(context.fromFramework, a);
  const weakest = [...found].sort((a, b) => rank(a) - rank(b))[0]!;
  return {
    ...weakest,
    strengths: joinTexts(found.map((a) => a.strengths)),
    areasForDevelopment: joinTexts(found.map((a) => a.areasForDevelopment)),
    evidenceIds: [...new Set(found.flatMap((a) => a.evidenceIds))],
  };
}

/** Graded levels by rank; not applicable and not graded sort after every real grade. */
function criterionRank(framework: Framework, assessment: CriterionAssessment): number {
  const criterion = framework.criteria.find((c) => c.id === assessment.criterionId);
  const level = criterion
    ? findLevel(scaleOfJudgement(framework, criterion.judgementId), assessment.grade)
    : undefined;
  return level?.rank ?? Number.MAX_SAFE_INTEGER;
}

function carryJudgements(context: Context): JudgementAssessment[] {
  const { fromFramework: from, toFramework: to } = context;
  const sources = groupByTarget(context, context.previous.judgementAssessments, (old) =>
    mapJudgementId(from, to, old.judgementId),
  );
  return to.judgements.map((judgement) => {
    const blank = blankJudgementAssessment(context.cycleId, judgement, context);
    const found = sources.get(judgement.id) ?? [];
    if (found.length === 0) return blank;
    const withGrade = found.filter((a) => a.agreedGrade);
    const agreed = withGrade.length === 1 ? withGrade[0]!.agreedGrade : undefined;
    const agreedGrade = agreed ? gradeOnTarget(context, agreed, judgement.id, withGrade[0]!) : NOT_YET_GRADED;
    const rationale = joinTexts(found.map((a) => a.rationale));
    const carried = agreedGrade !== NOT_YET_GRADED || rationale !== '';
    if (withGrade.length > 1)
      for (const a of withGrade) archive(context, 'judgement-assessment', a.judgementId, a);
    return {
      ...blank,
      agreedGrade: agreedGrade === NOT_YET_GRADED ? undefined : agreedGrade,
      rationale,
      toReEvaluate: carried,
      history: carried ? [historyNote(context, context.note)] : [],
    };
  });
}

function carryNarratives(context: Context): Narrative[] {
  const { fromFramework: from, toFramework: to } = context;
  const sources = groupByTarget(context, context.previous.narratives, (old) =>
    mapJudgementId(from, to, old.judgementId),
  );
  return to.judgements.map((judgement) => {
    const blank = blankNarrative(context.cycleId, judgement, context);
    const found = sources.get(judgement.id) ?? [];
    const answers: Record<string, string> = {};
    for (const section of new Set(found.flatMap((n) => Object.keys(n.answers)))) {
      const text = joinTexts(found.map((n) => n.answers[section] ?? ''));
      if (text) answers[section] = text;
    }
    return { ...blank, answers, toReEvaluate: Object.keys(answers).length > 0 };
  });
}

function groupByTarget<T extends JudgementAssessment | Narrative>(
  context: Context,
  records: readonly T[],
  target: (record: T) => string | undefined,
): Map<string, T[]> {
  const kind = 'answers' in (records[0] ?? {}) ? 'narrative' : 'judgement-assessment';
  const groups = new Map<string, T[]>();
  for (const record of records.filter((r) => !r.deletedAt)) {
    const id = target(record);
    if (id === undefined) {
      if (hasJudgementContent(record)) archive(context, kind, record.judgementId, record);
      continue;
    }
    groups.set(id, [...(groups.get(id) ?? []), record]);
  }
  return groups;
}

/** A grade the new scale lacks is not carried as a grade; the old record goes to the archive. */
function gradeOnTarget(
  context: Context,
  grade: string,
  judgementId: string,
  source: CriterionAssessment | JudgementAssessment,
): string {
  if (grade === NOT_YET_GRADED || grade === NOT_APPLICABLE) return grade;
  if (findLevel(scaleOfJudgement(context.toFramework, judgementId), grade)) return grade;
  const kind = 'criterionId' in source ? 'criterion-assessment' : 'judgement-assessment';
  archive(context, kind, 'criterionId' in source ? source.criterionId : source.judgementId, source);
  return NOT_YET_GRADED;
}

function archive(context: Context, kind: ArchivedItem['kind'], oldId: string, record: object) {
  const from = context.fromFramework;
  const criterion = from.criteria.find((c) => c.id === oldId);
  const judgement = from.judgements.find((j) => j.id === oldId);
  const title =
    kind === 'criterion-assessment' && criterion
      ? `${criterion.ref} ${criterion.title}`
      : (judgement?.title ?? oldId);
  context.archive.push({ kind, oldId, title, record: structuredClone(record) as Record<string, unknown> });
}

function hasCriterionContent(a: CriterionAssessment): boolean {
  return (
    a.grade !== NOT_YET_GRADED || hasText(a.strengths, a.areasForDevelopment) || a.evidenceIds.length > 0
  );
}

function hasJudgementContent(record: JudgementAssessment | Narrative): boolean {
  if ('answers' in record) return hasText(...Object.values(record.answers));
  return Boolean(record.agreedGrade) || hasText(record.rationale);
}

function hasText(...texts: string[]): boolean {
  return texts.some((t) => t.trim() !== '');
}

function joinTexts(texts: string[]): string {
  return [...new Set(texts.map((t) => t.trim()).filter(Boolean))].join('\n\n');
}

function historyNote(context: Context, to: string) {
  return { at: context.author.now, by: context.author.by, field: 'carried-forward', from: '', to };
}
