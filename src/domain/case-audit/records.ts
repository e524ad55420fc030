/*
 * The records of case-file auditing (design.md §3): rounds, the case list they sample from, audits
 * with their answers and grades, moderations and safeguarding escalations. Case references are
 * pseudonymised; names of children never belong here. Grades are scale level ids or NOT_APPLICABLE.
 */
import type { RecordMeta } from '../workspace/record-meta';

export const ROUND_TYPES = {
  routine: 'Routine (monthly)',
  themed: 'Themed',
  'practice-week': 'Practice week (Listening and Learning)',
  'multi-agency': 'Multi-agency',
} as const;
export type RoundType = keyof typeof ROUND_TYPES;

export const AUDIT_STATUSES = { draft: 'Draft', complete: 'Complete', moderated: 'Moderated' } as const;
export type AuditStatus = keyof typeof AUDIT_STATUSES;

export const YES_NO_PARTLY = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  'not-applicable': 'Not applicable',
} as const;

export interface CaseListEntry {
  caseReference: string;
  caseType: string;
  team: string;
  worker: string;
  /** yyyy-mm-dd, when known: the case's start, and when it was last audited. */
  startDate?: string;
  lastAuditedDate?: string;
}

export interface SampleRule {
  seed: number;
  /** A number of cases, or a percentage of those eligible. */
  size: { kind: 'count'; value: number } | { kind: 'percentage'; value: number };
  caseTypes: string[];
  excludeAuditedWithinMonths: number;
  stratifyBy: ('caseType' | 'team')[];
}

export interface SampledCase extends CaseListEntry {
  auditor: string;
}

export interface AuditRound extends RecordMeta {
  title: string;
  /** The framework whose audit tools this round uses. */
  frameworkId: string;
  frameworkVersion: number;
  type: RoundType;
  theme: string;
  /** yyyy-mm-dd */
  periodFrom: string;
  periodTo: string;
  auditors: string[];
  targetCount: number;
  toolIds: string[];
  caseList: CaseListEntry[];
  caseListFileName?: string;
  sample?: { rule: SampleRule; drawnAt: string; rationale: string; cases: SampledCase[] };
}

export interface EscalationLogEntry {
  at: string;
  by: string;
  /** Who was told, and what happened. */
  toldWho: string;
  action: string;
}

export interface AgencyContribution {
  agency: string;
  contributor: string;
  answers: Record<string, string>;
  overallGrade?: string;
  summary: string;
}

export interface CaseAudit extends RecordMeta {
  roundId?: string;
  frameworkId: string;
  frameworkVersion: number;
  toolId: string;
  toolVersion: number;
  caseReference: string;
  caseType: string;
  team: string;
  worker: string;
  auditor: string;
  /** yyyy-mm-dd */
  auditDate: string;
  /** Question id → answer as text (level id, yes/partly/no/not-applicable, number, date or free text). */
  answers: Record<string, string>;
  /** Domain id → level id or NOT_APPLICABLE. */
  domainGrades: Record<string, string>;
  overallGrade?: string;
  strengths: string;
  worries: string;
  voiceOfChildAndFamily: string;
  practitionerActions: string;
  managerActions: string;
  practitionerResponse: string;
  /** Short themes for counting, e.g. "drift", "voice of the child". */
  themes: string[];
  escalation?: {
    raisedAt: string;
    raisedBy: string;
    concern: string;
    log: EscalationLogEntry[];
    closedAt?: string;
  };
  contributions: AgencyContribution[];
  status: AuditStatus;
  /** Criteria the tool's questions map to, kept for indexing audits by criterion. */
  criterionIds: string[];
}

export interface Moderation extends RecordMeta {
  auditId: string;
  moderator: string;
  blind: boolean;
  /** Domain id → the moderator's grade. */
  domainGrades: Record<string, string>;
  overallGrade?: string;
  /** The grade that stands after moderation, with the reason when it differs from the auditor's. */
  moderatedOverallGrade?: string;
  reason: string;
  submittedAt?: string;
}
