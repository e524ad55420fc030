/*
 * What a signed-in person may change in the team workspace, in words for them (issue 22). The server
 * decides and enforces (src/server/permissions.js, permissions-records.js); this is the same rule seen
 * from the browser, so that a change the server would refuse is refused as it is made, with the reason,
 * instead of waiting unsent forever: the unit's access as the server granted it when the unit opened,
 * the person's roles until then, and for a contributor the record's assignee (one rule, assignment.js).
 */
import {
  ASSIGNED_TABLES,
  commentChangeProblem,
  isAssignedTo,
  isReviewDecision,
} from '../server/assignment.js';
import type { SyncedRecord, SyncedTable } from '../storage/repositories/team-repository';
import { FRAMEWORKS, SETTINGS, unitOfRecord } from './units';

export type UnitAccess = 'read' | 'write' | 'none';

export interface TeamPerson {
  id: string;
  name: string;
  email?: string | null;
  roles: readonly string[];
}

export const READER_REFUSAL =
  'Your role in this team workspace is reader: you can read and export everything, but not change anything. Ask a workspace administrator if you need to make a change.';
export const NO_ROLE_REFUSAL =
  'You have no role in this team workspace yet, so nothing you change can be kept. Ask a workspace administrator to give you one.';
export const SET_UP_REFUSAL =
  'Only a workspace administrator can change the workspace’s settings and frameworks. You can read them.';
export const CYCLE_REFUSAL =
  'Only a workspace administrator can change a self-assessment’s own details, finalise it or reopen it. You can change the criteria and self-evaluations assigned to you.';

export const REVIEW_REFUSAL =
  'Only a workspace administrator can agree work sent for review or send it back. You can send your own work for review.';

const RECORD_WORDS: Partial<Record<SyncedTable, string>> = {
  criterionAssessments: 'criterion',
  judgementAssessments: 'judgement',
  narratives: 'self-evaluation',
};
const UNIT_WORDS: Record<string, string> = {
  cycle: 'self-assessment',
  round: 'audit round',
  audit: 'case audit',
  moderation: 'moderation',
  registers: 'registers',
  rehearsals: 'rehearsals',
};

/**
 * Why this person may not make this change (a record created, changed or deleted: `before` or `after`
 * absent), or undefined when they may. `accessOf` gives the access the server granted a unit, once known.
 */
export function changeRefusal(
  person: TeamPerson,
  accessOf: (unit: string) => UnitAccess | undefined,
  table: SyncedTable,
  before: SyncedRecord | undefined,
  after: SyncedRecord | undefined,
): string | undefined {
  const roles = person.roles;
  if (roles.includes('admin')) return undefined;
  if (!roles.length) return NO_ROLE_REFUSAL;
  const record = after ?? before;
  const unit = record && unitOfRecord(table, record);
  if (!unit) return undefined;
  if (unit === SETTINGS || unit === FRAMEWORKS) return SET_UP_REFUSAL;
  if (roles.every((role) => role === 'reader')) return READER_REFUSAL;
  const kind = unit.includes(':') ? unit.slice(0, unit.indexOf(':')) : unit;
  const access = accessOf(unit);
  if (access === 'read' || access === 'none') {
    return `Your access to this ${UNIT_WORDS[kind] ?? 'record'} is read-only: you can read it but not change it. Ask a workspace administrator if you need to.`;
  }
  if (kind !== 'cycle' || !roles.includes('contributor')) return undefined;
  // A contributor's change to a cycle: checked record by record, as the server does.
  if (table === 'comments') {
    return commentChangeProblem(before, after, person)
      ? 'A comment is its author’s: you can add your own, edit and delete yours, and resolve or reopen anyone’s thread.'
      : undefined;
  }
  if (!ASSIGNED_TABLES.has(table)) return CYCLE_REFUSAL;
  const what = RECORD_WORDS[table] ?? 'record';
  if (table === 'judgementAssessments' && (!before || !('assignee' in before))) {
    return `Only a workspace administrator can change a judgement’s agreed grade: it is not assigned to contributors. You can change the criteria and self-evaluations assigned to you.`;
  }
  const assignee = typeof before?.['assignee'] === 'string' ? before['assignee'].trim() : '';
  if (!before || !isAssignedTo(assignee, person)) {
    return `This ${what} is ${assignee ? `assigned to ${assignee}` : 'not assigned to anyone'}: as a contributor you can change only the criteria and self-evaluations assigned to you. Ask a workspace administrator to assign it to you.`;
  }
  if (!after) return `Only a workspace administrator can delete a ${what}.`;
  if (after['assignee'] !== before['assignee']) {
    return `Only a workspace administrator can change who a ${what} is assigned to.`;
  }
  if (isReviewDecision(before, after)) return REVIEW_REFUSAL;
  return undefined;
}
