/*
 * The example workspace a newcomer can load: a fictional council with last year's final ILACS 2023
 * cycle and this year's draft carried forward from it, plus evidence, actions, recommendations and a
 * round of case audits.
 * Invariants: deterministic for the same inputs, every date relative to "today", every reference
 * resolves, and the data is synthetic (roles, not people; no children at all).
 */
import { cycleStartYear } from '../format/dates';
import type { Framework } from '../framework/types';
import type {
  CriterionAssessment,
  CycleBundle,
  EvidenceItem,
  HistoryEntry,
  ImprovementAction,
  Recommendation,
  WorkspaceContent,
} from '../workspace/records';
import { DEFAULT_PROTECTIVE_MARKING, NOT_YET_GRADED } from '../workspace/vocabulary';
import { carryForward } from './carry-forward';
import { DEMO_COUNCIL, DEMO_EVIDENCE, type DemoEvidence } from './demo-workspace-content';
import { DEMO_ACTIONS, DEMO_RECOMMENDATIONS } from './demo-workspace-improvement';
import { buildDemoAudits } from './demo-workspace-audits';
import { DEMO_CRITERIA, DEMO_NEVER_GRADED, type DemoCriterion } from './demo-workspace-criteria';
import { DEMO_JUDGEMENTS, DEMO_LAST_YEAR_NARRATIVES, DEMO_NARRATIVES } from './demo-workspace-narratives';
import { startCycle, type CycleAuthor } from './new-cycle';

export interface DemoOptions {
  /** yyyy-mm-dd */
  today: string;
  by: string;
  makeId: () => string;
}

interface Demo extends DemoOptions {
  startYear: number;
  /** yyyy-mm-dd, `months` whole months before today (negative: after). */
  monthsAgo: (months: number) => string;
  evidence: EvidenceItem[];
  evidenceByKey: Map<string, EvidenceItem>;
}

export function buildDemoWorkspace(framework: Framework, options: DemoOptions): WorkspaceContent {
  if (framework.id !== 'ilacs-2023') throw new Error('The example workspace is written for ILACS 2023 only.');
  const today = options.today.slice(0, 10);
  const monthsAgo = (months: number) => shiftMonths(today, -months);
  const evidence = DEMO_EVIDENCE.map((e) => evidenceItem(options, e, monthsAgo(e.monthsAgo)));
  const evidenceByKey = new Map(DEMO_EVIDENCE.map((e, i) => [e.key, evidence[i]!]));
  const startYear = cycleStartYear(today);
  const demo: Demo = { ...options, today, startYear, monthsAgo, evidence, evidenceByKey };

  const lastYear = buildLastYear(framework, demo);
  const current = buildCurrentYear(framework, demo, lastYear);
  const recommendations = DEMO_RECOMMENDATIONS.map((r) => recommendation(demo, r));
  const recommendationId = new Map(DEMO_RECOMMENDATIONS.map((r, i) => [r.key, recommendations[i]!.id]));
  return {
    settings: { councilName: DEMO_COUNCIL, userName: '', protectiveMarking: DEFAULT_PROTECTIVE_MARKING },
    cycles: [lastYear.cycle, current.cycle],
    criterionAssessments: [...lastYear.criterionAssessments, ...current.criterionAssessments],
    judgementAssessments: [...lastYear.judgementAssessments, ...current.judgementAssessments],
    narratives: [...lastYear.narratives, ...current.narratives],
    evidence,
    actions: DEMO_ACTIONS.map((a) => action(demo, a, recommendationId)),
    recommendations,
    ...buildDemoAudits(framework, demo),
  };
}

const at = (date: string, time = '09:00') => `${date}T${time}:00.000Z`;

/** Last year: graded through the year, agreed, and finalised on 20 March. */
function buildLastYear(framework: Framework, demo: Demo): CycleBundle {
  const year = demo.startYear - 1;
  const finalisedOn = `${demo.startYear}-03-20`;
  const editedOn = `${demo.startYear}-03-06`;
  const author: CycleAuthor = { by: demo.by, now: at(`${year}-04-07`) };
  const edited: CycleAuthor = { by: demo.by, now: at(editedOn) };
  const bundle = startCycle({ framework, startYear: year, author, makeId: demo.makeId });
  // Last year could only cite evidence that existed when it was last edited.
  const citable = (keys: string[]) => evidenceIds(demo, keys).filter((id) => dateOf(demo, id) <= editedOn);
  for (const assessment of bundle.criterionAssessments) {
    const entry = DEMO_CRITERIA[assessment.criterionId];
    if (entry) fillLastYear(assessment, entry, citable(entry.evidence), edited);
    else assessment.assignee = DEMO_NEVER_GRADED[assessment.criterionId] ?? '';
  }
  for (const assessment of bundle.judgementAssessments) {
    assessment.agreedGrade = DEMO_JUDGEMENTS[assessment.judgementId]?.lastYear;
    stamp(assessment, edited);
  }
  for (const narrative of bundle.narratives) {
    narrative.answers = { ...DEMO_LAST_YEAR_NARRATIVES[narrative.judgementId] };
    stamp(narrative, edited);
  }
  const finalisedAt = at(finalisedOn, '16:00');
  Object.assign(bundle.cycle, { status: 'final', finalisedAt, finalisedBy: demo.by, updatedAt: finalisedAt });
  return bundle;
}

