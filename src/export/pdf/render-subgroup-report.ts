/*
 * The audit subgroup's report as a PDF for the safeguarding partnership: what the chosen audits found,
 * the protective marking on every page. Lays out a SubgroupReport; decides nothing. A section with
 * nothing to show says so in a sentence rather than printing an empty table.
 */
import type { RowInput } from 'jspdf-autotable';
import type { SubgroupReport } from '../../domain/case-audit/subgroup-report';
import { formatDate } from '../../domain/format/dates';
import { FONT, PAGE, PdfWriter, TEXT_WIDTH, type PdfFonts } from './pdf-writer';

const NUMERIC = { halign: 'right' as const };

export function renderSubgroupReportPdf(report: SubgroupReport, fonts: PdfFonts): Uint8Array {
  const w = new PdfWriter(fonts);
  w.doc.setProperties({
    title: `${report.title} – ${report.council}`,
    subject: report.scope,
    creator: 'Readiness Workbook',
    ...(report.preparedBy ? { author: report.preparedBy } : {}),
  });
  w.write(report.marking, { size: 9, bold: true });
  w.write(`${report.council} · ${report.framework}`, { size: 11 });
  w.heading(report.title, 18);
  w.write(report.scope, { size: 12, bold: true });
  w.write(`Printed ${formatDate(report.printed)}${report.preparedBy ? ` by ${report.preparedBy}` : ''}`, {
    size: 9,
  });
  w.y += 2;

  const { counts } = report;
  w.prose(
    `${counts.inScope} ${counts.inScope === 1 ? 'audit' : 'audits'} in scope: ${counts.completed} completed and counted in the figures${counts.drafts ? `, ${counts.drafts} still in draft and left out` : ''}; ${counts.moderated} moderated. Audits graded not applicable are left out of each figure and shown as not counted; a moderated grade stands in for the auditor’s.`,
  );

  if (counts.completed === 0) {
    section(w, 'Good or better');
    w.prose('No completed audits in scope yet, so there are no figures to show.');
  } else
    report.distributions.forEach((t, i) =>
      fittedTable(w, {
        ...(i === 0 ? { section: 'Good or better' } : {}),
        title: t.title,
        head: [t.heading, 'Audits', ...t.levels, 'Good or better', 'Not counted'],
        body: t.rows.map((r) => [
          r.label,
          String(r.audits),
          ...r.counts.map(String),
          // A no-break space: the share and its count stay on one line.
          r.percent === null ? r.share : `${r.share}\u00a0(${r.goodOrBetter})`,
          String(r.notCounted),
        ]),
        flexible: [0],
        numeric: t.levels
          .map((_, i) => i + 1)
          .concat([t.levels.length + 1, t.levels.length + 2, t.levels.length + 3]),
        bold: [t.levels.length + 2],
      }),
    );

  section(w, 'Moderation agreement');
  if (report.agreement.length === 0) w.prose('No moderated audits in scope yet.');
  else {
    w.prose(report.agreementNote, 9);
    for (const t of report.agreement)
      fittedTable(w, {
        title: t.title,
        head: [t.heading, 'Pairs', 'Exact agreement', 'Within one grade', 'Cohen’s kappa', 'Weighted kappa'],
        body: t.rows.map((r) =>
          [r.label, r.pairs, keepTogether(r.exact), keepTogether(r.withinOne), r.kappa, r.weightedKappa].map(
            String,
          ),
        ),
        flexible: [0, 4, 5],
        numeric: [1, 2, 3, 4, 5],
      });
  }

  if (report.moderations.length === 0) {
    section(w, 'Moderations that stand');
    w.prose('No audit in scope has a submitted moderation.');
  } else
    fittedTable(w, {
      section: 'Moderations that stand',
      head: [
        'Case',
        'Moderator',
        'Auditor’s grade',
        'Moderator’s grade',
        'Grade that stands',
        'Agreed',
        'Reason',
      ],
      body: report.moderations.map((m) => [
        `${m.caseReference}\n${formatDate(m.submitted)}`,
        m.moderator,
        m.auditorGrade,
        m.moderatorGrade,
        m.standingGrade,
        m.agreed,
        m.reason,
      ]),
      flexible: [1, 6],
    });

  if (report.themes.length === 0) {
    section(w, 'Recurring themes');
    w.prose('No themes tagged on the completed audits in scope.');
  } else
    fittedTable(w, {
      section: 'Recurring themes',
      head: ['Theme', 'Audits'],
      body: report.themes.map((t) => [t.theme, String(t.count)]),
      flexible: [0],
      numeric: [1],
    });

  if (report.escalations.length === 0) {
    section(w, 'Safeguarding escalations and responses');
    w.prose('No safeguarding concern was escalated from the audits in scope.');
  } else
    fittedTable(w, {
      section: 'Safeguarding escalations and responses',
      head: ['Case', 'Raised', 'Concern', 'Responses', 'Status'],
      body: report.escalations.map((e) => [
        e.caseReference,
        `${formatDate(e.raised)}\n${e.raisedBy}`,
        e.concern,
        e.responses.length
          ? e.responses.map((r) => `${formatDate(r.at)} ${r.by}: told ${r.toldWho}. ${r.action}`).join('\n')
          : 'No response recorded yet',
        e.closed ? `${e.status}\n${formatDate(e.closed)}` : e.status,
      ]),
      flexible: [2, 3],
    });

  if (report.auditActions.length === 0 && report.improvementActions.length === 0) {
    section(w, 'Actions arising');
    w.prose('No actions were recorded on the audits in scope or linked to them.');
  }
  if (report.auditActions.length)
    fittedTable(w, {
      section: 'Actions arising',
      title: 'From the audits: for the practitioner and the manager',
      head: ['Case', 'For the practitioner', 'For the manager', 'Practitioner’s response'],
      body: report.auditActions.map((a) => [
        a.caseReference,
        bullets(a.practitioner),
        bullets(a.manager),
        bullets(a.response),
      ]),
      flexible: [1, 2, 3],
    });
  if (report.improvementActions.length)
    fittedTable(w, {
      ...(report.auditActions.length ? {} : { section: 'Actions arising' }),
      title: 'Improvement actions linked to these audits',
      head: ['Action', 'Owner', 'Due', 'Status', 'RAG', 'Audits'],
      body: report.improvementActions.map((a) => [
        a.title,
        a.owner,
        formatDate(a.due),
        a.status,
        a.rag,
        a.audits,
      ]),
      flexible: [0, 1, 5],
    });

  w.frame({
    headerLeft: `${report.council} · ${report.title}`,
    headerRight: report.marking,
    footer: `${report.marking} · ${report.title} · ${report.scope} · printed ${formatDate(report.printed)}`,
  });
  return new Uint8Array(w.doc.output('arraybuffer'));
}

