/*
 * The inspectors' sample: the cases inspectors might choose to track and sample from the child-level
 * lists, drawn the way they spread them (across help and protection, children in care and care
 * leavers, and across teams within each), reproducible from a seed. For each case, what this workspace
 * knows about it: when it was last audited (here or by the case list's own date, as the round sampler
 * reads it) and what the audit found, so leaders can see the cases they could not speak to.
 */
import { standingGrade, standingModerations } from '../case-audit/findings';
import type { AuditRound, CaseAudit, CaseListEntry, Moderation } from '../case-audit/records';
import { drawSample, lastAuditedOn } from '../case-audit/sampling';
import { findLevel, findScale } from '../framework/lookup';
import type { Framework } from '../framework/types';
import { monthsBefore } from '../self-assessment/dates';
import {
  INSPECTION_COHORTS,
  type InspectionCohort,
  type RehearsalSample,
  type SampledCaseInRehearsal,
} from './records';

/** An audit older than this is not "recent" for a case an inspector picks up (the 12 months audit groups avoid). */
export const RECENT_AUDIT_MONTHS = 12;
export const DEFAULT_CASES_PER_COHORT = 6;

export const COHORT_LABELS: Record<InspectionCohort, string> = {
  'help-and-protection': 'Help and protection',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
};

const COHORT_OF_CASE_TYPE: Record<string, InspectionCohort> = {
  'early-help': 'help-and-protection',
  'front-door': 'help-and-protection',
  'child-in-need-child-protection': 'help-and-protection',
  'children-in-care': 'children-in-care',
  'care-leavers': 'care-leavers',
};

export function cohortOf(caseType: string): InspectionCohort | undefined {
  return COHORT_OF_CASE_TYPE[caseType];
}

/** Every case on the rounds' case lists once (the most recent round's entry wins). */
export function combinedCaseList(rounds: readonly AuditRound[]): CaseListEntry[] {
  const byReference = new Map<string, CaseListEntry>();
  const newestFirst = [...rounds]
    .filter((r) => !r.deletedAt)
    .sort((a, b) => b.periodTo.localeCompare(a.periodTo) || b.updatedAt.localeCompare(a.updatedAt));
  for (const round of newestFirst)
    for (const entry of round.caseList)
      if (!byReference.has(entry.caseReference)) byReference.set(entry.caseReference, entry);
  return [...byReference.values()];
}

export function drawInspectorsSample(input: {
  caseList: readonly CaseListEntry[];
  seed: number;
  perCohort: number;
  drawnAt: string;
}): RehearsalSample {
  const cases: SampledCaseInRehearsal[] = INSPECTION_COHORTS.flatMap((cohort, i) => {
    const caseTypes = Object.keys(COHORT_OF_CASE_TYPE).filter((t) => COHORT_OF_CASE_TYPE[t] === cohort);
    const { cases: picked } = drawSample({
      caseList: input.caseList,
      rule: {
        // A different stream per cohort, so adding care leavers to the list does not reshuffle the others.
        seed: (input.seed + i * 7919) >>> 0,
        size: { kind: 'count', value: input.perCohort },
        caseTypes,
        excludeAuditedWithinMonths: 0,
        stratifyBy: ['team'],
      },
      auditors: [],
      today: input.drawnAt.slice(0, 10),
    });
    return picked.map((c) => ({
      caseReference: c.caseReference,
      cohort,
      caseType: c.caseType,
      team: c.team,
      worker: c.worker,
    }));
  });
  return { seed: input.seed, perCohort: input.perCohort, drawnAt: input.drawnAt, cases };
}

export interface CaseAuditStatus {
  caseReference: string;
  audits: number;
  /** The latest completed audit this workspace holds. */
  latest?: { auditId: string; date: string; grade?: string; recent: boolean };
  /** When the case was last audited, by this workspace or the case list's own date, whichever is later. */
  lastAudited?: { date: string; recent: boolean; fromCaseList: boolean };
  /** Unfinished audits of this case. */
  drafts: number;
}

export function auditStatusOf(input: {
  caseReferences: readonly string[];
  /** The imported case lists (combinedCaseList), for each case's own "date last audited". */
  caseList?: readonly CaseListEntry[];
  audits: readonly CaseAudit[];
  moderations: readonly Moderation[];
  frameworks: readonly Framework[];
  today: string;
}): Map<string, CaseAuditStatus> {
  const wanted = new Set(input.caseReferences);
  const recentFrom = monthsBefore(input.today, RECENT_AUDIT_MONTHS);
  const moderationOf = standingModerations(input.moderations);
  const result = new Map<string, CaseAuditStatus>(
    input.caseReferences.map((ref) => [ref, { caseReference: ref, audits: 0, drafts: 0 }]),
  );
  for (const audit of input.audits) {
    if (audit.deletedAt || !wanted.has(audit.caseReference)) continue;
    const status = result.get(audit.caseReference)!;
    if (audit.status === 'draft') {
      status.drafts += 1;
      continue;
    }
    status.audits += 1;
    if (status.latest && status.latest.date >= audit.auditDate) continue;
    const moderation = moderationOf.get(audit.id);
    status.latest = {
      auditId: audit.id,
      date: audit.auditDate,
      grade: gradeLabel(input.frameworks, audit, standingGrade(audit, moderation)),
      recent: audit.auditDate >= recentFrom,
    };
  }
  addLastAudited(result, input.caseList ?? [], recentFrom);
  return result;
}

/** What the last audit found, in words: its standing grade, or that this workspace does not hold it. */
export function lastAuditFinding(status: CaseAuditStatus | undefined): string {
  if (!status?.lastAudited) return '–';
  if (status.lastAudited.fromCaseList) return 'Not held in this workspace';
  return status.latest?.grade ?? '–';
}

function addLastAudited(
  statuses: Map<string, CaseAuditStatus>,
  caseList: readonly CaseListEntry[],
  recentFrom: string,
) {
  const held = new Map<string, string>();
  for (const s of statuses.values()) if (s.latest) held.set(s.caseReference, s.latest.date);
  const entries = new Map(caseList.map((c) => [c.caseReference, c]));
  for (const status of statuses.values()) {
    const ref = status.caseReference;
    const date = lastAuditedOn(entries.get(ref) ?? { caseReference: ref }, held);
    if (!date) continue;
    status.lastAudited = { date, recent: date >= recentFrom, fromCaseList: date !== held.get(ref) };
  }
}

function gradeLabel(frameworks: readonly Framework[], audit: CaseAudit, levelId: string | undefined) {
  if (!levelId) return undefined;
  const framework = frameworks.find((f) => f.id === audit.frameworkId);
  const tool = framework?.auditTools.find((t) => t.id === audit.toolId);
  const scale = framework && tool ? findScale(framework, tool.scaleId) : undefined;
  return findLevel(scale, levelId)?.label ?? levelId;
}
