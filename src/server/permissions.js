// @ts-check
/*
 * Who may read or write each sync unit (issue 22, design.md §8: units follow permission boundaries).
 * Pure: the person (roles from the identity provider and the workspace's grants) and the server's own
 * allocation table decide; nothing a client wrote into a document is trusted for who may see it. Several
 * roles add up: the widest access any of them gives wins. Anything not allowed below is refused.
 */

import { isAssignedTo } from './assignment.js';

/** @typedef {'write' | 'read' | 'none'} Access */

/**
 * What the server records about a unit, apart from its content (set through /auth/allocations, or when a
 * unit is created: its creator is its owner).
 * @typedef {object} Allocation
 * @property {string} [owner] who created the unit
 * @property {string[]} [auditors] a round: the people auditing in it (each an id, email address or name, as assignment.js matches)
 * @property {string[]} [agencies] a multi-agency round: the partner agencies invited
 * @property {boolean} [closed] a round: closed, so its auditors may read each other's audits
 * @property {string} [round] an audit: the round unit it belongs to
 * @property {string} [auditor] an audit: who it is allocated to (its owner when unset)
 * @property {string} [agency] an audit: the partner agency whose contribution it is
 * @property {string} [audit] a moderation: the audit unit it moderates
 * @property {string} [moderator] a moderation: who it is allocated to
 * @property {boolean} [blind] a moderation: the moderator sees the audit only after submitting
 * @property {string} [submittedAt] a moderation: when the server saw the moderator submit (ISO time)
 */

/** Shared units every role reads and only an administrator writes. */
export const ADMIN_WRITTEN_UNITS = new Set(['settings', 'frameworks']);

const RANK = { none: 0, read: 1, write: 2 };

/**
 * @param {import('./roles.js').Person} person
 * @param {string} unit a valid unit name
 * @param {{ allocation: (unit: string) => Allocation | undefined, moderations: () => Iterable<Allocation> }} table
 * @returns {Access}
 */
export function accessTo(person, unit, table) {
  /** @type {Access} */
  let best = 'none';
  for (const role of person.roles) {
    const access = roleAccess(role, person, unit, table);
    if (RANK[access] > RANK[best]) best = access;
  }
  return best;
}

/**
 * @param {import('./roles.js').Role} role
 * @param {import('./roles.js').Person} person
 * @param {string} unit
 * @param {{ allocation: (unit: string) => Allocation | undefined, moderations: () => Iterable<Allocation> }} table
 * @returns {Access}
 */
function roleAccess(role, person, unit, table) {
  const kind = unit.includes(':') ? unit.slice(0, unit.indexOf(':')) : unit;
  const own = table.allocation(unit);
  if (role === 'admin') return 'write';
  if (ADMIN_WRITTEN_UNITS.has(kind)) return 'read';
  if (role === 'reader') return 'read';

  if (role === 'contributor') {
    // Which records in a cycle a contributor may change is checked per update (permissions-records.js).
    return kind === 'cycle' || kind === 'registers' || kind === 'rehearsals' ? 'write' : 'none';
  }

  if (role === 'auditor' || role === 'partner-auditor') {
    const inRound = (/** @type {Allocation | undefined} */ round) =>
      role === 'auditor'
        ? Boolean(round?.auditors?.some((auditor) => isAssignedTo(auditor, person)))
        : Boolean(person.agency && round?.agencies?.includes(person.agency));
    if (kind === 'round') return inRound(own) ? 'read' : 'none';
    if (kind === 'audit') {
      if (!own) return 'none';
      const round = own.round ? table.allocation(own.round) : undefined;
      const mine = isAssignedTo(own.auditor ?? own.owner, person);
      if (role === 'partner-auditor' && own.agency !== person.agency) return 'none';
      if (mine) return own.round && !inRound(round) ? 'none' : 'write';
      // Another auditor's audit: only once its round is closed, and only to someone in that round.
      return round?.closed && inRound(round) ? 'read' : 'none';
    }
    return 'none';
  }

  if (role === 'moderator') {
    if (kind === 'moderation') return isAssignedTo(own?.moderator, person) ? 'write' : 'none';
    if (kind === 'audit') {
      let access = /** @type {Access} */ ('none');
      for (const moderation of table.moderations()) {
        if (moderation.audit !== unit || !isAssignedTo(moderation.moderator, person)) continue;
        // Blind moderation: the auditor's grades reach the moderator only after their own are in.
        if (!moderation.blind || moderation.submittedAt) access = 'read';
      }
      return access;
    }
    return 'none';
  }
  return 'none';
}

/**
 * Who may create a unit that has never been stored (and so becomes its owner).
 * @param {import('./roles.js').Person} person
 * @param {string} unit
 */
export function mayCreate(person, unit) {
  const kind = unit.slice(0, Math.max(0, unit.indexOf(':')));
  const roles = person.roles;
  if (roles.has('admin')) return true;
  if (kind === 'audit') return roles.has('auditor') || roles.has('partner-auditor');
  return false;
}
