/*
 * The annual engagement meeting pack as plain data: the self-evaluation summary, what the director says
 * has changed since the last meeting, progress on the last letter's and the last inspection's
 * recommendations, and the key figures. Every figure is taken from the annual report's model and from
 * changes-since-inspection.ts, so the pack never disagrees with the pages or the self-assessment export.
 */
import { buildReport, type ReportInput } from '../report/build-report';
import type { AuditFindings, ReportModel, ScorecardRow, Tone } from '../report/report-model';
import type { Framework } from '../framework/types';
import type { LastInspection } from '../inspection-report/last-inspection';
import { REPORT_KINDS } from '../inspection-report/types';
import {
  compareWithLastInspection,
  lastLetterProgress,
  RECOMMENDATION_PROGRESS,
  type RecommendationProgress,
  type RecommendationProgressStatus,
} from '../self-assessment/changes-since-inspection';
import { agreedGrades } from '../self-assessment/cycle-overview';
import { inspectionTypesFor } from './inspection-rhythm';
import { TEXT_LIMITS } from '../workspace/limits';

/** What the director writes about, in the order the meeting takes them. */
export const ENGAGEMENT_CHANGE_TOPICS = {
  leaders: 'Leaders',
  structures: 'Structures',
  practiceModel: 'Practice model',
  systems: 'Systems',
} as const;
export type EngagementChangeTopic = keyof typeof ENGAGEMENT_CHANGE_TOPICS;
export type EngagementChanges = Record<EngagementChangeTopic, string>;

export const NO_ENGAGEMENT_CHANGES: EngagementChanges = {
  leaders: '',
  structures: '',
  practiceModel: '',
  systems: '',
};

/** The four texts from whatever is stored: a text of the right type and length is kept, anything else is empty. */
export function readEngagementChanges(stored: unknown): EngagementChanges {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const text = (topic: EngagementChangeTopic) => {
    const t = value[topic];
    return typeof t === 'string' ? t.slice(0, TEXT_LIMITS.longText) : '';
  };
  return {
    leaders: text('leaders'),
    structures: text('structures'),
    practiceModel: text('practiceModel'),
    systems: text('systems'),
  };
}

/**
 * Whether Ofsted holds an annual engagement meeting under this framework: they came with ILACS in 2018;
 * under the SIF there were none, and a safeguarding partnership has none. A council's own framework may
 * be either, so it is offered the meeting.
 */
export function hasEngagementMeetings(framework: Pick<Framework, 'id'>): boolean {
  return inspectionTypesFor(framework).includes('ilacs-standard');
}

export interface EngagementPackInput extends ReportInput {
  changes: EngagementChanges;
  lastInspection?: LastInspection;
  inspectionFramework?: Framework;
}

export interface ProgressLine {
  status: string;
  count: number;
}

export interface ProgressItem {
  reference: string;
  text: string;
  status: string;
  statusTone: Tone;
}

export interface EngagementPack {
  cover: ReportModel['cover'];
  /** The framework's own words (a partnership's "multi-agency audits"), as the annual report uses them. */
  words: ReportModel['words'];
  summary: { judgement: string; grade: string; tone: Tone; basis: string; summary: string }[];
  changes: { topic: string; text: string }[];
  /** The latest annual engagement letter's recommendations, or null when none is in the tracker. */
  lastLetter: { date: string; total: number; counts: ProgressLine[]; items: ProgressItem[] } | null;
  lastInspection: {
    title: string;
    date: string;
    judgements: { judgement: string; then: string; now: string; change: string }[];
    total: number;
    counts: ProgressLine[];
    items: ProgressItem[];
  } | null;
  indicators: ScorecardRow[];
  /** The annual report's audit findings: good or better by judgement, from the same function. */
  audits: AuditFindings;
}

const TONE_OF_PROGRESS: Record<RecommendationProgressStatus, Tone> = {
  'no-action': 'red',
  'in-progress': 'amber',
  'actions-complete': 'blue',
  closed: 'green',
};

const CHANGE_WORDS = {
  up: 'Better',
  down: 'Worse',
  same: 'Same',
  'newly-graded': 'Not graded then',
  'no-longer-graded': 'Not graded yet',
  'not-compared': 'Not judged in this framework',
} as const;

export function buildEngagementPack(input: EngagementPackInput): EngagementPack {
  const report = buildReport(input);
  const letter = lastLetterProgress(input.recommendations, input.actions);
  const agreedIds = agreedGrades(input.bundle);
  return {
    cover: { ...report.cover, title: `Annual engagement meeting pack ${report.cover.cycleLabel}` },
    words: report.words,
    summary: report.judgements.map((j) => {
      const agreed = agreedIds[j.id] !== undefined;
      return {
        judgement: j.heading,
        grade: agreed ? j.agreed : j.proposed,
        tone: agreed ? j.agreedTone : j.proposedTone,
        basis: agreed ? 'Agreed' : j.proposed === 'Not yet graded' ? '' : 'Proposed from the criteria',
        summary: firstLine(agreed && j.rationale.trim() ? j.rationale : j.proposalExplanation),
      };
    }),
    changes: (Object.keys(ENGAGEMENT_CHANGE_TOPICS) as EngagementChangeTopic[]).map((topic) => ({
      topic: ENGAGEMENT_CHANGE_TOPICS[topic],
      text: input.changes[topic].trim(),
    })),
    lastLetter: letter ? { date: letter.date, ...progressInWords(letter.progress) } : null,
    lastInspection: inspectionPart(input),
    indicators: report.scorecard,
    audits: report.auditFindings,
  };
}

function inspectionPart(input: EngagementPackInput): EngagementPack['lastInspection'] {
  const last = input.lastInspection;
  if (!last) return null;
  const { framework } = input;
  const comparison = compareWithLastInspection({
    framework,
    ...(input.inspectionFramework ? { inspectionFramework: input.inspectionFramework } : {}),
    lastInspection: last,
    current: input.bundle,
    recommendations: input.recommendations,
    actions: input.actions,
  });
  return {
    title: REPORT_KINDS[last.kind],
    date: comparison.date,
    judgements: comparison.judgements.map((row) => ({
      judgement: row.title,
      then: row.atInspection?.label ?? 'Not judged',
      now: row.now
        ? `${row.now.label}${row.now.source === 'proposed' ? ' (proposed)' : ''}`
        : 'Not graded yet',
      change: CHANGE_WORDS[row.direction],
    })),
    ...progressInWords(comparison.recommendations),
  };
}

function progressInWords(progress: RecommendationProgress) {
  const statuses = Object.keys(RECOMMENDATION_PROGRESS) as RecommendationProgressStatus[];
  return {
    total: progress.total,
    counts: statuses.map((s) => ({ status: RECOMMENDATION_PROGRESS[s], count: progress.counts[s] })),
    items: progress.items.map((i) => ({
      reference: i.reference || (i.priorityAction ? 'Area for priority action' : 'Recommendation'),
      text: i.text,
      status: RECOMMENDATION_PROGRESS[i.status],
      statusTone: TONE_OF_PROGRESS[i.status],
    })),
  };
}

/** The first line of a text, so the summary stays one line a judgement. */
function firstLine(text: string): string {
  return text.trim().split(/\n/)[0]?.trim() ?? '';
}
