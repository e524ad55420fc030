/*
 * The audit subgroup's report to the safeguarding partnership: what the audits of the chosen round(s)
 * or period found. Good or better by quarter, case type, team, round and domain; auditor–moderator
 * agreement; the moderations that stand; recurring themes; escalations and their responses; and the
 * actions raised. Every figure comes from the function the Findings page shows it with (findings.ts,
 * moderation-agreement.ts, agreement.ts), over the same audits (findingsAudits), so page and paper agree.
 * Renderers lay this out and add nothing.
 */
import { scalesInUse } from './audit-scales';
import { formatDate } from '../format/dates';
import { findLevel, findScale, levelsBestFirst } from '../framework/lookup';
import type { AuditTool, Framework, Scale } from '../framework/types';
import { describeCaseType } from '../workspace/labels';
import type { ImprovementAction, Settings } from '../workspace/records';
import { ACTION_STATUSES, NOT_APPLICABLE, RAG_BANDS } from '../workspace/vocabulary';
import { describeAgreementShare, describeKappa, MIN_PAIRS_FOR_KAPPA, type Agreement } from './agreement';
import {
  computeDistributions,
  computeDomainDistributions,
  countThemes,
  isCounted,
  standingGrade,
  standingModerations,
  type Dimension,
  type Distribution,
} from './findings';
import { computeAgreementBy, computeDomainAgreement } from './moderation-agreement';
import type { AuditRound, CaseAudit, Moderation } from './records';

/** Which audits the findings cover: all of them, those of chosen rounds, or those dated in a period. */
export type FindingsScope =
  | { kind: 'all' }
  | { kind: 'rounds'; roundIds: string[] }
  /** yyyy-mm-dd, both ends included; either may be empty for an open end. */
  | { kind: 'period'; from: string; to: string };

/**
 * The audits the Findings page and the subgroup report count: the framework's, within the scope, and
 * (given `scaleId`) only those graded on that scale, since audits on different scales never add up.
 */
export function findingsAudits(
  framework: Pick<Framework, 'id' | 'auditTools'>,
  audits: readonly CaseAudit[],
  scope: FindingsScope,
  scaleId?: string,
): CaseAudit[] {
  const inFramework = audits.filter(
    (a) => !a.deletedAt && a.frameworkId === framework.id && inScope(a, scope),
  );
  if (scaleId === undefined) return inFramework;
  const onScale = new Set(framework.auditTools.filter((t) => t.scaleId === scaleId).map((t) => t.id));
  return inFramework.filter((a) => onScale.has(a.toolId));
}

function inScope(audit: CaseAudit, scope: FindingsScope): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'rounds') return audit.roundId !== undefined && scope.roundIds.includes(audit.roundId);
  return (!scope.from || audit.auditDate >= scope.from) && (!scope.to || audit.auditDate <= scope.to);
}

export function describeScope(scope: FindingsScope, rounds: readonly AuditRound[]): string {
  if (scope.kind === 'all') return 'All audits';
  if (scope.kind === 'rounds') {
    const titles = scope.roundIds.map((id) => rounds.find((r) => r.id === id)?.title ?? 'A deleted round');
    if (titles.length === 0) return 'No round chosen';
    return `${titles.length === 1 ? 'Round' : 'Rounds'}: ${titles.join('; ')}`;
  }
  if (scope.from && scope.to) return `Audits dated ${formatDate(scope.from)} to ${formatDate(scope.to)}`;
  if (scope.from) return `Audits dated from ${formatDate(scope.from)}`;
  if (scope.to) return `Audits dated up to ${formatDate(scope.to)}`;
  return 'All audits';
}

/** The share good or better as the page and every export print it: "60%", or "No grades". */
export function describeGoodOrBetter(d: Pick<Distribution, 'share'>): string {
  const percent = percentGoodOrBetter(d);
  return percent === null ? 'No grades' : `${percent}%`;
}

/** The share good or better as a whole per cent (0–100), or null with nothing graded. */
export function percentGoodOrBetter(d: Pick<Distribution, 'share'>): number | null {
  return d.share === null ? null : Math.round(d.share * 100);
}

/** A dimension's keys in words, as the Findings page labels its rows. */
export function dimensionLabel(dimension: Dimension, key: string, rounds: readonly AuditRound[]): string {
  if (dimension === 'round') return rounds.find((r) => r.id === key)?.title ?? key;
  if (dimension === 'caseType') return describeCaseType(key);
  return key;
}

export interface DistributionLine {
  label: string;
  /** Audits with a grade on the scale. */
  audits: number;
  /** By level, best first, as `levels`. */
  counts: number[];
  goodOrBetter: number;
  /** "60%" or "No grades". */
  share: string;
  /** 0–100, or null with nothing graded. */
  percent: number | null;
  notCounted: number;
}

export interface DistributionTableModel {
  title: string;
  heading: string;
  levels: string[];
  rows: DistributionLine[];
}

