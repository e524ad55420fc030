/*
 * Case audits for the workbook: one row per audit and one column per domain grade and question of its
 * tool, so every answer is exported; plus the share good or better by quarter, each audit counted by
 * its own tool's scale. Worked out only when the workbook reads them: the PDF and Word document print
 * the findings (audit-findings.ts) instead.
 */
import {
  computeDistributionsOnOwnScales,
  type MixedDistribution,
  type ScaleFigure,
} from '../case-audit/audit-scales';
import { isCounted, standingGrade, type Distribution } from '../case-audit/findings';
import { describeGoodOrBetter, percentGoodOrBetter } from '../case-audit/subgroup-report';
import { AUDIT_STATUSES, YES_NO_PARTLY, type CaseAudit, type Moderation } from '../case-audit/records';
import { findLevel, findScale, levelsBestFirst } from '../framework/lookup';
import { describeThreshold, isScaling } from '../framework/scale-words';
import type { Framework, Scale } from '../framework/types';
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
  // Each audit counts by its own tool's scale: a 0 to 10 audit at its threshold, a four-point one at good.
  const onOwnScales = (list: readonly CaseAudit[], dimension: 'quarter' | 'team') =>
    scale
      ? computeDistributionsOnOwnScales({ framework, audits: list, moderations, fallback: scale, dimension })
      : [];
  const byQuarter = onOwnScales(counted, 'quarter').map((d) => ({ quarter: d.key, ...summaryOf(d, scale) }));
  const [all] = onOwnScales(
    counted.map((a) => ({ ...a, team: 'all' })),
    'team',
  );
  return { rows, columns, byQuarter, overall: summaryOf(all, scale) };
}

/**
 * A figure as the documents print it: a count per grade of `scale`, then, for audits graded on other
 * scales (a 0 to 10 tool beside four-point ones), how many reached that scale's threshold and how many
 * did not, so the counts always add up to the audits graded.
 */
export function summaryOf(
  d: Distribution | MixedDistribution | undefined,
  scale: Scale | undefined,
): AuditSummary {
  const levels = scale ? levelsBestFirst(scale) : [];
  const others = d && 'byScale' in d ? d.byScale.filter((f) => f.scale !== scale && f.n > 0) : [];
  return {
    audits: (d?.n ?? 0) + (d?.notCounted ?? 0),
    graded: d?.n ?? 0,
    goodOrBetter: d?.goodOrBetter ?? 0,
    percentGoodOrBetter: d ? percentGoodOrBetter(d) : null,
    share: d ? describeGoodOrBetter(d) : 'No grades',
    counts: [
      ...levels.map((l) => ({ label: l.label, count: d?.counts[l.id] ?? 0 })),
      ...others.flatMap((f) => thresholdCounts(f)),
    ],
  };
}

function thresholdCounts(figure: ScaleFigure): AuditSummary['counts'] {
  const { scale } = figure;
  const above = isScaling(scale)
    ? `Scaled ${describeThreshold(scale)}`
    : `${scale.title}: ${describeThreshold(scale)}`;
  const below = isScaling(scale)
    ? `Scaled below ${scale.goodOrBetterMinRank}`
    : `${scale.title}: less than ${describeThreshold(scale).toLowerCase()}`;
  return [
    { label: above, count: figure.goodOrBetter },
    { label: below, count: figure.n - figure.goodOrBetter },
  ];
}
