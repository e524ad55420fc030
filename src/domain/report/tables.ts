/*
 * The tables of the annual self-assessment, defined once for the PDF and the Word document: which
 * columns, their headings, what each cell says and how its column is sized. Both renderers lay these out
 * and add nothing, so the two documents always print the same table.
 *
 * Sizing: a `short` column (references, dates, grades, names, statuses) gets its longest word at least
 * and, where it fits, its whole text on one line, and a short tag (grade, RAG) is never wrapped; `text`
 * columns share what is left in proportion to their content. No word is ever narrower than its column
 * unless it alone is wider than `LONG_WORD` (`WHOLE_WORD` in a reference column).
 */
import { formatDate } from '../format/dates';
import type { AuditFindings, AuditSummary, JudgementSection, ReportModel, Tone } from './report-model';

export type ColumnKind = 'short' | 'text';

export interface ReportColumn {
  heading: string;
  kind: ColumnKind;
  /** References and case numbers: kept whole up to WHOLE_WORD of the table, since a broken one misleads. */
  whole?: true;
}

/** A cell: text as written (lines starting "- " are a list), or a word printed as a coloured tag. */
export type ReportCell = string | { text: string; tone: Tone };

export interface ReportTable {
  columns: ReportColumn[];
  rows: ReportCell[][];
}