export interface AgreementLine {
  label: string;
  pairs: number;
  exact: string;
  withinOne: string;
  kappa: string;
  weightedKappa: string;
}

export interface SubgroupReport {
  council: string;
  marking: string;
  title: string;
  framework: string;
  scope: string;
  /** yyyy-mm-dd, like every date here, so each renderer writes it its own way. */
  printed: string;
  preparedBy: string;
  /** Audits in scope, how many are completed and counted, and how many are still drafts. */
  counts: { inScope: number; completed: number; drafts: number; moderated: number };
  distributions: DistributionTableModel[];
  agreementNote: string;
  agreement: { title: string; heading: string; rows: AgreementLine[] }[];
  moderations: {
    caseReference: string;
    moderator: string;
    submitted: string;
    auditorGrade: string;
    moderatorGrade: string;
    standingGrade: string;
    agreed: 'Yes' | 'No';
    reason: string;
  }[];
  themes: { theme: string; count: number }[];
  escalations: {
    caseReference: string;
    raised: string;
    raisedBy: string;
    concern: string;
    status: 'Open' | 'Closed';
    closed: string;
    responses: { at: string; by: string; toldWho: string; action: string }[];
  }[];
  auditActions: { caseReference: string; practitioner: string; manager: string; response: string }[];
  improvementActions: {
    title: string;
    owner: string;
    due: string;
    status: string;
    rag: string;
    audits: string;
  }[];
}

export interface SubgroupReportInput {
  framework: Framework;
  audits: readonly CaseAudit[];
  moderations: readonly Moderation[];
  rounds: readonly AuditRound[];
  actions: readonly ImprovementAction[];
  settings: Pick<Settings, 'councilName' | 'protectiveMarking' | 'userName'>;
  scope: FindingsScope;
  /** The scale to report on (audits graded on other scales are left out); the most used when absent. */
  scaleId?: string;
  /** yyyy-mm-dd */
  today: string;
}

/** The dimensions the report breaks good or better down by, in the order it prints them. */
export const REPORT_DIMENSIONS: { dimension: Dimension; title: string; heading: string }[] = [
  { dimension: 'quarter', title: 'By quarter', heading: 'Quarter' },
  { dimension: 'caseType', title: 'By case type', heading: 'Case type' },
  { dimension: 'team', title: 'By team', heading: 'Team' },
  { dimension: 'round', title: 'By round', heading: 'Round' },
];

/** The scale the report adds up on: the one asked for, else the one most of the audits use. */
export function reportScale(
  framework: Framework,
  audits: readonly CaseAudit[] = [],
  scaleId?: string,
): Scale | undefined {
  return (
    (scaleId === undefined ? undefined : findScale(framework, scaleId)) ??
    scalesInUse(framework, audits)[0]?.scale ??
    framework.scales.find((s) => s.kind === 'ordinal') ??
    framework.scales[0]
  );
}

