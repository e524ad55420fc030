/*
 * Starting next year's cycle from last year's: grades, text, evidence links, agreed grades and
 * narratives carried forward, each marked "to re-evaluate". Across framework versions, records go
 * through the newer framework's mapping. Invariants: exactly one record per target criterion and
 * judgement; whatever maps nowhere, or whose grade the new scale lacks, is archived, never dropped.
 */
import { cycleLabel } from '../format/dates';
import { findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Criterion, Framework, Judgement } from '../framework/types';
import type {
  ArchivedItem,
  CriterionAssessment,
  CycleBundle,
  HistoryEntry,
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
  archived: Set<string>;
}

type Kind = ArchivedItem['kind'];

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
  const context: Context = { ...input, cycleId: cycle.id, archive: cycle.archive, archived: new Set() };
  return {
    cycle,
    criterionAssessments: carryCriteria(context),
    judgementAssessments: carryJudgements(context),
    narratives: carryNarratives(context),
  };
}

function carryCriteria(context: Context): CriterionAssessment[] {
  const { fromFramework: from, toFramework: to, previous } = context;
  const sources = groupByTarget(context, 'criterion-assessment', previous.criterionAssessments, (old) =>
    mapCriterionIds(from, to, old.criterionId),
  );
  return to.criteria.map((criterion) => {
    const blank = blankCriterionAssessment(context.cycleId, criterion, context);
    const found = sources.get(criterion.id) ?? [];
    return found.length === 0 ? blank : carriedCriterion(context, criterion, blank, found);
  });
}

function carriedCriterion(
  context: Context,
  criterion: Criterion,
  blank: CriterionAssessment,
  found: CriterionAssessment[],
): CriterionAssessment {
  const from = context.fromFramework;
  const weakest = weakestFirst(found, (a) =>
    rankOf(from, judgementOfCriterion(from, a.criterionId), a.grade),
  )[0]!;
  const grade = gradeOnTarget(context, criterion.judgementId, weakest.grade, weakest);
  const merged = found.length > 1 || found[0]!.criterionId !== criterion.id;
  const sources = found.map((a) => `${criterionName(from, a.criterionId)} (${gradeLabel(from, a)})`);
  const substantive = found.some(isSubstantive);
  return {
    ...blank,
    grade,
    confidence: weakest.confidence,
    strengths: joinTexts(found.map((a) => a.strengths)),
    areasForDevelopment: joinTexts(found.map((a) => a.areasForDevelopment)),
    assignee: weakest.assignee || (found.find((a) => a.assignee)?.assignee ?? ''),
    evidenceIds: [...new Set(found.flatMap((a) => a.evidenceIds))],
    // A carried grade or finding is no longer agreed; an owner alone gives nothing to look at again.
    status: substantive ? 'in-progress' : 'to-do',
    toReEvaluate: substantive,
    history: [
      carriedEntry(
        context,
        merged ? sources : [],
        notes('criteria', found.length, weakest.grade, grade),
        substantive,
      ),
    ],
  };
}

function carryJudgements(context: Context): JudgementAssessment[] {
  const { fromFramework: from, toFramework: to, previous } = context;
  const sources = groupByTarget(context, 'judgement-assessment', previous.judgementAssessments, (old) =>
    targetJudgement(from, to, old.judgementId),
  );
  return to.judgements.map((judgement) => {
    const blank = blankJudgementAssessment(context.cycleId, judgement, context);
    const found = sources.get(judgement.id) ?? [];
    return found.length === 0 ? blank : carriedJudgement(context, judgement, blank, found);
  });
}

function carriedJudgement(
  context: Context,
  judgement: Judgement,
  blank: JudgementAssessment,
  found: JudgementAssessment[],
): JudgementAssessment {
  const from = context.fromFramework;
  const graded = found.filter((a) => a.agreedGrade);
  const weakest = weakestFirst(graded, (a) => rankOf(from, a.judgementId, a.agreedGrade))[0];
  const agreed = weakest && gradeOnTarget(context, judgement.id, weakest.agreedGrade!, weakest);
  const merged = graded.length > 1 || found[0]!.judgementId !== judgement.id;
  const sources = found.map((a) => `${judgementName(from, a.judgementId)} (${gradeLabel(from, a)})`);
  return {
    ...blank,
    ...(agreed && agreed !== NOT_YET_GRADED ? { agreedGrade: agreed } : {}),
    rationale: joinTexts(found.map((a) => a.rationale)),
    toReEvaluate: true,
    history: [
      carriedEntry(
        context,
        merged ? sources : [],
        notes('judgements', graded.length, weakest?.agreedGrade, agreed),
      ),
    ],
  };
}

function carryNarratives(context: Context): Narrative[] {
  const { fromFramework: from, toFramework: to, previous } = context;
  const sections = new Set(to.selfEvaluation.map((s) => s.id));
  const sources = groupByTarget(context, 'narrative', previous.narratives, (old) =>
    targetJudgement(from, to, old.judgementId),
  );
  return to.judgements.map((judgement) => {
    const found = sources.get(judgement.id) ?? [];
    const answers: Record<string, string> = {};
    for (const section of sections) {
      const text = joinTexts(found.map((n) => n.answers[section] ?? ''));
      if (text) answers[section] = text;
    }
    // An answer to a question the new framework does not ask would be invisible: keep the whole narrative.
    const unasked = (n: Narrative) =>
      Object.entries(n.answers).some(([s, t]) => !sections.has(s) && hasText(t));
    for (const old of found.filter(unasked)) archive(context, 'narrative', old.judgementId, old);
    const blank = blankNarrative(context.cycleId, judgement, context);
    return { ...blank, answers, toReEvaluate: Object.keys(answers).length > 0 };
  });
}

