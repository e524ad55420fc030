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

/**
 * Whether a change of an assigned record signs it off or sends it back: a review step, which in a team is
 * an administrator's (a contributor may send her own work for review, never agree it herself). Taking
 * a sign-off away, as editing agreed work does, is not one.
 * @param {Record<string, unknown> | undefined} before
 * @param {Record<string, unknown> | undefined} after
 */
export function isReviewDecision(before, after) {
  if (!after) return false;
  if (after['status'] === 'agreed' && before?.['status'] !== 'agreed') return true;
  const review = (/** @type {Record<string, unknown> | undefined} */ record) => {
    const value = record?.['review'];
    return value && typeof value === 'object' ? /** @type {Record<string, unknown>} */ (value) : {};
  };
  const [was, now] = [review(before), review(after)];
  for (const field of ['signedOffBy', 'sentBack']) {
    if (now[field] !== undefined && JSON.stringify(now[field]) !== JSON.stringify(was[field])) return true;
  }
  return false;
}

/** What anyone who may comment may change on someone else's comment: resolving or reopening its thread. */
const RESOLVE_FIELDS = new Set(['resolvedBy', 'resolvedAt', 'updatedAt', 'updatedBy']);

/**
 * Whether this person may make this change to a comment (`before` absent: a new one; `after` absent: a
 * removal). A comment is its author's: they write and edit it, and are the one it names as `by`; anyone
 * who may comment may resolve or reopen another's thread, and change nothing else of it.
 * @param {Record<string, unknown> | undefined} before
 * @param {Record<string, unknown> | undefined} after
 * @param {{ id: string, email?: string | null, name?: string | null }} person
 * @returns {string | undefined} the problem, or undefined when allowed
 */
export function commentChangeProblem(before, after, person) {
  if (!after) return 'comment-removed';
  if (!before) return isAssignedTo(after['by'], person) ? undefined : 'comment-by-another';
  if (isAssignedTo(before['by'], person))
    return after['by'] === before['by'] ? undefined : 'comment-by-changed';
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const field of fields) {
    if (RESOLVE_FIELDS.has(field)) continue;
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) return 'comment-by-another';
  }
  return undefined;
}
