/*
 * The headings reports and letters use, in our own patterns: which section a line opens. A contents
 * page lists the same headings followed by a page number, so a heading must stand alone on its line.
 */
import { isLargerThanBody, normalise } from './report-lines';
import type { ReportLine } from './types';

export type SectionHeading =
  | 'priority-immediate-action'
  | 'priority-action'
  | 'improve'
  | 'improvement'
  | 'lscb-review'
  | 'areas-looked-at'
  | 'findings'
  | 'other';

const HEADINGS: [SectionHeading, RegExp][] = [
  [
    'priority-immediate-action',
    /^areas? for priority and immediate action( for the (local authority|lscb))?$/,
  ],
  ['priority-action', /^(areas? for priority action|priority actions?)$/],
  ['improve', /^what (needs|does the local authority need) to improve( in [a-z' ,-]+)?$/],
  ['improvement', /^(areas? for improvement|recommendations)( for the (local authority|lscb|partnership))?$/],
  [
    'lscb-review',
    /^(review of the effectiveness of the (local safeguarding|lscb)|the local safeguarding children board( \(lscb\))?$)/,
  ],
  [
    'areas-looked-at',
    /^(areas covered by (the|this) (visit|inspection)|areas covered|what inspectors looked at|scope of the (visit|inspection))$/,
  ],
  [
    'findings',
    /^(headline findings|findings|main findings|findings and evaluation of progress|overview|summary of findings|key findings)$/,
  ],
  [
    'other',
    /^(summary|contents|executive summary|information about this (inspection|local authority|visit)|next steps|recommendations for the partnership|yours sincerely|case study.*|strengths|good practice)$/,
  ],
];

export function sectionHeading(text: string): SectionHeading | undefined {
  const normal = normalise(text);
  return HEADINGS.find(([, pattern]) => pattern.test(normal))?.[0];
}

/** A line set larger than body text, or a known heading, closes the section before it. */
export function isHeading(line: ReportLine, body: number): boolean {
  return isLargerThanBody(line, body) || sectionHeading(line.text) !== undefined;
}
