/*
 * What is read from an Ofsted report or letter: the kinds of document, the text lines the PDF door
 * hands over (page, position, size) and the findings read from them. Every finding keeps the lines it
 * came from, so the user sees what was read beside the page text before anything is saved.
 */
import type { RecommendationSource } from '../workspace/vocabulary';

export const REPORT_KINDS = {
  'ilacs-report': 'ILACS inspection report',
  'sif-report': 'Single inspection framework (SIF) report, with the LSCB review',
  'focused-visit': 'Focused visit letter',
  'monitoring-visit': 'Monitoring visit letter',
  jtai: 'Joint targeted area inspection (JTAI) letter',
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;

/** Where each kind goes in the tracker's "source". */
export const SOURCE_OF_KIND: Record<ReportKind, RecommendationSource> = {
  'ilacs-report': 'inspection',
  'sif-report': 'inspection',
  'focused-visit': 'focused-visit',
  'monitoring-visit': 'monitoring-visit',
  jtai: 'jtai',
};

/** One line of a page as the PDF lays it out: words on one baseline, left to right. */
export interface ReportLine {
  /** 1-based page number. */
  page: number;
  /** 1-based line number within the page, top first. */
  line: number;
  text: string;
  /** Left edge and distance of the baseline from the top of the page, in points. */
  x: number;
  y: number;
  /** The tallest text on the line, in points: headings are larger than body text. */
  size: number;
}

export interface ReportText {
  pageCount: number;
  lines: ReportLine[];
}

export interface LineRef {
  page: number;
  line: number;
}

export interface ReadJudgement {
  /** The name as the report prints it. */
  name: string;
  /** The grade as the report prints it. */
  grade: string;
  /** The framework's judgement and level, when the name and grade are the framework's words. */
  judgementId?: string;
  levelId?: string;
  from: LineRef[];
}

export const LIST_KINDS = {
  'priority-action': 'Areas for priority action',
  'priority-immediate-action': 'Areas for priority and immediate action',
  improve: 'What needs to improve',
  improvement: 'Areas for improvement',
  'lscb-improvement': 'Areas for improvement (LSCB)',
} as const;
export type ListKind = keyof typeof LIST_KINDS;

export interface ReadItem {
  list: ListKind;
  /** The number the report gives the item, or its place in the list when the report uses bullets. */
  number: number;
  numberedByReport: boolean;
  text: string;
  from: LineRef[];
}

export interface ReadBlock {
  text: string;
  from: LineRef[];
}

export interface DateRange {
  /** yyyy-mm-dd */
  start: string;
  end: string;
}

export interface ReadReport {
  kind: ReportKind;
  /** The words that name the kind of document. */
  kindFrom: LineRef[];
  council?: { name: string; from: LineRef[] };
  fieldwork?: DateRange & { from: LineRef[] };
  /** yyyy-mm-dd: the date the report was published or the letter sent. */
  published?: { date: string; from: LineRef[] };
  framework?: { id: string; version: number; title: string };
  judgements: ReadJudgement[];
  items: ReadItem[];
  /** Letters: the areas the visit looked at, and what inspectors found. */
  areasLookedAt: ReadBlock[];
  findings: ReadBlock[];
  /** Things read that the user should check: plain UK English. */
  warnings: string[];
}

export type RefusalCode = 'no-text' | 'not-a-report';

export type ReadReportResult =
  { ok: true; report: ReadReport } | { ok: false; code: RefusalCode; message: string };
