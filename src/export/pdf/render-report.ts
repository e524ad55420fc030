/*
 * The annual self-assessment as a committee-ready PDF: cover, contents with page numbers, summary of
 * judgements, each judgement (in the framework's own numbering, a separate review as its own part) with
 * its questions and criteria, action plan, recommendations tracker, readiness checks, changes since last
 * year, audit findings and the evidence appendix, with a running header and footer, "Page x of y" and a
 * DRAFT mark until the cycle is final. Tables come from domain/report/tables.ts, shared with Word.
 */
import { GState } from 'jspdf';
import { formatDate } from '../../domain/format/dates';
import type { AuditSummary, JudgementSection, ReportModel } from '../../domain/report/report-model';
import { closingParts } from '../../domain/report/closing-parts';
import { auditCountsTable, criteriaTable, summaryTable } from '../../domain/report/tables';
import { PAGE, PdfWriter, TEXT_WIDTH, FONT, type PdfFonts } from './pdf-writer';

/** mm of content under which a page counts as nearly empty, so the next part joins it. */
const NEARLY_EMPTY = 45;

interface Contents {
  title: string;
  page: number;
  depth: 0 | 1;
}

export function renderReportPdf(model: ReportModel, fonts: PdfFonts): Uint8Array {
  const w = new PdfWriter(fonts);
  w.doc.setProperties({
    title: `${model.cover.title} – ${model.cover.council}`,
    subject: model.cover.frameworkTitle,
    creator: 'Readiness Workbook',
  });
  drawCover(w, model);
  w.newPage();
  const contentsPage = w.page;
  const contents: Contents[] = [];
  /** A part of the document: on a new page, or (short parts) after what came before. */
  const section = (title: string, options: { flow?: boolean; depth?: 0 | 1; keep?: number } = {}) => {
    // A part starts a new page, unless the page holds only a few lines of the last part's tail.
    const nearlyEmpty = w.page !== contentsPage && w.y - PAGE.top < NEARLY_EMPTY;
    if (!options.flow && !nearlyEmpty) w.newPage();
    const depth = options.depth ?? 0;
    w.heading(title, depth === 0 ? 18 : 14, options.keep);
    contents.push({ title, page: w.page, depth });
  };

  section('Summary of judgements');
  w.reportTable(summaryTable(model));
  let inReview = false;
  for (const j of model.judgements) {
    if (j.part === 'review' && !inReview && model.reviewPart) {
      inReview = true;
      section(model.reviewPart);
      section(j.heading, { flow: true, depth: 1 });
    } else if (j.depth === 1) section(j.heading, { flow: true, depth: 1 });
    else section(j.heading);
    drawJudgement(w, model, j);
  }
  const blocks = closingParts(model);
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    // A heading keeps with the table under it (all of a short one), or with the heading and table after it.
    const keep = next?.kind === 'table' ? w.keepFor(next.table) : next?.kind === 'heading' ? 60 : undefined;
    if (block.kind === 'part') section(block.title, { flow: !block.newPage, keep });
    else if (block.kind === 'heading') w.heading(block.title, block.level === 2 ? 14 : 12, keep);
    else if (block.kind === 'table') w.reportTable(block.table);
    else if (block.kind === 'text') w.prose(block.text);
    else w.write(block.text, { indent: 5, bullet: true });
  });

  drawContents(w, contentsPage, contents);
  drawFrames(w, model);
  return new Uint8Array(w.doc.output('arraybuffer'));
}

function drawCover(w: PdfWriter, model: ReportModel) {
  const { cover } = model;
  if (cover.logoDataUrl) {
    const format = cover.logoDataUrl.startsWith('data:image/png') ? 'PNG' : 'JPEG';
    try {
      w.doc.addImage(cover.logoDataUrl, format, PAGE.left, 20, 0, 22);
    } catch {
      // A logo the PDF library cannot read is left off rather than stopping the export.
    }
  }
  w.y = 70;
  w.write(cover.council, { size: 16, bold: true });
  w.y += 6;
  w.write(cover.title, { size: 28, bold: true });
  w.y += 4;
  w.write(`${cover.frameworkTitle} (framework version ${cover.frameworkVersion})`, { size: 12 });
  w.y += 10;
  for (const [label, value] of [
    ['Year', `${cover.cycleLabel} (April to March)`],
    ['Date', formatDate(cover.date)],
    ['Status', cover.status],
    ['Prepared by', cover.preparedBy || 'Not recorded'],
  ]) {
    w.write(`${label}: ${value}`, { size: 12 });
  }
  w.doc.setFontSize(14);
  w.doc.setFont(FONT, 'bold');
  w.doc.rect(PAGE.left, 240, TEXT_WIDTH, 14);
  w.doc.text(cover.marking, PAGE.width / 2, 249, { align: 'center' });
  w.doc.setFont(FONT, 'normal');
}

