/*
 * The engagement meeting pack's own words (headings, sentences for what is missing), once for the PDF
 * and the Word document, so the two files never word the same thing differently.
 */
import { formatDate } from '../format/dates';
import type { EngagementPack } from './engagement-pack';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const engagementPackWords = {
  summary: 'The self-evaluation in summary',
  changes: 'What has changed since the last meeting',
  nothingWritten: 'Nothing written yet.',
  inspection: 'Since the last inspection',
  keyFigures: 'Key figures',
  indicators: 'Scorecard: latest values',
  noLetter:
    'No annual engagement letter is in the recommendations tracker yet: add its actions there, with the source “Annual engagement letter”, to report on them here.',
  noInspection:
    'No inspection report has been added yet: add it on the Recommendations page, with “Read an inspection report (PDF)”.',
  audits: (pack: EngagementPack) => `${pack.words.auditFindings}: good or better`,
  noIndicators: 'No scorecard indicators recorded yet.',
  intro: (pack: EngagementPack) =>
    [
      `For the annual engagement meeting with Ofsted. ${pack.cover.cycleLabel} self-assessment (${pack.cover.status.toLowerCase()}), as at ${formatDate(pack.cover.date)}.`,
      pack.cover.preparedBy ? `Prepared by ${pack.cover.preparedBy}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  letter: (pack: EngagementPack) =>
    pack.lastLetter
      ? `Progress on the last letter (${formatDate(pack.lastLetter.date)})`
      : 'Progress on the last letter',
  progressLine: (total: number) => `The letter asked for ${plural(total, 'action', 'actions')}.`,
  inspectionLine: (part: NonNullable<EngagementPack['lastInspection']>) =>
    `${part.title} of ${formatDate(part.date)}.`,
  inspectionRecommendations: (total: number) => `The inspection’s recommendations (${total})`,
  footer: (pack: EngagementPack) =>
    `${pack.cover.marking} · ${pack.cover.title} · printed ${formatDate(pack.cover.date)}${pack.cover.status === 'Draft' ? ' · DRAFT' : ''}`,
};
