/*
 * The annual self-assessment as a Word document councils edit (tracked changes, comments) and paste
 * into their committee template: the same content in the same order as the PDF, laid out from the
 * ReportModel with real Word structure (heading styles, a table of contents field, numbered questions,
 * tables whose header rows repeat). It decides nothing: every word comes from the model.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import { formatDate } from '../../domain/format/dates';
import type { AuditSummary, JudgementSection, ReportModel } from '../../domain/report/report-model';
import { closingParts } from '../../domain/report/closing-parts';
import { auditCountsTable, criteriaTable, summaryTable } from '../../domain/report/tables';
import { clean, gap, heading, label, line, prose, reportTable, tag } from './docx-blocks';
import { Contents } from './contents';
import { coverLogo } from './cover-logo';
import { NUMBERING_CONFIG, PAGE_SETUP, STYLE, STYLES } from './docx-style';
import { pageFrame } from './page-frame';
import { packDocument } from './table-xml';

export async function renderDocument(model: ReportModel): Promise<Uint8Array> {
  const { cover } = model;
  const contents = new Contents();
  const parts = body(model, contents);
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
          page: PAGE_SETUP,
        },
        ...pageFrame(cover),
        children: [...coverPage(model), ...contentsPage(contents), ...parts],
      },
    ],
  });
  return packDocument(doc);
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

function contentsPage(contents: Contents): FileChild[] {
  return [
    new Paragraph({
      style: STYLE.contentsHeading,
      pageBreakBefore: true,
      children: [new TextRun('Contents')],
    }),
    // Written with its entries, but the page numbers are left for Word to fill in when it updates the field.
    contents.field(),
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

/** The parts after the contents; each Heading 1 is listed in `contents` as it is made. */
function body(model: ReportModel, contents: Contents): FileChild[] {
  const part = (title: string, options: { newPage?: boolean } = {}) =>
    heading(title, 1, { ...options, bookmark: contents.list(title) });
  const out: FileChild[] = [part('Summary of judgements'), reportTable(summaryTable(model))];
  let inReview = false;
  for (const j of model.judgements) {
    if (j.part === 'review' && !inReview && model.reviewPart) {
      inReview = true;
      out.push(part(model.reviewPart));
    }
    out.push(...judgement(model, j, inReview, part));
  }
  out.push(...closing(model, part));
  return out;
}

type Part = (title: string, options?: { newPage?: boolean }) => FileChild;

/**
 * Judgements are Heading 1, or Heading 2 when nested (SIF 2.1 within 2) or within the review part, so
 * Word's navigation pane shows the framework's nesting; their sections sit one level below.
 */
function judgement(model: ReportModel, j: JudgementSection, inReview: boolean, part: Part): FileChild[] {
  const nested = j.depth === 1 || inReview;
  const level = nested ? 2 : 1;
  const below = (level + 1) as 2 | 3;
  const out: FileChild[] = [
    nested ? heading(j.heading, level, { newPage: false }) : part(j.heading),
    new Paragraph({
      children: [new TextRun({ text: 'Agreed grade: ', bold: true, size: 24 }), tag(j.agreed, j.agreedTone)],
    }),
    ...(j.agreedSignOff.words ? [line(`${j.agreedSignOff.words}.`)] : []),
    line(`Proposed from the evidence: ${j.proposed}. ${j.proposalExplanation}`),
  ];
  if (j.rationale.trim()) out.push(label('Why the agreed grade differs'), ...prose(j.rationale));
  for (const f of j.ruleFindings)
    out.push(line(`${f.severity === 'error' ? 'Rule broken' : 'Note'}: ${f.message}`, {}, true));
  if (j.narrative.length) {
    out.push(heading(model.words.selfEvaluation, below));
    if (j.narrativeReview.line) out.push(line(j.narrativeReview.line));
    for (const n of j.narrative)
      out.push(
        heading(n.question, (below + 1) as 3 | 4, { numberInstance: model.judgements.indexOf(j) }),
        ...prose(n.answer.trim() || 'Not written yet.'),
      );
  }
  if (j.criteria.length) out.push(heading('Criteria', below), reportTable(criteriaTable(j)));
  if (j.auditFindings)
    out.push(
      heading(`What ${j.auditsName} found`, below),
      ...auditSummary('Audits of these criteria', j.auditFindings, j.goodOrBetterWords),
    );
  return out;
}

/** The parts after the judgements, as the PDF prints them; a gap after a table keeps it off what follows. */
function closing(model: ReportModel, part: Part): FileChild[] {
  const blocks = closingParts(model);
  return blocks.flatMap((block, i): FileChild[] => {
    if (block.kind === 'part') return [part(block.title, { newPage: block.newPage })];
    if (block.kind === 'heading') return [heading(block.title, block.level)];
    if (block.kind === 'text') return [line(block.text)];
    if (block.kind === 'bullet') return [line(block.text, {}, true)];
    const next = blocks[i + 1];
    return next && next.kind !== 'part' ? [reportTable(block.table), gap()] : [reportTable(block.table)];
  });
}

function auditSummary(title: string, summary: AuditSummary, goodOrBetter: string): FileChild[] {
  return [
    label(`${title}: ${summary.share} ${goodOrBetter} (${summary.goodOrBetter} of ${summary.graded})`),
    reportTable(auditCountsTable(summary, goodOrBetter)),
    gap(),
  ];
}
