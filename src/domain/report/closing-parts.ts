/*
 * What the annual self-assessment prints after its judgements, in order, for the PDF and the Word
 * document alike: the action plan, recommendations, readiness checks, changes since last year, the
 * scorecard, the audit findings and the evidence appendix, each a part with its headings, tables and
 * sentences. Each renderer lays these blocks out in its own way and adds no words of its own.
 */
import type { ReportModel } from './report-model';
import {
  actionsTable,
  agreementTable,
  byJudgementTable,
  changesTable,
  distributionTable,
  escalationsTable,
  evidenceTable,
  moderationsTable,
  recommendationsTable,
  scorecardTable,
  themesTable,
  type ReportTable,
} from './tables';

export type Block =
  /** A part of the document (Heading 1): on a new page, or following on from the one before. */
  | { kind: 'part'; title: string; newPage: boolean }
  /** A heading within a part: 2 over a section, 3 over one of its tables. */
  | { kind: 'heading'; title: string; level: 2 | 3 }
  | { kind: 'table'; table: ReportTable }
  /** A sentence of the document's own. */
  | { kind: 'text'; text: string }
  | { kind: 'bullet'; text: string };

const part = (title: string, newPage: boolean): Block => ({ kind: 'part', title, newPage });
const heading = (title: string, level: 2 | 3): Block => ({ kind: 'heading', title, level });
const table = (t: ReportTable): Block => ({ kind: 'table', table: t });
const text = (t: string): Block => ({ kind: 'text', text: t });

/** A table, or the sentence that says there is nothing to put in it. */
function tableOr(rows: number, t: () => ReportTable, none: string): Block {
  return rows ? table(t()) : text(none);
}

export function closingParts(model: ReportModel): Block[] {
  return [
    part('Action plan', true),
    tableOr(model.actions.length, () => actionsTable(model), 'No improvement actions recorded.'),
    part('Recommendations: what we have done so far', false),
    tableOr(model.recommendations.length, () => recommendationsTable(model), 'No recommendations recorded.'),
    part('Readiness checks', false),
    ...(model.readiness.length
      ? model.readiness.map((check): Block => ({
          kind: 'bullet',
          text: `${check.severity === 'error' ? 'Gap' : 'Check'}: ${check.message}`,
        }))
      : [text('Every check passes.')]),
    ...changesParts(model),
    ...(model.scorecard.length ? [part('Performance scorecard', false), table(scorecardTable(model))] : []),
    ...auditFindingsParts(model),
    part('Evidence appendix', true),
    tableOr(model.evidence.length, () => evidenceTable(model), 'No evidence recorded.'),
  ];
}

function changesParts({ changes }: ReportModel): Block[] {
  if (!changes) return [];
  return [
    part(`Changes since ${changes.since}`, false),
    tableOr(changes.grades.length, () => changesTable(changes), 'No grade has changed.'),
    text(`New evidence: ${changes.newEvidence.join('; ') || 'none'}.`),
    text(`Evidence no longer used: ${changes.retiredEvidence.join('; ') || 'none'}.`),
    text(`Actions closed: ${changes.closedActions.join('; ') || 'none'}.`),
  ];
}

function auditFindingsParts(model: ReportModel): Block[] {
  const findings = model.auditFindings;
  // With nothing to count the part is one sentence, so it follows on rather than taking a page.
  const out: Block[] = [part(model.words.auditFindings, findings.none === null)];
  if (findings.none) return [...out, text(findings.none)];
  const { counts } = findings;
  out.push(
    text(
      `${counts.inScope} ${counts.inScope === 1 ? 'audit' : 'audits'} recorded against this framework: ${counts.completed} completed and counted, ${counts.drafts} still in draft, ${counts.moderated} moderated. A moderated grade stands in place of the auditor’s.`,
    ),
  );
  if (findings.byJudgement.length)
    out.push(heading('Judgement by judgement', 2), table(byJudgementTable(findings, model.judgements)));
  out.push(heading('Good or better', 2));
  for (const d of findings.distributions) out.push(heading(d.title, 3), table(distributionTable(d)));
  out.push(heading('Moderation: how far auditors and moderators agreed', 2));
  if (findings.agreement.length === 0) out.push(text('No moderated audits yet.'));
  else {
    out.push(text(findings.agreementNote));
    for (const a of findings.agreement) out.push(heading(a.title, 3), table(agreementTable(a)));
  }
  out.push(
    heading('Moderations that stand', 2),
    tableOr(
      findings.moderations.length,
      () => moderationsTable(findings),
      'No moderation has been submitted.',
    ),
    heading('Recurring themes', 2),
    tableOr(findings.themes.length, () => themesTable(findings), 'No themes recorded in completed audits.'),
    heading('Escalations and their responses', 2),
    tableOr(
      findings.escalations.length,
      () => escalationsTable(findings),
      'No audit raised a safeguarding escalation.',
    ),
  );
  return out;
}