/** Live records with something in them, grouped by target id; those with no target are archived. */
function groupByTarget<T extends CriterionAssessment | JudgementAssessment | Narrative>(
  context: Context,
  kind: Kind,
  records: readonly T[],
  targets: (record: T) => string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records.filter((r) => !r.deletedAt && hasContent(r))) {
    const ids = targets(record);
    if (ids.length === 0) archive(context, kind, oldIdOf(record), record);
    for (const id of ids) groups.set(id, [...(groups.get(id) ?? []), record]);
  }
  return groups;
}

function targetJudgement(from: Framework, to: Framework, oldId: string): string[] {
  const id = mapJudgementId(from, to, oldId);
  return id === undefined ? [] : [id];
}

/** A grade the new scale lacks is not carried as a grade; the old record goes to the archive. */
function gradeOnTarget(
  context: Context,
  judgementId: string,
  grade: string,
  source: CriterionAssessment | JudgementAssessment,
): string {
  if (grade === NOT_YET_GRADED || grade === NOT_APPLICABLE) return grade;
  if (findLevel(scaleOfJudgement(context.toFramework, judgementId), grade)) return grade;
  const kind = 'criterionId' in source ? 'criterion-assessment' : 'judgement-assessment';
  archive(context, kind, oldIdOf(source), source);
  return NOT_YET_GRADED;
}

function archive(context: Context, kind: Kind, oldId: string, record: { id: string }) {
  if (context.archived.has(record.id)) return;
  context.archived.add(record.id);
  const from = context.fromFramework;
  const title = kind === 'criterion-assessment' ? criterionName(from, oldId) : judgementName(from, oldId);
  // A JSON copy: plain data even if the caller handed in reactive proxies.
  const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
  context.archive.push({ kind, oldId, title, record: copy });
}

function carriedEntry(context: Context, sources: string[], notes: string[], reEvaluate = true): HistoryEntry {
  const { author, previous, startYear } = context;
  const from = cycleLabel(previous.cycle.startYear);
  const to = cycleLabel(startYear);
  return {
    at: author.now,
    by: author.by,
    field: 'carried-forward',
    from: sources.length ? `${from}: ${sources.join('; ')}` : from,
    to: [reEvaluate ? `${to}, to re-evaluate` : to, ...notes].join('; '),
  };
}

function notes(
  noun: 'criteria' | 'judgements',
  sourceCount: number,
  oldGrade: string | undefined,
  newGrade: string | undefined,
): string[] {
  const result: string[] = [];
  if (sourceCount > 1) result.push(`merged from ${sourceCount} ${noun}, keeping the weakest grade`);
  if (oldGrade && newGrade !== oldGrade)
    result.push('last year’s grade is not on this framework’s scale, so it is kept in the archive');
  return result;
}

/** Graded records first, weakest first; not applicable and ungraded after every real grade. */
function weakestFirst<T>(records: T[], rank: (record: T) => number | undefined): T[] {
  const key = (r: T) => rank(r) ?? Number.MAX_SAFE_INTEGER;
  return [...records].sort((a, b) => key(a) - key(b));
}

function rankOf(framework: Framework, judgementId: string | undefined, grade: string | undefined) {
  if (judgementId === undefined) return undefined;
  return findLevel(scaleOfJudgement(framework, judgementId), grade)?.rank;
}

function gradeLabel(framework: Framework, record: CriterionAssessment | JudgementAssessment): string {
  const isCriterion = 'criterionId' in record;
  const grade = isCriterion ? record.grade : (record.agreedGrade ?? NOT_YET_GRADED);
  const judgementId = isCriterion ? judgementOfCriterion(framework, record.criterionId) : record.judgementId;
  const level = judgementId ? findLevel(scaleOfJudgement(framework, judgementId), grade) : undefined;
  if (level) return level.label;
  if (grade === NOT_APPLICABLE) return 'Not applicable';
  return grade === NOT_YET_GRADED ? 'Not yet graded' : grade;
}

function judgementOfCriterion(framework: Framework, criterionId: string): string | undefined {
  return framework.criteria.find((c) => c.id === criterionId)?.judgementId;
}

function criterionName(framework: Framework, criterionId: string): string {
  const criterion = framework.criteria.find((c) => c.id === criterionId);
  return criterion ? `${criterion.ref} ${criterion.title}` : criterionId;
}

function judgementName(framework: Framework, judgementId: string): string {
  return framework.judgements.find((j) => j.id === judgementId)?.title ?? judgementId;
}

function oldIdOf(record: CriterionAssessment | JudgementAssessment | Narrative): string {
  return 'criterionId' in record ? record.criterionId : record.judgementId;
}

/** A grade, a finding or evidence: something to look at again, not just an owner or a confidence. */
function isSubstantive(a: CriterionAssessment): boolean {
  return (
    a.grade !== NOT_YET_GRADED || hasText(a.strengths, a.areasForDevelopment) || a.evidenceIds.length > 0
  );
}

function hasContent(record: CriterionAssessment | JudgementAssessment | Narrative): boolean {
  if ('answers' in record) return hasText(...Object.values(record.answers));
  if ('criterionId' in record)
    return isSubstantive(record) || hasText(record.assignee) || !!record.confidence;
  return Boolean(record.agreedGrade) || hasText(record.rationale);
}

function hasText(...texts: string[]): boolean {
  return texts.some((t) => t.trim() !== '');
}

function joinTexts(texts: string[]): string {
  return [...new Set(texts.map((t) => t.trim()).filter(Boolean))].join('\n\n');
}
