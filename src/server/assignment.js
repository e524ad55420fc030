// @ts-check
/*
 * Who a cycle record is assigned to (issue 22: a contributor changes only the criteria, judgements and
 * narratives assigned to them). Pure and free of dependencies: the server enforces it on every update
 * (permissions-records.js), and the browser (src/team/change-access.ts) uses the same rule to say so
 * before anyone types.
 */

/** Cycle tables whose records carry an assignee. */
export const ASSIGNED_TABLES = new Set(['criterionAssessments', 'judgementAssessments', 'narratives']);

/**
 * Whether `assignee` (as typed in the record: an id, an email address or a display name, in any case)
 * names this person.
 * @param {unknown} assignee
 * @param {{ id: string, email?: string | null, name?: string | null }} person
 */
export function isAssignedTo(assignee, person) {
  const who = typeof assignee === 'string' ? assignee.trim().toLowerCase() : '';
  if (!who) return false;
  return [person.id, person.email, person.name].some((v) => typeof v === 'string' && v.toLowerCase() === who);
}
