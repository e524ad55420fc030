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
import {
  actionsTable,
  agreementTable,
  auditCountsTable,
  byJudgementTable,
  changesTable,
  criteriaTable,
  distributionTable,
  escalationsTable,
  evidenceTable,
  moderationsTable,
  recommendationsTable,
  scorecardTable,
  summaryTable,
  themesTable,
} from '../../domain/report/tables';
import { clean, gap, heading, line, prose, reportTable, tag } from './docx-blocks';
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
  const out: FileChild[] = [heading('Summary of judgements', 1), reportTable(summaryTable(model))];
  let inReview = false;
  for (const j of model.judgements) {
    if (j.part === 'review' && !inReview && model.reviewPart) {
      inReview = true;
      out.push(heading(model.reviewPart, 1));
    }
    out.push(...judgement(model, j, inReview));
  }
  out.push(
    heading('Action plan', 1),
    model.actions.length ? reportTable(actionsTable(model)) : line('No improvement actions recorded.'),
    heading('Recommendations: what we have done so far', 1, { newPage: false }),
    model.recommendations.length
      ? reportTable(recommendationsTable(model))
      : line('No recommendations recorded.'),
    heading('Readiness checks', 1, { newPage: false }),
  );
  if (model.readiness.length === 0) out.push(line('Every check passes.'));
  for (const check of model.readiness)
    out.push(line(`${check.severity === 'error' ? 'Gap' : 'Check'}: ${check.message}`, {}, true));
  out.push(...changes(model), ...scorecard(model), ...auditFindings(model));
  out.push(
    heading('Evidence appendix', 1),
    model.evidence.length ? reportTable(evidenceTable(model)) : line('No evidence recorded.'),
  );
  return out;
}

/**
 * Judgements are Heading 1, or Heading 2 when nested (SIF 2.1 within 2) or within the review part, so
 * Word's navigation pane shows the framework's nesting; their sections sit one level below.
 */
function judgement(model: ReportModel, j: JudgementSection, inReview: boolean): FileChild[] {
  const nested = j.depth === 1 || inReview;
  const level = nested ? 2 : 1;
  const below = (level + 1) as 2 | 3;
  const out: FileChild[] = [
    heading(j.heading, level, { newPage: !nested }),
    new Paragraph({
      children: [new TextRun({ text: 'Agreed grade: ', bold: true, size: 24 }), tag(j.agreed, j.agreedTone)],
    }),
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
    out.push(heading(model.words.selfEvaluation, below));
    for (const n of j.narrative)
      out.push(
        heading(n.question, (below + 1) as 3 | 4, { numberInstance: model.judgements.indexOf(j) }),
        ...prose(n.answer.trim() || 'Not written yet.'),
      );
  }
  if (j.criteria.length) out.push(heading('Criteria', below), reportTable(criteriaTable(j)));
  if (j.auditFindings)
    out.push(
      heading(`What ${model.words.audits} found`, below),
      ...auditSummary('Audits of these criteria', j.auditFindings),
    );
  return out;
}

function changes({ changes }: ReportModel): FileChild[] {
  if (!changes) return [];
  return [
    heading(`Changes since ${changes.since}`, 1, { newPage: false }),
    changes.grades.length ? reportTable(changesTable(changes)) : line('No grade has changed.'),
    gap(),
    line(`New evidence: ${changes.newEvidence.join('; ') || 'none'}.`),
    line(`Evidence no longer used: ${changes.retiredEvidence.join('; ') || 'none'}.`),
    line(`Actions closed: ${changes.closedActions.join('; ') || 'none'}.`),
  ];
}

function scorecard(model: ReportModel): FileChild[] {
  if (!model.scorecard.length) return [];
  return [heading('Performance scorecard', 1, { newPage: false }), reportTable(scorecardTable(model))];
}

function auditFindings(model: ReportModel): FileChild[] {
  const findings = model.auditFindings;
  const out: FileChild[] = [heading(model.words.auditFindings, 1, { newPage: findings.none === null })];
  if (findings.none) return [...out, line(findings.none)];
  const { counts } = findings;
  out.push(
    line(
      `${counts.inScope} ${counts.inScope === 1 ? 'audit' : 'audits'} recorded against this framework: ${counts.completed} completed and counted, ${counts.drafts} still in draft, ${counts.moderated} moderated. A moderated grade stands in place of the auditor’s.`,
    ),
  );
  if (findings.byJudgement.length)
    out.push(heading('Judgement by judgement', 2), reportTable(byJudgementTable(findings)));
  out.push(heading('Good or better', 2));
  for (const d of findings.distributions)
    out.push(heading(d.title, 3), reportTable(distributionTable(d)), gap());
  out.push(heading('Moderation: how far auditors and moderators agreed', 2));
  if (findings.agreement.length === 0) out.push(line('No moderated audits yet.'));
  else {
    out.push(line(findings.agreementNote));
    for (const a of findings.agreement) out.push(heading(a.title, 3), reportTable(agreementTable(a)), gap());
  }
  out.push(
    heading('Moderations that stand', 2),
    findings.moderations.length
      ? reportTable(moderationsTable(findings))
      : line('No moderation has been submitted.'),
    heading('Recurring themes', 2),
    findings.themes.length
      ? reportTable(themesTable(findings))
      : line('No themes recorded in completed audits.'),
    heading('Escalations and their responses', 2),
    findings.escalations.length
      ? reportTable(escalationsTable(findings))
      : line('No audit raised a safeguarding escalation.'),
  );
  return out;
}

function auditSummary(label: string, summary: AuditSummary): FileChild[] {
  return [
    line(`${label}: ${summary.share} good or better (${summary.goodOrBetter} of ${summary.graded})`, {
      bold: true,
    }),
    reportTable(auditCountsTable(summary)),
    gap(),
  ];
}