export function buildSubgroupReport(input: SubgroupReportInput): SubgroupReport {
  const { framework, rounds } = input;
  const scale = reportScale(framework, findingsAudits(framework, input.audits, input.scope), input.scaleId);
  const audits = findingsAudits(framework, input.audits, input.scope, scale?.id);
  const moderations = input.moderations.filter((m) => !m.deletedAt);
  const toolsUsed = framework.auditTools.filter((t) => audits.some((a) => a.toolId === t.id));
  const standing = standingModerations(moderations);
  const byId = new Map(audits.map((a) => [a.id, a]));
  const counted = audits.filter(isCounted);
  const word = (s: Scale | undefined, id: string | undefined) =>
    id === NOT_APPLICABLE ? 'Not applicable' : (findLevel(s, id)?.label ?? 'Not graded');
  const scaleOfTool = (tool: AuditTool | undefined) =>
    (tool ? findScale(framework, tool.scaleId) : undefined) ?? scale;
  const toolOf = (a: CaseAudit) => framework.auditTools.find((t) => t.id === a.toolId);

  const distributions: DistributionTableModel[] = scale
    ? [
        ...REPORT_DIMENSIONS.map(({ dimension, title, heading }) =>
          tableOf(
            title,
            heading,
            scale,
            computeDistributions({ audits, standing, scale, dimension }),
            (key) => dimensionLabel(dimension, key, rounds),
          ),
        ),
        ...toolsUsed.map((tool) =>
          tableOf(
            `By domain: ${tool.title}`,
            'Domain',
            scaleOfTool(tool)!,
            computeDomainDistributions(audits, tool, scaleOfTool(tool)!, moderations, standing),
            (key) => tool.domains.find((d) => d.id === key)?.title ?? key,
          ),
        ),
      ]
    : [];

  const agreement = scale
    ? [
        agreementOf(
          'Agreement by round',
          'Round',
          computeAgreementBy('round', audits, moderations, scale).map((r) => ({
            ...r,
            label: r.key === 'All' ? 'All rounds' : dimensionLabel('round', r.key, rounds),
          })),
        ),
        agreementOf(
          'Agreement by auditor',
          'Auditor',
          computeAgreementBy('auditor', audits, moderations, scale).map((r) => ({
            ...r,
            label: r.key === 'All' ? 'All auditors' : r.key,
          })),
        ),
        ...toolsUsed.map((tool) =>
          agreementOf(
            `Agreement by domain: ${tool.title}`,
            'Domain',
            computeDomainAgreement(tool, audits, moderations, scale).map((r) => ({
              ...r,
              label: tool.domains.find((d) => d.id === r.key)?.title ?? r.key,
            })),
          ),
        ),
      ].filter((t) => t.rows.length > 0)
    : [];

  const auditIds = new Set(audits.map((a) => a.id));
  return {
    council: input.settings.councilName || 'Council',
    marking: input.settings.protectiveMarking,
    title: 'Audit subgroup report',
    framework: framework.shortTitle || framework.title,
    scope: describeScope(input.scope, rounds),
    printed: input.today,
    preparedBy: input.settings.userName,
    counts: {
      inScope: audits.length,
      completed: counted.length,
      drafts: audits.length - counted.length,
      moderated: audits.filter((a) => standing.has(a.id)).length,
    },
    distributions,
    agreementNote: `Cohen’s kappa is agreement corrected for chance. It is shown once a row has ${MIN_PAIRS_FOR_KAPPA} moderated pairs: with fewer, a single case moves it too far to mean anything.`,
    agreement,
    moderations: [...standing.values()]
      .filter((m) => byId.has(m.auditId))
      .map((m) => {
        const audit = byId.get(m.auditId)!;
        const s = scaleOfTool(toolOf(audit));
        return {
          caseReference: audit.caseReference,
          moderator: m.moderator,
          submitted: m.submittedAt?.slice(0, 10) ?? '',
          auditorGrade: word(s, audit.overallGrade),
          moderatorGrade: word(s, m.overallGrade),
          standingGrade: word(s, standingGrade(audit, m)),
          agreed: audit.overallGrade === m.overallGrade ? ('Yes' as const) : ('No' as const),
          reason: m.reason,
        };
      })
      .sort((a, b) => a.caseReference.localeCompare(b.caseReference)),
    themes: countThemes(audits),
    escalations: audits
      .filter((a) => a.escalation)
      .map((a) => {
        const e = a.escalation!;
        return {
          caseReference: a.caseReference,
          raised: e.raisedAt.slice(0, 10),
          raisedBy: e.raisedBy,
          concern: e.concern,
          status: e.closedAt ? ('Closed' as const) : ('Open' as const),
          closed: e.closedAt?.slice(0, 10) ?? '',
          responses: e.log.map((l) => ({
            at: l.at.slice(0, 10),
            by: l.by,
            toldWho: l.toldWho,
            action: l.action,
          })),
        };
      }),
    auditActions: counted
      .filter((a) => a.practitionerActions.trim() || a.managerActions.trim() || a.practitionerResponse.trim())
      .map((a) => ({
        caseReference: a.caseReference,
        practitioner: a.practitionerActions,
        manager: a.managerActions,
        response: a.practitionerResponse,
      })),
    improvementActions: input.actions
      .filter((x) => !x.deletedAt && x.auditIds.some((id) => auditIds.has(id)))
      .sort((x, y) => (x.dueDate || '9999').localeCompare(y.dueDate || '9999'))
      .map((x) => ({
        title: x.title,
        owner: x.owner,
        due: x.dueDate,
        status: ACTION_STATUSES[x.status],
        rag: RAG_BANDS[x.rag],
        audits: x.auditIds
          .filter((id) => auditIds.has(id))
          .map((id) => byId.get(id)!.caseReference)
          .join(', '),
      })),
  };
}

function tableOf(
  title: string,
  heading: string,
  scale: Scale,
  rows: Distribution[],
  labelOf: (key: string) => string,
): DistributionTableModel {
  const levels = levelsBestFirst(scale);
  return {
    title,
    heading,
    levels: levels.map((l) => l.label),
    rows: rows.map((d) => ({
      label: labelOf(d.key),
      audits: d.n,
      counts: levels.map((l) => d.counts[l.id] ?? 0),
      goodOrBetter: d.goodOrBetter,
      share: describeGoodOrBetter(d),
      percent: percentGoodOrBetter(d),
      notCounted: d.notCounted,
    })),
  };
}

function agreementOf(
  title: string,
  heading: string,
  rows: { label: string; agreement: Agreement }[],
): SubgroupReport['agreement'][number] {
  return {
    title,
    heading,
    rows: rows.map(({ label, agreement }) => ({
      label,
      pairs: agreement.n,
      exact: describeAgreementShare(agreement, 'exact'),
      withinOne: describeAgreementShare(agreement, 'withinOne'),
      kappa: describeKappa(agreement, 'kappa'),
      weightedKappa: describeKappa(agreement, 'weightedKappa'),
    })),
  };
}
