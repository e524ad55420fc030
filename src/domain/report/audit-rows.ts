/*
 * Case audits for the workbook: one row per audit and one column per domain grade and question of its
 * tool, so every answer is exported; plus the share good or better by quarter. Worked out only when the
 * workbook reads them: the PDF and Word document print the findings (audit-findings.ts) instead.
 */
import { computeDistributions, isCounted, standingGrade } from '../case-audit/findings';
import { describeGoodOrBetter, percentGoodOrBetter } from '../case-audit/subgroup-report';
import { AUDIT_STATUSES, YES_NO_PARTLY, type CaseAudit, type Moderation } from '../case-audit/records';
import { findLevel, findScale } from '../framework/lookup';
import type { Framework } from '../framework/types';
import { describeCaseType } from '../workspace/labels';
import { buildAgreementRows } from './agreement-rows';
import type { AuditRow, AuditSummary, ReportModel } from './report-model';

/** The workbook's audit figures, each computed the first time it is read and then kept. */
export function workbookAudits(
  framework: Framework,
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[],
): ReportModel['audits'] {
  let built: Omit<ReportModel['audits'], 'agreement'> | undefined;
  let agreement: ReportModel['audits']['agreement'] | undefined;
  const rows = () => (built ??= buildAuditRows(framework, audits, moderations));
  return {
    get rows() {
      return rows().rows;
    },
    get columns() {
      return rows().columns;
    },
    get byQuarter() {
      return rows().byQuarter;
    },
    get overall() {
      return rows().overall;
    },
    get agreement() {
      return (agreement ??= buildAgreementRows(framework, audits, moderations));
    },
  };
}

export function buildAuditRows(
  framework: Framework,
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[],
): Omit<ReportModel['audits'], 'agreement'> {
  const usedTools = framework.auditTools.filter((t) => audits.some((a) => a.toolId === t.id));
  const columns = usedTools.flatMap((tool) =>
    tool.domains.flatMap((d) => [
      ...(d.graded
        ? [{ id: `${tool.id}:domain:${d.id}`, heading: `${tool.title} › ${d.title} (grade)` }]
        : []),
      ...d.questions.map((q) => ({
        id: `${tool.id}:${q.id}`,
        heading: `${tool.title} › ${q.text}`,
        ...(q.answerType === 'date' ? { kind: 'date' as const } : {}),
      })),
    ]),
  );
  const scale = framework.scales.find((s) => s.kind === 'ordinal') ?? framework.scales[0];
  const moderationOf = new Map(moderations.map((m) => [m.auditId, m]));
  const rows: AuditRow[] = audits.map((audit) => {
    const tool = framework.auditTools.find((t) => t.id === audit.toolId);
    const toolScale = tool ? findScale(framework, tool.scaleId) : scale;
    const word = (value: string | undefined) =>
      value === 'not-applicable'
        ? 'Not applicable'
        : (findLevel(toolScale, value)?.label ??
          YES_NO_PARTLY[value as keyof typeof YES_NO_PARTLY] ??
          value ??
          '');
    const answers: Record<string, string> = {};
    for (const d of tool?.domains ?? []) {
      if (d.graded) answers[`${audit.toolId}:domain:${d.id}`] = word(audit.domainGrades[d.id]);
      for (const q of d.questions) answers[`${audit.toolId}:${q.id}`] = word(audit.answers[q.id]);
    }
    const moderation = moderationOf.get(audit.id);
    return {
      caseReference: audit.caseReference,
      caseType: describeCaseType(audit.caseType),
      team: audit.team,
      worker: audit.worker,
      auditor: audit.auditor,
      auditDate: audit.auditDate,
      tool: tool?.title ?? audit.toolId,
      status: AUDIT_STATUSES[audit.status],
      overallGrade: word(audit.overallGrade),
      moderatedGrade: moderation?.submittedAt ? word(standingGrade(audit, moderation)) : '',
      strengths: audit.strengths,
      worries: audit.worries,
      voiceOfChildAndFamily: audit.voiceOfChildAndFamily,
      escalation: audit.escalation
        ? `${audit.escalation.concern} Responses: ${audit.escalation.log.map((l) => `${l.toldWho}: ${l.action}`).join('; ') || 'none recorded'}`
        : '',
      themes: audit.themes.join(', '),
      answers,
    };
  });
  const counted = audits.filter(isCounted);
  const byQuarter = scale
    ? computeDistributions({ audits: counted, moderations, scale, dimension: 'quarter' }).map((d) => ({
        quarter: d.key,
        ...summaryOf(d, scale),
      }))
    : [];
  const [all] = scale
    ? computeDistributions({
        audits: counted.map((a) => ({ ...a, team: 'all' })),
        moderations,
        scale,
        dimension: 'team',
      })
    : [];
  return { rows, columns, byQuarter, overall: summaryOf(all, scale) };
}

export function summaryOf(
  d: ReturnType<typeof computeDistributions>[number] | undefined,
  scale: Framework['scales'][number] | undefined,
): AuditSummary {
  const levels = scale ? [...scale.levels].sort((a, b) => b.rank - a.rank) : [];
  return {
    audits: (d?.n ?? 0) + (d?.notCounted ?? 0),
    graded: d?.n ?? 0,
    goodOrBetter: d?.goodOrBetter ?? 0,
    percentGoodOrBetter: d ? percentGoodOrBetter(d) : null,
    share: d ? describeGoodOrBetter(d) : 'No grades',
    counts: levels.map((l) => ({ label: l.label, count: d?.counts[l.id] ?? 0 })),
  };
}
