/*
 * The annual report's audit findings section: the subgroup report's figures over every audit of the
 * framework (so the Findings page, the subgroup report and the annual report never disagree), with the
 * audits behind each judgement as its own section prints them, and a sentence when nothing is counted.
 */
import { buildSubgroupReport, type SubgroupReportInput } from '../case-audit/subgroup-report';
import type { AuditFindings, JudgementSection, ReportWords } from './report-model';

/** What the section reads of the report's input (build-report.ts's ReportInput has all of it). */
export type AuditFindingsInput = Omit<SubgroupReportInput, 'scope' | 'rounds'> & {
  rounds?: SubgroupReportInput['rounds'];
};

export function buildAuditFindings(
  input: AuditFindingsInput,
  judgements: readonly JudgementSection[],
  words: ReportWords,
): AuditFindings {
  const report = buildSubgroupReport({
    framework: input.framework,
    audits: input.audits,
    moderations: input.moderations,
    rounds: input.rounds ?? [],
    actions: input.actions,
    settings: input.settings,
    scope: { kind: 'all' },
    today: input.today,
  });
  const audits = words.audits;
  const none =
    report.counts.inScope === 0
      ? `No ${audits} against this framework have been recorded yet.`
      : report.counts.completed === 0
        ? `None of the ${report.counts.inScope} ${audits} recorded is completed yet, so there are no findings to report.`
        : null;
  return {
    none,
    counts: report.counts,
    // Rows with nothing to count (a domain no audit graded, a domain no moderator graded) are left out.
    distributions: report.distributions
      .map((d) => ({ ...d, rows: d.rows.filter((r) => r.audits + r.notCounted > 0) }))
      .filter((d) => d.rows.length > 0),
    agreementNote: report.agreementNote,
    agreement: report.agreement
      .map((a) => ({ ...a, rows: a.rows.filter((r) => r.pairs > 0) }))
      .filter((a) => a.rows.length > 0),
    moderations: report.moderations,
    themes: report.themes,
    escalations: report.escalations,
    byJudgement: judgements
      .filter((j) => j.auditFindings)
      .map((j) => ({
        judgement: j.heading,
        audits: j.auditFindings!.graded,
        goodOrBetter: j.auditFindings!.goodOrBetter,
        share: j.auditFindings!.share,
      })),
  };
}