export function cellText(cell: ReportCell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

const short = (heading: string): ReportColumn => ({ heading, kind: 'short' });
const text = (heading: string): ReportColumn => ({ heading, kind: 'text' });
const reference = (heading: string): ReportColumn => ({ heading, kind: 'short', whole: true });
const lines = (...parts: string[]) => parts.filter((p) => p.trim()).join('\n');

export function summaryTable(model: ReportModel): ReportTable {
  return {
    columns: [text('Judgement'), short('Proposed from the evidence'), short('Agreed grade')],
    rows: model.summary.map((s) => [
      s.part === 'review' && model.reviewPart ? `${model.reviewPart}: ${s.judgement}` : s.judgement,
      { text: s.proposed, tone: s.proposedTone },
      { text: s.agreed, tone: s.agreedTone },
    ]),
  };
}

export function criteriaTable(j: JudgementSection): ReportTable {
  return {
    columns: [
      text('Criterion'),
      short('Grade'),
      short('Confidence, status and owner'),
      text('Strengths'),
      text('Areas for development'),
    ],
    rows: j.criteria.map((c) => [
      lines(
        `${c.ref} ${c.title}`,
        c.evidenceRefs.length ? `Evidence: ${c.evidenceRefs.join(', ')}` : 'No evidence linked',
      ),
      { text: c.grade + (c.toReEvaluate ? ' (to re-evaluate)' : ''), tone: c.gradeTone },
      lines(
        c.confidence ? `${c.confidence} confidence` : 'Confidence not set',
        c.status,
        c.assignee ? `Assigned to ${c.assignee}` : 'Not assigned',
        // Only a recorded sign-off: "Agreed" in the status line already covers older ones.
        c.signedOffAt ? c.signOff : '',
      ),
      c.strengths.trim() || 'Not written yet',
      c.areasForDevelopment.trim() || 'Not written yet',
    ]),
  };
}

/** "Good or better", or "Share met" where what counts is one level (and so already a column). */
function shareHeading(goodOrBetter: string): string {
  return goodOrBetter.endsWith(' or better')
    ? goodOrBetter.charAt(0).toUpperCase() + goodOrBetter.slice(1)
    : `Share ${goodOrBetter}`;
}

/** `goodOrBetter` in the scale's words ("good or better", "met"), as `goodOrBetterWords` gives them. */
export function auditCountsTable(summary: AuditSummary, goodOrBetter = 'good or better'): ReportTable {
  return {
    columns: [...summary.counts.map((c) => short(c.label)), short(shareHeading(goodOrBetter))],
    rows: [[...summary.counts.map((c) => String(c.count)), summary.share]],
  };
}

export function actionsTable(model: ReportModel): ReportTable {
  return {
    columns: [
      text('What will be done'),
      short('Owner and due date'),
      short('Status'),
      short('RAG'),
      text('Linked to'),
      text('Latest progress'),
    ],
    rows: model.actions.map((a) => [
      lines(a.title, a.description),
      lines(
        a.owner || 'No owner',
        `Due ${formatDate(a.dueDate) || 'date not set'}`,
        a.overdue ? 'Overdue' : '',
      ),
      lines(a.status, a.completedAt ? `on ${formatDate(a.completedAt)}` : ''),
      { text: a.rag, tone: a.ragTone },
      lines(
        a.recommendations ? `Recommendations: ${a.recommendations}` : '',
        a.judgements ? `Judgements: ${a.judgements}` : '',
        a.criteria ? `Criteria: ${a.criteria}` : '',
      ) || 'Nothing linked',
      a.latestProgress,
    ]),
  };
}

export function recommendationsTable(model: ReportModel): ReportTable {
  return {
    columns: [
      reference('Ref'),
      short('Source and date'),
      text('Recommendation'),
      text('Actions'),
      text('What we have done so far'),
      short('Status'),
    ],
    rows: model.recommendations.map((r) => [
      r.reference,
      lines(r.source, formatDate(r.date)),
      (r.priorityAction ? 'Area for priority action: ' : '') + r.text,
      r.actions || 'No action linked',
      r.progressSummary,
      r.status,
    ]),
  };
}

export function changesTable(changes: NonNullable<ReportModel['changes']>): ReportTable {
  return {
    columns: [text('Criterion or judgement'), short(changes.since), short('This year'), short('Change')],
    rows: changes.grades.map((g) => [g.name, g.from, g.to, g.change]),
  };
}

export function scorecardTable(model: ReportModel): ReportTable {
  return {
    columns: [
      text('Indicator'),
      short('Latest'),
      short('Target'),
      short('RAG'),
      short('Direction'),
      short('Statistical neighbours'),
      short('England'),
    ],
    rows: model.scorecard.map((s) => [
      s.name,
      lines(s.latest, s.latestPeriod),
      s.target,
      { text: s.rag, tone: s.ragTone },
      s.direction,
      s.statisticalNeighbours,
      s.england,
    ]),
  };
}

export function evidenceTable(model: ReportModel): ReportTable {
  return {
    columns: [
      reference('Ref'),
      text('Evidence'),
      short('Type'),
      short('Date'),
      short('Owner'),
      text('Where to find it'),
      short('Supports'),
    ],
    rows: model.evidence.map((e) => [
      e.ref,
      e.title,
      e.type,
      lines(formatDate(e.date), e.stale ? 'Over a year old' : ''),
      e.owner,
      e.location,
      e.supports,
    ]),
  };
}

/**
 * The audits behind each judgement. With `judgements`, the count is headed in each scale's words
 * ("Good or better / met" where a partnership's area 6 is graded met, partly met or not met).
 */
export function byJudgementTable(findings: AuditFindings, judgements: JudgementSection[] = []): ReportTable {
  const words = new Set(
    findings.byJudgement.map(
      (row) => judgements.find((j) => j.heading === row.judgement)?.goodOrBetterWords ?? 'good or better',
    ),
  );
  const heading = [...words].join(' / ');
  return {
    columns: [
      text('Judgement'),
      short('Audits graded'),
      short(heading.charAt(0).toUpperCase() + heading.slice(1)),
      short('Share'),
    ],
    rows: findings.byJudgement.map((j) => [j.judgement, String(j.audits), String(j.goodOrBetter), j.share]),
  };
}

export function distributionTable(d: AuditFindings['distributions'][number]): ReportTable {
  return {
    columns: [
      text(d.heading),
      short('Audits graded'),
      ...d.levels.map((l) => short(l)),
      short('Good or better'),
    ],
    rows: d.rows.map((r) => [r.label, String(r.audits), ...r.counts.map(String), r.share]),
  };
}

export function agreementTable(a: AuditFindings['agreement'][number]): ReportTable {
  return {
    columns: [
      text(a.heading),
      short('Pairs'),
      short('Exact agreement'),
      short('Within one grade'),
      short('Cohen’s kappa'),
      short('Weighted kappa'),
    ],
    rows: a.rows.map((r) => [r.label, String(r.pairs), r.exact, r.withinOne, r.kappa, r.weightedKappa]),
  };
}

export function moderationsTable(findings: AuditFindings): ReportTable {
  return {
    columns: [
      reference('Case'),
      // Date and moderator share a column, as an escalation's are, so a long case reference keeps its line.
      short('Moderated'),
      short('Auditor’s grade'),
      short('Moderator’s grade'),
      short('Grade that stands'),
      text('Reason'),
    ],
    rows: findings.moderations.map((m) => [
      m.caseReference,
      lines(formatDate(m.submitted), m.moderator),
      m.auditorGrade,
      m.moderatorGrade,
      m.standingGrade,
      m.reason,
    ]),
  };
}

export function themesTable(findings: AuditFindings): ReportTable {
  return {
    columns: [text('Theme'), short('Audits')],
    rows: findings.themes.map((t) => [t.theme, String(t.count)]),
  };
}

export function escalationsTable(findings: AuditFindings): ReportTable {
  return {
    columns: [reference('Case'), short('Raised'), text('Concern'), short('Status'), text('Responses')],
    rows: findings.escalations.map((e) => [
      e.caseReference,
      lines(formatDate(e.raised), e.raisedBy),
      e.concern,
      e.status,
      e.responses.map((r) => `- ${formatDate(r.at)} ${r.by}: told ${r.toldWho}; ${r.action}`).join('\n') ||
        'No response recorded',
    ]),
  };
}

/** How wide a piece of text is, in the renderer's unit; `bold` for headings. */
export type Measure = (text: string, bold: boolean) => number;

/** A word wider than this share of the table is broken (with a hyphen) rather than given its width. */
export const LONG_WORD = 0.2;
/** The same for a reference column's words. */
export const WHOLE_WORD = 0.3;
/** A tag no wider than this share of the table (about "Outstanding", a grade's longest word) is never wrapped. */
const SHORT_TAG = 0.125;
/** The narrowest a text column is squeezed to when the short columns need the room. */
const TEXT_FLOOR = 0.1;
/** The share of the table text columns keep between them before short columns get all their text on one line. */
const TEXT_SHARE = 0.7;

/** Column widths that add up to `total`, from what each column holds; `padding` is a cell's two sides. */
export function columnWidths(table: ReportTable, total: number, measure: Measure, padding: number): number[] {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const fit = table.columns.map((column, i) => {
    // Tags print in bold, as headings do.
    const cells = table.rows.map((row) => ({
      text: cellText(row[i] ?? ''),
      bold: typeof row[i] === 'object',
    }));
    // A tag (a grade, a RAG) reads as one unit: a short one ("Partly met") is kept on one line.
    const tags = cells.filter((c) => c.bold).map((c) => measure(c.text, true));
    let longestWord = Math.max(
      0,
      ...words(column.heading).map((w) => measure(w, true)),
      ...tags.filter((w) => w <= total * SHORT_TAG),
      // A short heading ("Partly met" over a count) is kept on one line too.
      ...[measure(column.heading, true)].filter((w) => w <= total * SHORT_TAG),
    );
    let longestLine = 0;
    for (const c of cells)
      for (const line of c.text.split('\n')) {
        const width = measure(line.replace(/^\s*[-*•]\s+/, '• '), c.bold);
        longestLine = Math.max(longestLine, width);
        // No word is wider than its line (a bullet's "-" is narrower than its "• "), so only a line wider
        // than the longest word so far can hold a longer one.
        if (width > longestWord)
          for (const word of words(line)) longestWord = Math.max(longestWord, measure(word, c.bold));
      }
    longestLine = Math.max(longestLine, longestWord);
    const min = Math.min(longestWord, total * (column.whole ? WHOLE_WORD : LONG_WORD)) + padding;
    return { min, natural: Math.max(min, longestLine + padding), kind: column.kind };
  });
  const widths = fit.map((f) => f.min);
  let left = total - widths.reduce((a, b) => a + b, 0);
  if (left < 0) {
    // Too many columns for every word: text columns give way first (their long words are hyphenated).
    const spare = fit.map((f, i) => (f.kind === 'text' ? Math.max(0, widths[i]! - total * TEXT_FLOOR) : 0));
    const spareTotal = spare.reduce((a, b) => a + b, 0);
    const take = Math.min(1, -left / (spareTotal || 1));
    spare.forEach((s, i) => (widths[i]! -= s * take));
    left = total - widths.reduce((a, b) => a + b, 0);
    if (left < 0) return widths.map((w) => (w * total) / (total - left));
  }
  // Short columns first get their text on one line, but text columns keep up to half the table between
  // them; text columns then share the rest.
  const textWants = fit.reduce((sum, f, i) => sum + (f.kind === 'text' ? f.natural - widths[i]! : 0), 0);
  const textHas = fit.reduce((sum, f, i) => sum + (f.kind === 'text' ? widths[i]! : 0), 0);
  const reserve = Math.max(0, Math.min(textWants, total * TEXT_SHARE - textHas));
  for (const kind of ['short', 'text'] as const) {
    const wants = fit.map((f, i) => (f.kind === kind ? f.natural - widths[i]! : 0));
    const wanted = wants.reduce((a, b) => a + b, 0);
    if (wanted <= 0) continue;
    const room = kind === 'short' ? Math.max(0, left - reserve) : left;
    const share = Math.min(1, room / wanted);
    wants.forEach((want, i) => (widths[i]! += want * share));
    left -= wanted * share;
  }
  if (left > 0) {
    // Room to spare: the text columns (or, with none, every column) take it in proportion.
    const takers = fit.map((f) => f.kind === 'text');
    const anyText = takers.some(Boolean);
    const weight = widths.reduce((sum, w, i) => sum + (anyText && !takers[i] ? 0 : w), 0);
    return widths.map((w, i) => (anyText && !takers[i] ? w : w + (left * w) / weight));
  }
  return widths;
}
