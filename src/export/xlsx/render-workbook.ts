/*
 * The annual self-assessment as an Excel workbook: one sheet per subject, every field, header row
 * frozen, autofilter, widths, real dates shown dd/mm/yyyy, and no cell a spreadsheet would run as a
 * formula. Lays out a ReportModel; decides nothing.
 */
import * as XLSX from 'xlsx';
import type { ReportModel } from '../../domain/report/report-model';
import { neutraliseFormula } from '../safe-text';
import { freezeHeaderRows } from './freeze-header';
import { withLongTextSheet } from './long-text';

type Cell = string | number | boolean | { date: string } | null;
interface SheetSpec {
  name: string;
  header: string[];
  rows: Cell[][];
}

/**
 * Dates carry their own number format. SheetJS would file "dd/mm/yyyy" under id 60, which spreadsheets
 * reserve for a built-in (locale-dependent) format; ids from 164 up are the workbook's own, so Excel and
 * LibreOffice show dd/mm/yyyy in every locale.
 */
const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_FORMAT_ID = 164;

export function renderWorkbook(model: ReportModel): Uint8Array {
  XLSX.SSF.load(DATE_FORMAT, DATE_FORMAT_ID);
  const book = XLSX.utils.book_new();
  for (const spec of withLongTextSheet(sheetsOf(model)))
    XLSX.utils.book_append_sheet(book, toSheet(spec), spec.name);
  book.Props = {
    Title: `${model.cover.title} – ${model.cover.council}`,
    Author: model.cover.preparedBy || 'Readiness Workbook',
  };
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return freezeHeaderRows(new Uint8Array(bytes));
}