/** A section heading never ends a page: it keeps room for what follows it. */
function section(w: PdfWriter, title: string): void {
  w.ensure(40);
  w.heading(title, 14);
}

/** "80% (8)" on one line: a no-break space before the count. */
function keepTogether(share: string): string {
  return share.replace(' (', '\u00a0(');
}

const CELL_PADDING = 1.6;
const FONT_SIZE = 8.5;
const LINE_MM = FONT_SIZE * 0.3528 * 1.15;
/** A column is never narrower than this, nor (unless flexible) wider than MAX_FIXED. */
const MIN_COLUMN = 12;
const MAX_FIXED = 42;
/** Room for grid lines and rounding, so a table judged to fit does fit. */
const SAFETY = 6;

interface FittedTable {
  /** A section heading to print first, kept on the page with the table. */
  section?: string;
  title?: string;
  head: string[];
  body: string[][];
  /** Columns of long text: they share what the others leave. */
  flexible: number[];
  numeric?: number[];
  bold?: number[];
}

/**
 * A table whose short columns are as wide as their longest word (so no grade, date or reference is
 * ever broken), long-text columns sharing the rest; kept whole on one page when it fits on one, its
 * title always with it.
 */
function fittedTable(w: PdfWriter, t: FittedTable): void {
  const natural = t.head.map(
    (heading, c) =>
      Math.max(
        MIN_COLUMN,
        longestWord(w, heading, 'bold'),
        ...t.body.map((row) => longestWord(w, row[c] ?? '', t.bold?.includes(c) ? 'bold' : 'normal')),
      ) +
      2 * CELL_PADDING +
      0.6,
  );
  const widths = natural.map((n, c) => (t.flexible.includes(c) ? n : Math.min(n, MAX_FIXED)));
  const fixed = widths.reduce((sum, n, c) => (t.flexible.includes(c) ? sum : sum + n), 0);
  const flexibleNatural = t.flexible.map((c) => widths[c]!);
  const left = Math.max(t.flexible.length * MIN_COLUMN, TEXT_WIDTH - fixed);
  // Flexible columns get at least their longest word when there is room, and share the rest evenly.
  const floor =
    flexibleNatural.reduce((a, b) => a + b, 0) <= left ? flexibleNatural : t.flexible.map(() => 0);
  const spare = left - floor.reduce((a, b) => a + b, 0);
  t.flexible.forEach((c, i) => (widths[c] = floor[i]! + spare / t.flexible.length));
  const columnStyles: Record<number, object> = {};
  widths.forEach((cellWidth, c) => {
    columnStyles[c] = {
      cellWidth,
      ...(t.numeric?.includes(c) ? NUMERIC : {}),
      ...(t.bold?.includes(c) ? { fontStyle: 'bold' } : {}),
    };
  });
  const rowHeights = t.body.map((row) => heightOf(w, row, widths, 'normal'));
  const headHeight = heightOf(w, t.head, widths, 'bold');
  const titleHeight = (t.title ? 7 : 0) + (t.section ? 12 : 0);
  const whole = titleHeight + headHeight + rowHeights.reduce((a, b) => a + b, 0) + SAFETY;
  const usable = PAGE.height - PAGE.bottom - PAGE.top;
  const firstRows = titleHeight + headHeight + rowHeights.slice(0, 2).reduce((a, b) => a + b, 0) + SAFETY;
  w.ensure(whole <= usable ? whole : firstRows);
  if (t.section) w.heading(t.section, 14);
  if (t.title) {
    w.write(t.title, { size: 11, bold: true });
    w.y += 0.5;
  }
  w.table(t.head, t.body as RowInput[], { columnStyles: columnStyles as never });
}

function heightOf(w: PdfWriter, row: string[], widths: number[], style: 'bold' | 'normal'): number {
  w.doc.setFont(FONT, style);
  w.doc.setFontSize(FONT_SIZE);
  const lines = Math.max(
    1,
    ...row.map((text, c) => (w.doc.splitTextToSize(text, widths[c]! - 2 * CELL_PADDING) as string[]).length),
  );
  w.doc.setFont(FONT, 'normal');
  return lines * LINE_MM + 2 * CELL_PADDING;
}

function longestWord(w: PdfWriter, text: string, style: 'bold' | 'normal'): number {
  w.doc.setFont(FONT, style);
  w.doc.setFontSize(FONT_SIZE);
  const width = Math.max(0, ...text.split(/[ \t\r\n]+/).map((word) => w.doc.getTextWidth(word)));
  w.doc.setFont(FONT, 'normal');
  return width;
}

/** Lines typed with "- " print as bullets. */
function bullets(text: string): string {
  return text.replace(/^\s*[-*]\s+/gm, '• ');
}
