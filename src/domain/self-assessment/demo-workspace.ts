/*
 * The example workspace a newcomer can load: a fictional council with last year's final ILACS 2023
 * cycle and this year's draft carried forward from it, plus evidence, actions and recommendations.
 * Deterministic for the same inputs; every date is relative to "today"; synthetic data only.
 */
import { cycleStartYear } from '../format/dates';
import type { Framework } from '../framework/types';
import type {
  CycleBundle,
  EvidenceItem,
  ImprovementAction,
  Recommendation,
  WorkspaceContent,
} from '../workspace/records';
import { DEFAULT_PROTECTIVE_MARKING } from '../workspace/vocabulary';
import { carryForward } from './carry-forward';
import { monthsBefore } from './dates';
import {
  DEMO_ACTIONS,
  DEMO_AGREED,
  DEMO_COUNCIL,
  DEMO_EVIDENCE,
  DEMO_GRADES,
  DEMO_LAST_YEAR_AGREED,
  DEMO_NARRATIVES,
  DEMO_RECOMMENDATIONS,
  DEMO_STILL_CARRIED,
  demoTexts,
} from './demo-content';
import { startCycle, type CycleAuthor } from './new-cycle';

export interface DemoOptions {
  today: string;
  by: string;
  makeId: () => string;
}

export function buildDemoWorkspace(framework: Framework, options: DemoOptions): WorkspaceContent {
  if (framework.id !== 'ilacs-2023') throw new Error('The example workspace is written for ILACS 2023');
  const { today, makeId } = options;
  const at = (monthsAgo: number) => `${monthsBefore(today, monthsAgo)}T09:00:00.000Z`;
  const author = (monthsAgo: number): CycleAuthor => ({ by: options.by, now: at(monthsAgo) });
  const evidenceIds = new Map(DEMO_EVIDENCE.map((e) => [e.key, makeId()]));
  const evidenceId = (key: string) => evidenceIds.get(key);
  const evidence = buildEvidence(options, at, evidenceIds);
  const startYear = cycleStartYear(today);

  // Last year's cycle can only cite evidence that existed when it was finalised.
  const lastYearFinal = `${startYear}-03-20`;
  const evidenceThen = (key: string) =>
    evidence.find((e) => e.id === evidenceIds.get(key) && e.date <= lastYearFinal)?.id;
  const lastYear = buildLastYear(framework, startYear - 1, author(12), makeId, evidenceThen);
  const current = carryForward({
    previous: lastYear,
    fromFramework: framework,
    toFramework: framework,
    startYear,
    author: author(1),
    makeId,
  });
  regradeCurrent(framework, current, author(0), evidenceId);

  const recommendationIds = new Map(DEMO_RECOMMENDATIONS.map((r) => [r.key, makeId()]));
  const recommendations = buildRecommendations(options, at, recommendationIds);
  const actions = buildActions(options, at, (key) => recommendationIds.get(key));
  return {
    settings: { councilName: DEMO_COUNCIL, userName: '', protectiveMarking: DEFAULT_PROTECTIVE_MARKING },
    cycles: [lastYear.cycle, current.cycle],
    criterionAssessments: [...lastYear.criterionAssessments, ...current.criterionAssessments],
    judgementAssessments: [...lastYear.judgementAssessments, ...current.judgementAssessments],
    narratives: [...lastYear.narratives, ...current.narratives],
    evidence,
    actions,
    recommendations,
  };
}

function buildEvidence(
  options: DemoOptions,
  at: (m: number) => string,
  ids: Map<string, string>,
): EvidenceItem[] {
  return DEMO_EVIDENCE.map((e) => ({
    id: ids.get(e.key)!,
    createdAt: at(e.monthsAgo),
    updatedAt: at(e.monthsAgo),
    updatedBy: options.by,
    title: e.title,
    type: e.type,
    date: monthsBefore(options.today, e.monthsAgo),
    owner: e.owner,
    location: e.location,
    notes: e.notes,
  }));
}