function drawJudgement(w: PdfWriter, model: ReportModel, j: JudgementSection) {
  w.tagLine('Agreed grade', j.agreed, j.agreedTone);
  if (j.agreedSignOff.words) w.write(`${j.agreedSignOff.words}.`, { size: 9 });
  w.write(`Proposed from the evidence: ${j.proposed}. ${j.proposalExplanation}`, { size: 9 });
  if (j.rationale.trim()) {
    w.y += 1;
    w.write('Why the agreed grade differs', { size: 10, bold: true });
    w.prose(j.rationale, 9.5);
  }
  for (const f of j.ruleFindings)
    w.write(`${f.severity === 'error' ? 'Rule broken' : 'Note'}: ${f.message}`, {
      size: 9,
      indent: 5,
      bullet: true,
    });
  if (j.narrative.length) {
    w.heading(model.words.selfEvaluation, 14);
    if (j.narrativeReview.line) w.write(j.narrativeReview.line, { size: 9 });
    j.narrative.forEach((n, i) => {
      w.heading(`${i + 1}. ${n.question}`, 12, 12);
      w.prose(n.answer.trim() || 'Not written yet.');
    });
  }
  if (j.criteria.length) {
    w.headedTable('Criteria', 14, criteriaTable(j));
  }
  if (j.auditFindings) {
    w.heading(`What ${j.auditsName} found`, 14, 34);
    drawAuditSummary(w, 'Audits of these criteria', j.auditFindings, j.goodOrBetterWords);
  }
}

function drawAuditSummary(w: PdfWriter, label: string, summary: AuditSummary, goodOrBetter: string) {
  const share = summary.percentGoodOrBetter === null ? null : summary.percentGoodOrBetter / 100;
  w.bar(label, share, `${summary.share} ${goodOrBetter} (${summary.goodOrBetter} of ${summary.graded})`);
  w.reportTable(auditCountsTable(summary, goodOrBetter));
}

function drawContents(w: PdfWriter, page: number, contents: Contents[]) {
  w.doc.setPage(page);
  w.y = PAGE.top;
  w.heading('Contents', 18);
  w.doc.setFontSize(11);
  for (const entry of contents) {
    const indent = entry.depth * 6;
    const lines = w.doc.splitTextToSize(entry.title, TEXT_WIDTH - 20 - indent) as string[];
    lines.forEach((line, i) => {
      w.doc.text(line, PAGE.left + indent, w.y + 4);
      if (i === lines.length - 1)
        w.doc.text(String(entry.page), PAGE.width - PAGE.right, w.y + 4, { align: 'right' });
      w.y += 6;
    });
  }
}

function drawFrames(w: PdfWriter, model: ReportModel) {
  const { cover } = model;
  if (cover.status === 'Draft') {
    for (let page = 1; page <= w.page; page += 1) {
      w.doc.setPage(page);
      // Translucent, so the text under the mark stays readable.
      w.doc.saveGraphicsState();
      w.doc.setGState(new GState({ opacity: 0.12 }));
      w.doc.setFont(FONT, 'bold');
      w.doc.setFontSize(90);
      w.doc.text('DRAFT', PAGE.width / 2, PAGE.height / 2 + 30, { align: 'center', angle: 45 });
      w.doc.restoreGraphicsState();
    }
  }
  w.frame({
    headerLeft: `${cover.council} · ${cover.title}`,
    headerRight: cover.marking,
    footer: `${cover.marking} · ${cover.cycleLabel} · ${formatDate(cover.date)}${cover.status === 'Draft' ? ' · DRAFT' : ''}`,
  });
}