function fillLastYear(
  assessment: CriterionAssessment,
  entry: DemoCriterion,
  evidenceIds: string[],
  author: CycleAuthor,
) {
  const text = entry.before ?? { strengths: entry.strengths, areas: entry.areas };
  Object.assign(assessment, {
    grade: entry.lastYear,
    confidence: entry.confidence,
    status: 'agreed',
    assignee: entry.assignee,
    strengths: text.strengths,
    areasForDevelopment: text.areas,
    evidenceIds,
    history: [change(author, 'grade', NOT_YET_GRADED, entry.lastYear)],
  });
  stamp(assessment, author);
}

/** This year: carried forward on 1 April, then mostly looked at again; a few still to re-evaluate. */
function buildCurrentYear(framework: Framework, demo: Demo, lastYear: CycleBundle): CycleBundle {
  const carriedOn: CycleAuthor = { by: demo.by, now: at(`${demo.startYear}-04-01`) };
  const bundle = carryForward({
    previous: lastYear,
    fromFramework: framework,
    toFramework: framework,
    startYear: demo.startYear,
    author: carriedOn,
    makeId: demo.makeId,
  });
  const edited: CycleAuthor = { by: demo.by, now: at(demo.today, '09:30') };
  for (const assessment of bundle.criterionAssessments) {
    const entry = DEMO_CRITERIA[assessment.criterionId];
    if (entry && !entry.carried) regrade(assessment, entry, evidenceIds(demo, entry.evidence), edited);
  }
  for (const assessment of bundle.judgementAssessments) {
    const entry = DEMO_JUDGEMENTS[assessment.judgementId];
    if (!entry) continue;
    const history = [...assessment.history];
    if (assessment.agreedGrade !== entry.grade)
      history.push(change(edited, 'agreedGrade', assessment.agreedGrade ?? '', entry.grade));
    Object.assign(assessment, {
      agreedGrade: entry.grade,
      rationale: entry.rationale,
      toReEvaluate: false,
      history,
    });
    stamp(assessment, edited);
  }
  for (const narrative of bundle.narratives) {
    narrative.answers = { ...DEMO_NARRATIVES[narrative.judgementId] };
    narrative.toReEvaluate = false;
    stamp(narrative, edited);
  }
  return bundle;
}

function regrade(
  assessment: CriterionAssessment,
  entry: DemoCriterion,
  evidenceIds: string[],
  author: CycleAuthor,
) {
  const history = [...assessment.history];
  if (assessment.grade !== entry.grade) history.push(change(author, 'grade', assessment.grade, entry.grade));
  if (assessment.status !== entry.status)
    history.push(change(author, 'status', assessment.status, entry.status));
  Object.assign(assessment, {
    grade: entry.grade,
    confidence: entry.confidence,
    status: entry.status,
    assignee: entry.assignee,
    strengths: entry.strengths,
    areasForDevelopment: entry.areas,
    evidenceIds,
    toReEvaluate: false,
    history,
  });
  stamp(assessment, author);
}

function evidenceItem(options: DemoOptions, e: DemoEvidence, date: string): EvidenceItem {
  const { key: _key, monthsAgo: _monthsAgo, ...fields } = e;
  return {
    id: options.makeId(),
    createdAt: at(date),
    updatedAt: at(date),
    updatedBy: options.by,
    ...fields,
    date,
  };
}

function recommendation(demo: Demo, r: (typeof DEMO_RECOMMENDATIONS)[number]): Recommendation {
  const { key: _key, monthsAgo, judgementIds, ...fields } = r;
  const date = demo.monthsAgo(monthsAgo);
  const meta = { id: demo.makeId(), createdAt: at(date), updatedAt: at(demo.today), updatedBy: demo.by };
  return { ...meta, ...fields, date, judgementIds: [...judgementIds] };
}

function action(
  demo: Demo,
  a: (typeof DEMO_ACTIONS)[number],
  recommendationId: Map<string, string>,
): ImprovementAction {
  const created = at(demo.monthsAgo(11));
  return {
    id: demo.makeId(),
    createdAt: created,
    updatedAt: at(demo.today),
    updatedBy: demo.by,
    title: a.title,
    description: a.description,
    owner: a.owner,
    dueDate: demo.monthsAgo(-a.dueInMonths),
    status: a.status,
    rag: a.rag,
    ...(a.completedMonthsAgo === undefined ? {} : { completedAt: demo.monthsAgo(a.completedMonthsAgo) }),
    progressNotes: a.notes.map((n) => ({ at: at(demo.monthsAgo(n.monthsAgo)), by: a.owner, text: n.text })),
    criterionIds: [...a.criteria],
    judgementIds: [...a.judgements],
    recommendationIds: a.recommendations.flatMap((key) => recommendationId.get(key) ?? []),
    auditIds: [],
  };
}

function evidenceIds(demo: Demo, keys: string[]): string[] {
  return keys.flatMap((key) => demo.evidenceByKey.get(key)?.id ?? []);
}

function dateOf(demo: Demo, evidenceId: string): string {
  return demo.evidence.find((e) => e.id === evidenceId)?.date ?? '';
}

function change(author: CycleAuthor, field: string, from: string, to: string): HistoryEntry {
  return { at: author.now, by: author.by, field, from, to };
}

function stamp(record: { updatedAt: string; updatedBy: string }, author: CycleAuthor) {
  record.updatedAt = author.now;
  record.updatedBy = author.by;
}

/** The same day `months` calendar months later (earlier when negative), clamped to the month's end. */
function shiftMonths(date: string, months: number): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const lastDay = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(day, lastDay))}`;
}