function sheetsOf(m: ReportModel): SheetSpec[] {
  const date = (value: string): Cell => (value ? { date: value } : null);
  const yes = (flag: boolean) => (flag ? 'Yes' : 'No');
  return [
    {
      name: 'Summary',
      header: ['Item', 'Value'],
      rows: [
        ['Council', m.cover.council],
        ['Title', m.cover.title],
        ['Framework', `${m.cover.frameworkTitle} (version ${m.cover.frameworkVersion})`],
        ['Year', m.cover.cycleLabel],
        ['Status', m.cover.status],
        ['Date', date(m.cover.date)],
        ['Protective marking', m.cover.marking],
        ['Prepared by', m.cover.preparedBy],
        ...m.summary.map((s): Cell[] => [s.judgement, `Agreed: ${s.agreed}; proposed: ${s.proposed}`]),
      ],
    },
    {
      name: 'Judgements',
      header: [
        'Judgement',
        'Proposed grade',
        'Why proposed',
        'Agreed grade',
        'Rationale',
        'Rule checks',
        'Audits (good or better)',
      ],
      rows: m.judgements.map((j) => [
        j.title,
        j.proposed,
        j.proposalExplanation,
        j.agreed,
        j.rationale,
        j.ruleFindings.map((f) => `${f.severity === 'error' ? 'Error' : 'Warning'}: ${f.message}`).join('\n'),
        j.auditFindings?.percentGoodOrBetter != null
          ? `${j.auditFindings.percentGoodOrBetter}% of ${j.auditFindings.graded}`
          : '',
      ]),
    },
    {
      name: 'Criteria',
      header: [
        'Judgement',
        'Ref',
        'Criterion',
        'Grade',
        'Confidence',
        'Status',
        'Assigned to',
        'Strengths',
        'Areas for development',
        'Evidence',
        'To re-evaluate',
        'Audit findings',
        ...m.extensionNames,
      ],
      rows: m.judgements.flatMap((j) =>
        j.criteria.map((c) => [
          j.title,
          c.ref,
          c.title,
          c.grade,
          c.confidence,
          c.status,
          c.assignee,
          c.strengths,
          c.areasForDevelopment,
          c.evidenceRefs.join(', '),
          yes(c.toReEvaluate),
          c.auditSummary,
          ...m.extensionNames.map((n) => c.extensions[n] ?? ''),
        ]),
      ),
    },
    {
      name: 'Narrative',
      header: ['Judgement', 'Question', 'Answer'],
      rows: m.judgements.flatMap((j) => j.narrative.map((n) => [j.title, n.question, n.answer])),
    },
    {
      name: 'Evidence',
      header: [
        'Ref',
        'Title',
        'Type',
        'Date',
        'Owner',
        'Location or link',
        'Notes',
        'Stale (over 12 months)',
        'Supports criteria',
      ],
      rows: m.evidence.map((e) => [
        e.ref,
        e.title,
        e.type,
        date(e.date),
        e.owner,
        e.location,
        e.notes,
        yes(e.stale),
        e.supports,
      ]),
    },
    {
      name: 'Actions',
      header: [
        'Action',
        'What will be done',
        'Owner',
        'Due',
        'Status',
        'RAG',
        'Overdue',
        'Completed',
        'Latest progress',
        'Criteria',
        'Judgements',
        'Recommendations',
      ],
      rows: m.actions.map((a) => [
        a.title,
        a.description,
        a.owner,
        date(a.dueDate),
        a.status,
        a.rag,
        yes(a.overdue),
        date(a.completedAt),
        a.latestProgress,
        a.criteria,
        a.judgements,
        a.recommendations,
      ]),
    },
    {
      name: 'Recommendations',
      header: [
        'Ref',
        'Source',
        'Date',
        'Recommendation',
        'Area for priority action',
        'Actions',
        'What we have done so far',
        'Status',
      ],
      rows: m.recommendations.map((r) => [
        r.reference,
        r.source,
        date(r.date),
        r.text,
        yes(r.priorityAction),
        r.actions,
        r.progressSummary,
        r.status,
      ]),
    },
    {
      name: 'Audits',
      header: [
        'Case reference',
        'Case type',
        'Team',
        'Worker',
        'Auditor',
        'Date',
        'Tool',
        'Status',
        'Overall grade',
        'Moderated grade',
        'Strengths',
        'Worries',
        'Voice of the child and family',
        'Safeguarding escalation',
        'Themes',
        ...m.audits.columns.map((c) => c.heading),
      ],
      rows: m.audits.rows.map((a) => [
        a.caseReference,
        a.caseType,
        a.team,
        a.worker,
        a.auditor,
        date(a.auditDate),
        a.tool,
        a.status,
        a.overallGrade,
        a.moderatedGrade,
        a.strengths,
        a.worries,
        a.voiceOfChildAndFamily,
        a.escalation,
        a.themes,
        ...m.audits.columns.map((c) =>
          c.kind === 'date' ? date(a.answers[c.id] ?? '') : (a.answers[c.id] ?? ''),
        ),
      ]),
    },
    {
      name: 'Audit findings',
      header: [
        'Quarter',
        'Audits',
        'Graded',
        ...m.audits.overall.counts.map((c) => c.label),
        'Good or better',
        'Per cent good or better',
      ],
      rows: [...m.audits.byQuarter, { ...m.audits.overall, quarter: 'All' }].map((q) => [
        q.quarter,
        q.audits,
        q.graded,
        ...q.counts.map((c) => c.count),
        q.goodOrBetter,
        q.percentGoodOrBetter,
      ]),
    },
    {
      name: 'Moderation agreement',
      header: ['Compared', 'Pairs', 'Exact agreement', 'Within one grade', 'Cohen’s kappa', 'Weighted kappa'],
      rows: m.audits.agreement.map((r) => [
        r.compared,
        r.pairs,
        r.exact,
        r.withinOne,
        r.kappa,
        r.weightedKappa,
      ]),
    },
    {
      name: 'Scorecard',
      header: [
        'Indicator',
        'Unit',
        'Period',
        'Latest',
        'Target',
        'RAG',
        'Direction of travel',
        'Statistical neighbours',
        'Region',
        'England',
        'Criteria',
      ],
      rows: m.scorecard.map((s) => [
        s.name,
        s.unit,
        s.latestPeriod,
        s.latest,
        s.target,
        s.rag,
        s.direction,
        s.statisticalNeighbours,
        s.region,
        s.england,
        s.criteria,
      ]),
    },
    {
      name: 'Readiness checks',
      header: ['Severity', 'Check'],
      rows: m.readiness.map((r) => [r.severity === 'error' ? 'Gap' : 'Worth checking', r.message]),
    },
    {
      name: 'Changes since last year',
      header: ['What', 'Item', `${m.changes?.since ?? 'Last year'}`, 'This year', 'Change'],
      rows: m.changes
        ? [
            ...m.changes.grades.map((g): Cell[] => ['Grade', g.name, g.from, g.to, g.change]),
            ...m.changes.newEvidence.map((t): Cell[] => ['New evidence', t, '', '', '']),
            ...m.changes.retiredEvidence.map((t): Cell[] => ['Evidence no longer used', t, '', '', '']),
            ...m.changes.closedActions.map((t): Cell[] => ['Action closed', t, '', '', '']),
          ]
        : [],
    },
  ];
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function toSheet(spec: SheetSpec): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet([spec.header.map(neutraliseFormula)]);
  spec.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const address = XLSX.utils.encode_cell({ r: r + 1, c });
      const cell = toCell(value);
      if (cell) sheet[address] = cell;
    });
  });
  const lastRow = spec.rows.length;
  const lastCol = Math.max(spec.header.length, ...spec.rows.map((r) => r.length)) - 1;
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } });
  sheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } }),
  };
  sheet['!cols'] = spec.header.map((heading, c) => ({
    wch: widthOf(
      heading,
      spec.rows.map((row) => row[c] ?? null),
    ),
  }));
  return sheet;
}

function toCell(value: Cell): XLSX.CellObject | undefined {
  if (value === null || value === '') return undefined;
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (typeof value === 'object') {
    const time = Date.parse(`${value.date.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(time)) return { t: 's', v: neutraliseFormula(value.date) };
    return { t: 'n', v: (time - EXCEL_EPOCH) / 86_400_000, z: DATE_FORMAT };
  }
  return { t: 's', v: neutraliseFormula(value) };
}

function widthOf(heading: string, values: Cell[]): number {
  const longest = values.reduce<number>((max, v) => {
    if (v === null) return max;
    if (typeof v === 'object') return Math.max(max, 10);
    const firstLine = String(v).split('\n')[0] ?? '';
    return Math.max(max, firstLine.length);
  }, heading.length);
  return Math.min(60, Math.max(10, longest + 2));
}
