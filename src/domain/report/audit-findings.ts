/*
 * The annual report's audit findings section: the subgroup report's figures over every audit of the
 * framework (so the Findings page, the subgroup report and the annual report never disagree), one set
 * of tables per scale the audits are graded on, with the audits behind each judgement as its own
 * section prints them, and a sentence when nothing is counted.
 */
import { scalesInUse } from '../case-audit/audit-scales';
import {
  buildSubgroupReport,
  findingsAudits,
  type SubgroupReport,
  type SubgroupReportInput,
} from '../case-audit/subgroup-report';
import { describeThreshold, isScaling } from '../framework/scale-words';
import type { Scale } from '../framework/types';
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
  const report = reportOnEveryScale(input);
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

type Merged = Pick<
  SubgroupReport,
  'counts' | 'distributions' | 'agreementNote' | 'agreement' | 'moderations' | 'themes' | 'escalations'
>;

/**
 * The subgroup report once per scale the audits are graded on, joined: grades on different scales
 * never share a table, so each scale's tables say which scale (and, for 0 to 10, its threshold), while
 * counts, moderations, themes and escalations cover every audit once.
 */
function reportOnEveryScale(input: AuditFindingsInput): Merged {
  const reportOn = (scaleId?: string) =>
    buildSubgroupReport({
      framework: input.framework,
      audits: input.audits,
      moderations: input.moderations,
      rounds: input.rounds ?? [],
      actions: input.actions,
      settings: input.settings,
      scope: { kind: 'all' },
      ...(scaleId === undefined ? {} : { scaleId }),
      today: input.today,
    });
  const scales = scalesInUse(input.framework, findingsAudits(input.framework, input.audits, { kind: 'all' }));
  if (scales.length <= 1) {
    const [only] = scales;
    const report = reportOn(only?.scale.id);
    if (!only || !isScaling(only.scale)) return report;
    return { ...report, ...named(report, only.scale) };
  }
  const reports = scales.map(({ scale }) => ({ scale, report: reportOn(scale.id) }));
  const first = reports[0]!.report;
  const sum = (of: (c: SubgroupReport['counts']) => number) =>
    reports.reduce((total, r) => total + of(r.report.counts), 0);
  const themes = new Map<string, number>();
  for (const { report } of reports)
    for (const t of report.themes) themes.set(t.theme, (themes.get(t.theme) ?? 0) + t.count);
  const titled = reports.map(({ scale, report }) => named(report, scale));
  return {
    counts: {
      inScope: sum((c) => c.inScope),
      completed: sum((c) => c.completed),
      drafts: sum((c) => c.drafts),
      moderated: sum((c) => c.moderated),
    },
    distributions: titled.flatMap((r) => r.distributions),
    agreementNote: first.agreementNote,
    agreement: titled.flatMap((r) => r.agreement),
    moderations: reports
      .flatMap((r) => r.report.moderations)
      .sort((a, b) => a.caseReference.localeCompare(b.caseReference)),
    themes: [...themes.entries()]
      .map(([theme, count]) => ({ theme, count }))
      .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme)),
    escalations: reports.flatMap((r) => r.report.escalations),
  };
}

/** Each table titled with its scale, and a 0 to 10 scale's threshold, since they cannot be guessed. */
function named(report: SubgroupReport, scale: Scale): Pick<SubgroupReport, 'distributions' | 'agreement'> {
  const suffix = isScaling(scale)
    ? ` (${scale.title}; good or better is ${describeThreshold(scale)})`
    : ` (${scale.title})`;
  return {
    distributions: report.distributions.map((d) => ({ ...d, title: d.title + suffix })),
    agreement: report.agreement.map((a) => ({ ...a, title: a.title + suffix })),
  };
}