function buildLastYear(
  framework: Framework,
  startYear: number,
  author: CycleAuthor,
  makeId: () => string,
  evidenceId: (key: string) => string | undefined,
): CycleBundle {
  const bundle = startCycle({ framework, startYear, author, makeId });
  for (const assessment of bundle.criterionAssessments) {
    const demo = DEMO_GRADES[assessment.criterionId] ?? carriedOnlyGrade(assessment.criterionId);
    if (!demo) continue;
    const title = framework.criteria.find((c) => c.id === assessment.criterionId)?.title ?? '';
    const texts = demoTexts(demo.lastYear, title);
    Object.assign(assessment, {
      grade: demo.lastYear,
      confidence: demo.confidence,
      status: 'agreed',
      assignee: demo.assignee,
      strengths: texts.strengths,
      areasForDevelopment: texts.areas,
      evidenceIds: demo.evidence.map(evidenceId).filter((id): id is string => id !== undefined),
    });
  }
  for (const assessment of bundle.judgementAssessments) {
    assessment.agreedGrade = DEMO_LAST_YEAR_AGREED[assessment.judgementId];
  }
  for (const narrative of bundle.narratives)
    narrative.answers = { ...(DEMO_NARRATIVES[narrative.judgementId] ?? {}) };
  const finalisedAt = `${startYear + 1}-03-20T16:00:00.000Z`;
  Object.assign(bundle.cycle, {
    status: 'final',
    finalisedAt,
    finalisedBy: author.by,
    updatedAt: finalisedAt,
  });
  return bundle;
}

/** Last year's grade for the criteria still waiting to be looked at again this year. */
function carriedOnlyGrade(criterionId: string) {
  if (!DEMO_STILL_CARRIED.includes(criterionId)) return undefined;
  return {
    lastYear: 'good',
    confidence: 'medium',
    assignee: 'Head of Service, Children in Care',
    evidence: ['audit-q1'],
  };
}

function regradeCurrent(
  framework: Framework,
  bundle: CycleBundle,
  author: CycleAuthor,
  evidenceId: (key: string) => string | undefined,
) {
  for (const assessment of bundle.criterionAssessments) {
    const demo = DEMO_GRADES[assessment.criterionId];
    if (!demo) continue;
    const title = framework.criteria.find((c) => c.id === assessment.criterionId)?.title ?? '';
    const texts = demoTexts(demo.grade, title);
    const entry = { at: author.now, by: author.by, field: 'grade', from: assessment.grade, to: demo.grade };
    Object.assign(assessment, {
      grade: demo.grade,
      confidence: demo.confidence,
      status: demo.status,
      assignee: demo.assignee,
      strengths: texts.strengths,
      areasForDevelopment: texts.areas,
      evidenceIds: demo.evidence.map(evidenceId).filter((id): id is string => id !== undefined),
      toReEvaluate: false,
      history: [...assessment.history, ...(entry.from === entry.to ? [] : [entry])],
    });
  }
  for (const assessment of bundle.judgementAssessments) {
    const agreed = DEMO_AGREED[assessment.judgementId];
    if (!agreed) continue;
    Object.assign(assessment, {
      agreedGrade: agreed.grade,
      rationale: agreed.rationale,
      toReEvaluate: false,
    });
  }
  for (const narrative of bundle.narratives) {
    narrative.answers = { ...(DEMO_NARRATIVES[narrative.judgementId] ?? {}) };
    narrative.toReEvaluate = false;
  }
}

function buildRecommendations(
  options: DemoOptions,
  at: (m: number) => string,
  ids: Map<string, string>,
): Recommendation[] {
  return DEMO_RECOMMENDATIONS.map((r) => ({
    id: ids.get(r.key)!,
    createdAt: at(r.monthsAgo),
    updatedAt: at(0),
    updatedBy: options.by,
    source: r.source,
    date: monthsBefore(options.today, r.monthsAgo),
    reference: r.reference,
    text: r.text,
    priorityAction: r.priorityAction,
    judgementIds: r.judgementIds,
    progressSummary: r.progressSummary,
    closed: r.closed,
  }));
}

function buildActions(
  options: DemoOptions,
  at: (m: number) => string,
  recId: (key: string) => string | undefined,
): ImprovementAction[] {
  return DEMO_ACTIONS.map((a) => ({
    id: options.makeId(),
    createdAt: at(10),
    updatedAt: at(0),
    updatedBy: options.by,
    title: a.title,
    description: '',
    owner: a.owner,
    dueDate: monthsBefore(options.today, -a.dueInMonths),
    status: a.status,
    rag: a.rag,
    ...(a.completedMonthsAgo !== undefined
      ? { completedAt: monthsBefore(options.today, a.completedMonthsAgo) }
      : {}),
    progressNotes: a.notes.map((n) => ({ at: at(n.monthsAgo), by: n.by, text: n.text })),
    criterionIds: a.criteria,
    judgementIds: a.judgements,
    recommendationIds: a.recommendations.map(recId).filter((id): id is string => id !== undefined),
    auditIds: [],
  }));
}
