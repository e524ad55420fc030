/*
 * The annual self-assessment as a Word document councils edit (tracked changes, comments) and paste
 * into their committee template: the same content in the same order as the PDF, laid out from the
 * ReportModel with real Word structure (heading styles, a table of contents field, numbered questions,
 * tables whose header rows repeat). It decides nothing: every word comes from the model.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import type { FileChild } from 'docx';
import { formatDate } from '../../domain/format/dates';
import type { AuditSummary, JudgementSection, ReportModel } from '../../domain/report/report-model';
import { clean, gap, heading, line, prose, table } from './docx-blocks';
import { coverLogo } from './cover-logo';
import { NUMBERING_CONFIG, PAGE, STYLE, STYLES } from './docx-style';
import { pageFrame } from './page-frame';

export async function renderDocument(model: ReportModel): Promise<Uint8Array> {
  const { cover } = model;
  const doc = new Document({
    title: clean(`${cover.title} – ${cover.council}`),
    subject: clean(cover.frameworkTitle),
    creator: 'Readiness Workbook',
    styles: STYLES,
    numbering: NUMBERING_CONFIG,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        ...pageFrame(cover),
        children: [...coverPage(model), ...contents(), ...body(model)],
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}

function coverPage({ cover }: ReportModel): FileChild[] {
  const logo = coverLogo(cover.logoDataUrl);
  const markingBorder = { style: BorderStyle.SINGLE, size: 12, color: '0B0C0C', space: 8 };
  return [
    new Paragraph({ spacing: { after: 0 }, children: logo ? [logo] : [] }),
    new Paragraph({
      spacing: { before: 1800, after: 200 },
      children: [new TextRun({ text: clean(cover.council), bold: true, size: 32 })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(cover.title))] }),
    new Paragraph({
      style: STYLE.coverText,
      spacing: { after: 480 },
      children: [new TextRun(clean(`${cover.frameworkTitle} (framework version ${cover.frameworkVersion})`))],
    }),
    ...[
      ['Year', `${cover.cycleLabel} (April to March)`],
      ['Date', formatDate(cover.date)],
      ['Status', cover.status],
      ['Prepared by', cover.preparedBy || 'Not recorded'],
    ].map(
      ([label, value]) =>
        new Paragraph({ style: STYLE.coverText, children: [new TextRun(clean(`${label}: ${value}`))] }),
    ),
    ...(cover.status === 'Draft'
      ? [
          new Paragraph({
            spacing: { before: 480 },
            children: [new TextRun({ text: 'DRAFT', bold: true, size: 48 })],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1200 },
      border: { top: markingBorder, bottom: markingBorder, left: markingBorder, right: markingBorder },
      children: [new TextRun({ text: clean(cover.marking), bold: true, size: 28 })],
    }),
  ];
}

function contents(): FileChild[] {
  return [
    new Paragraph({
      style: STYLE.contentsHeading,
      pageBreakBefore: true,
      children: [new TextRun('Contents')],
    }),
    // Written with its entries, but the page numbers are left for Word to fill in when it updates the field.
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }),
    new Paragraph({
      spacing: { before: 240 },
      children: [
        new TextRun({
          text: 'Right-click the table of contents and choose Update Field to fill in the page numbers.',
          italics: true,
          size: 18,
        }),
      ],
    }),
  ];
}

function body(model: ReportModel): FileChild[] {
  const out: FileChild[] = [];
  out.push(
    heading('Summary of judgements', 1),
    table(
      ['Judgement', 'Proposed from the evidence', 'Agreed grade'],
      model.summary.map((s) => [s.judgement, s.proposed, s.agreed]),
      [5, 3, 3],
    ),
  );
  model.judgements.forEach((j, index) => out.push(...judgement(j, index)));
  out.push(
    heading('Action plan', 1),
    table(
      ['Action', 'Owner', 'Due', 'Status', 'RAG', 'Latest progress'],
      model.actions.map((a) => [
        a.title,
        a.owner,
        formatDate(a.dueDate) + (a.overdue ? '\nOverdue' : ''),
        a.status,
        a.rag,
        a.latestProgress,
      ]),
      [36, 28, 22, 22, 22, 40],
    ),
    heading('Recommendations: what we have done so far', 1),
    table(
      ['Ref', 'Source and date', 'Recommendation', 'Actions', 'What we have done so far', 'Status'],
      model.recommendations.map((r) => [
        r.reference,
        `${r.source}, ${formatDate(r.date)}`,
        (r.priorityAction ? 'Area for priority action: ' : '') + r.text,
        r.actions || 'No action linked',
        r.progressSummary,
        r.status,
      ]),
      [12, 24, 45, 30, 44, 15],
    ),
    heading('Readiness checks', 1),
  );
  if (model.readiness.length === 0) out.push(line('Every check passes.'));
  for (const check of model.readiness)
    out.push(line(`${check.severity === 'error' ? 'Gap' : 'Check'}: ${check.message}`, {}, true));
  out.push(...changes(model), ...scorecard(model), ...auditFindings(model));
  out.push(
    heading('Evidence appendix', 1),
    table(
      ['Ref', 'Evidence', 'Type', 'Date', 'Owner', 'Where to find it', 'Supports'],
      model.evidence.map((e) => [
        e.ref,
        e.title,
        e.type,
        formatDate(e.date) + (e.stale ? '\nOver 12 months old' : ''),
        e.owner,
        e.location,
        e.supports,
      ]),
      [10, 32, 25, 23, 28, 30, 22],
    ),
  );
  return out;
}

function judgement(j: JudgementSection, index: number): FileChild[] {
  const out: FileChild[] = [
    heading(j.title, 1),
    line(`Agreed grade: ${j.agreed}`, { bold: true, size: 24 }),
    line(`Proposed from the evidence: ${j.proposed}. ${j.proposalExplanation}`),
  ];
  if (j.rationale.trim())
    out.push(
      new Paragraph({
        keepNext: true,
        children: [new TextRun({ text: 'Why the agreed grade differs', bold: true })],
      }),
      ...prose(j.rationale),
    );
  for (const f of j.ruleFindings)
    out.push(line(`${f.severity === 'error' ? 'Rule broken' : 'Note'}: ${f.message}`, {}, true));
  if (j.narrative.length) {
    out.push(heading('Self-evaluation', 2));
    for (const n of j.narrative)
      out.push(
        heading(n.question, 3, { numberInstance: index }),
        ...prose(n.answer.trim() || 'Not written yet.'),
      );
  }
  if (j.criteria.length)
    out.push(
      heading('Criteria', 2),
      table(
        ['Ref', 'Criterion', 'Grade', 'Strengths', 'Areas for development', 'Evidence'],
        j.criteria.map((c) => [
          c.ref,
          c.title,
          c.grade + (c.toReEvaluate ? '\n(to re-evaluate)' : ''),
          c.strengths.trim() || 'Not written yet',
          c.areasForDevelopment.trim() || 'Not written yet',
          c.evidenceRefs.join(', ') || 'None linked',
        ]),
        [11, 28, 26, 41, 41, 23],
      ),
    );
  if (j.auditFindings)
    out.push(
      heading('What case audits found', 2),
      ...auditSummary('Audits of these criteria', j.auditFindings),
    );
  return out;
}

function changes({ changes }: ReportModel): FileChild[] {
  if (!changes) return [];
  return [
    heading(`Changes since ${changes.since}`, 1),
    table(
      ['Criterion or judgement', changes.since, 'This year', 'Change'],
      changes.grades.map((g) => [g.name, g.from, g.to, g.change]),
      [70, 35, 35, 30],
    ),
    gap(),
    line(`New evidence: ${changes.newEvidence.join('; ') || 'none'}.`),
    line(`Evidence no longer used: ${changes.retiredEvidence.join('; ') || 'none'}.`),
    line(`Actions closed: ${changes.closedActions.join('; ') || 'none'}.`),
  ];
}

function scorecard({ scorecard }: ReportModel): FileChild[] {
  if (!scorecard.length) return [];
  return [
    heading('Performance scorecard', 1),
    table(
      ['Indicator', 'Latest', 'Target', 'RAG', 'Direction', 'Stat. neighbours', 'England'],
      scorecard.map((s) => [
        s.name,
        `${s.latest}\n${s.latestPeriod}`,
        s.target,
        s.rag,
        s.direction,
        s.statisticalNeighbours,
        s.england,
      ]),
      [42, 22, 18, 22, 22, 24, 20],
    ),
  ];
}

function auditFindings({ audits }: ReportModel): FileChild[] {
  const out: FileChild[] = [
    heading('Case audit findings', 1),
    ...auditSummary('All completed audits', audits.overall),
    table(
      ['Quarter', 'Audits', 'Graded', ...audits.overall.counts.map((c) => c.label), 'Good or better'],
      audits.byQuarter.map((q) => [
        q.quarter,
        q.audits,
        q.graded,
        ...q.counts.map((c) => c.count),
        percent(q),
      ]),
      [19, 14, 16, ...audits.overall.counts.map(() => 26), 17],
    ),
    heading('Moderation: how far auditors and moderators agreed', 2),
  ];
  if (audits.agreement.length === 0) return [...out, line('No moderated audits yet.')];
  return [
    ...out,
    line(
      'Cohen’s kappa is agreement corrected for chance; it is shown only where there are enough moderated pairs to mean something.',
    ),
    table(
      ['Compared', 'Pairs', 'Exact agreement', 'Within one grade', 'Cohen’s kappa', 'Weighted kappa'],
      audits.agreement.map((r) => [r.compared, r.pairs, r.exact, r.withinOne, r.kappa, r.weightedKappa]),
      [55, 15, 25, 25, 25, 25],
    ),
  ];
}

function auditSummary(label: string, summary: AuditSummary): FileChild[] {
  return [
    line(`${label}: ${percent(summary)} good or better (${summary.goodOrBetter} of ${summary.graded})`, {
      bold: true,
    }),
    table(
      summary.counts.map((c) => c.label),
      [summary.counts.map((c) => c.count)],
    ),
    gap(),
  ];
}

function percent(s: AuditSummary): string {
  return s.percentGoodOrBetter === null ? 'no grades' : `${s.percentGoodOrBetter}%`;
}
