/*
 * The tables of the engagement meeting pack, defined once for the PDF and the Word document (as
 * report/tables.ts does for the annual self-assessment), so the two files always print the same table.
 */
import { formatDate } from '../format/dates';
import { byJudgementTable, type ReportTable } from '../report/tables';
import type { EngagementPack, ProgressItem, ProgressLine } from './engagement-pack';

export function packSummaryTable(pack: EngagementPack): ReportTable {
  return {
    columns: [
      { heading: 'Judgement', kind: 'text' },
      { heading: 'Grade', kind: 'short' },
      { heading: 'In one line', kind: 'text' },
    ],
    rows: pack.summary.map((s) => [
      s.judgement,
      { text: s.basis ? `${s.grade} (${s.basis.toLowerCase()})` : s.grade, tone: s.tone },
      s.summary || 'Not written yet',
    ]),
  };
}

export function packProgressCountsTable(counts: readonly ProgressLine[]): ReportTable {
  return {
    columns: counts.map((c) => ({ heading: c.status, kind: 'short' as const })),
    rows: [counts.map((c) => String(c.count))],
  };
}

export function packProgressItemsTable(items: readonly ProgressItem[]): ReportTable {
  return {
    columns: [
      { heading: 'Reference', kind: 'short' },
      { heading: 'Recommendation', kind: 'text' },
      { heading: 'Where it has got', kind: 'short' },
    ],
    rows: items.map((i) => [i.reference, i.text, { text: i.status, tone: i.statusTone }]),
  };
}

export function packInspectionTable(part: NonNullable<EngagementPack['lastInspection']>): ReportTable {
  return {
    columns: [
      { heading: 'Judgement', kind: 'text' },
      { heading: `At the inspection (${formatDate(part.date)})`, kind: 'short' },
      { heading: 'Now', kind: 'short' },
      { heading: 'Change', kind: 'short' },
    ],
    rows: part.judgements.map((j) => [j.judgement, j.then, j.now, j.change]),
  };
}

export function packIndicatorsTable(pack: EngagementPack): ReportTable {
  return {
    columns: [
      { heading: 'Indicator', kind: 'text' },
      { heading: 'Latest', kind: 'short' },
      { heading: 'Target', kind: 'short' },
      { heading: 'RAG', kind: 'short' },
      { heading: 'Direction', kind: 'short' },
    ],
    rows: pack.indicators.map((i) => [
      i.name,
      [i.latest, i.latestPeriod].filter((p) => p.trim()).join('\n'),
      i.target,
      { text: i.rag, tone: i.ragTone },
      i.direction,
    ]),
  };
}

export function packAuditsTable(pack: EngagementPack): ReportTable {
  return byJudgementTable(pack.audits);
}
