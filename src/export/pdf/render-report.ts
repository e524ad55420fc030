/*
 * The annual self-assessment as a committee-ready PDF: cover, contents with page numbers, summary of
 * judgements, each judgement's questions and criteria, audit findings and moderation agreement, action
 * plan, recommendations tracker, readiness checks, changes since last year and the evidence appendix,
 * with a running header and footer, "Page x of y" and a DRAFT mark until the cycle is final.
 */
import { GState } from 'jspdf';
import { formatDate } from '../../domain/format/dates';
import type { AuditSummary, ReportModel } from '../../domain/report/report-model';
import { PAGE, PdfWriter, TEXT_WIDTH, FONT, type PdfFonts } from './pdf-writer';

interface Contents {
  title: string;
  page: number;
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
  const section = (title: string) => {
    w.newPage();
    contents.push({ title, page: w.page });
    w.heading(title, 18);
  };

  section('Summary of judgements');
  w.table(
    ['Judgement', 'Proposed from the evidence', 'Agreed grade'],
    model.summary.map((s) => [s.judgement, s.proposed, s.agreed]),
  );
  for (const j of model.judgements) {
    section(j.title);
    drawJudgement(w, j);
  }
  section('Action plan');
  w.table(
    ['Action', 'Owner', 'Due', 'Status', 'RAG', 'Latest progress'],
    model.actions.map((a) => [
      a.title,
      a.owner,
      formatDate(a.dueDate) + (a.overdue ? '\nOverdue' : ''),
      a.status,
      a.rag,
      a.latestProgress,
    ]),
    { columnStyles: { 0: { cellWidth: 45 }, 2: { cellWidth: 20 } } },
  );
  section('Recommendations: what we have done so far');
  w.table(
    ['Ref', 'Source and date', 'Recommendation', 'Actions', 'What we have done so far', 'Status'],
    model.recommendations.map((r) => [
      r.reference,
      `${r.source}, ${formatDate(r.date)}`,
      (r.priorityAction ? 'Area for priority action: ' : '') + r.text,
      r.actions || 'No action linked',
      r.progressSummary,
      r.status,
    ]),
    { columnStyles: { 0: { cellWidth: 12 }, 1: { cellWidth: 24 }, 5: { cellWidth: 15 } } },
  );
  section('Readiness checks');
  if (model.readiness.length === 0) w.prose('Every check passes.');
  for (const check of model.readiness)
    w.write(`${check.severity === 'error' ? 'Gap' : 'Check'}: ${check.message}`, { indent: 5, bullet: true });
  if (model.changes) {
    section(`Changes since ${model.changes.since}`);
    w.table(
      ['Criterion or judgement', model.changes.since, 'This year', 'Change'],
      model.changes.grades.map((g) => [g.name, g.from, g.to, g.change]),
    );
    w.write(`New evidence: ${model.changes.newEvidence.join('; ') || 'none'}.`);
    w.write(`Evidence no longer used: ${model.changes.retiredEvidence.join('; ') || 'none'}.`);
    w.write(`Actions closed: ${model.changes.closedActions.join('; ') || 'none'}.`);
  }
  if (model.scorecard.length) {
    section('Performance scorecard');
    w.table(
      ['Indicator', 'Latest', 'Target', 'RAG', 'Direction', 'Stat. neighbours', 'England'],
      model.scorecard.map((s) => [
        s.name,
        `${s.latest}\n${s.latestPeriod}`,
        s.target,
        s.rag,
        s.direction,
        s.statisticalNeighbours,
        s.england,
      ]),
      { columnStyles: { 0: { cellWidth: 50 } } },
    );
  }
  section('Case audit findings');
  drawAuditSummary(w, 'All completed audits', model.audits.overall);
  w.table(
    ['Quarter', 'Audits', 'Graded', ...model.audits.overall.counts.map((c) => c.label), 'Good or better'],
    model.audits.byQuarter.map((q) => [
      q.quarter,
      q.audits,
      q.graded,
      ...q.counts.map((c) => c.count),
      percent(q),
    ]),
  );
  drawAgreement(w, model.audits.agreement);
  section('Evidence appendix');
  w.table(
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
    { columnStyles: { 0: { cellWidth: 10 }, 3: { cellWidth: 20 } } },
  );

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

function drawJudgement(w: PdfWriter, j: ReportModel['judgements'][number]) {
  w.write(`Agreed grade: ${j.agreed}`, { size: 12, bold: true });
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
  for (const n of j.narrative) {
    w.heading(n.question, 12);
    w.prose(n.answer.trim() || 'Not written yet.');
  }
  if (j.criteria.length) {
    w.heading('Criteria', 12);
    w.table(
      ['Ref', 'Criterion', 'Grade', 'Strengths', 'Areas for development', 'Evidence'],
      j.criteria.map((c) => [
        c.ref,
        c.title,
        c.grade + (c.toReEvaluate ? '\n(to re-evaluate)' : ''),
        c.strengths.trim() || 'Not written yet',
        c.areasForDevelopment.trim() || 'Not written yet',
        c.evidenceRefs.join(', ') || 'None linked',
      ]),
      {
        columnStyles: {
          0: { cellWidth: 11 },
          1: { cellWidth: 30 },
          2: { cellWidth: 26 },
          5: { cellWidth: 18 },
        },
      },
    );
  }
  if (j.auditFindings) {
    w.heading('What case audits found', 12);
    drawAuditSummary(w, 'Audits of these criteria', j.auditFindings);
  }
}

function drawAuditSummary(w: PdfWriter, label: string, summary: AuditSummary) {
  const share = summary.percentGoodOrBetter === null ? null : summary.percentGoodOrBetter / 100;
  w.bar(label, share, `${percent(summary)} good or better (${summary.goodOrBetter} of ${summary.graded})`);
  w.table(
    summary.counts.map((c) => c.label),
    [summary.counts.map((c) => c.count)],
  );
}

function drawAgreement(w: PdfWriter, rows: ReportModel['audits']['agreement']) {
  w.heading('Moderation: how far auditors and moderators agreed', 12);
  if (rows.length === 0) {
    w.prose('No moderated audits yet.');
    return;
  }
  w.prose(
    'Cohen’s kappa is agreement corrected for chance; it is shown only where there are enough moderated pairs to mean something.',
  );
  w.table(
    ['Compared', 'Pairs', 'Exact agreement', 'Within one grade', 'Cohen’s kappa', 'Weighted kappa'],
    rows.map((r) => [r.compared, r.pairs, r.exact, r.withinOne, r.kappa, r.weightedKappa]),
    { columnStyles: { 0: { cellWidth: 55 } } },
  );
}

function percent(s: AuditSummary): string {
  return s.percentGoodOrBetter === null ? 'no grades' : `${s.percentGoodOrBetter}%`;
}

function drawContents(w: PdfWriter, page: number, contents: Contents[]) {
  w.doc.setPage(page);
  w.y = PAGE.top;
  w.heading('Contents', 18);
  w.doc.setFontSize(11);
  for (const entry of contents) {
    const lines = w.doc.splitTextToSize(entry.title, TEXT_WIDTH - 20) as string[];
    lines.forEach((line, i) => {
      w.doc.text(line, PAGE.left, w.y + 4);
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
