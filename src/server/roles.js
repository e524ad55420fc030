// @ts-check
/*
 * Team roles (issue 22): who a signed-in person is in the workspace. Roles come from the identity
 * provider's groups or app-roles claim, mapped by TEAM_ROLES, from TEAM_ADMINS, and from grants an
 * administrator makes in the workspace. A person's roles are the union of all three: a grant adds to what
 * the identity provider says, it never takes a claimed role away (remove that in the provider).
 */

export const ROLES = /** @type {const} */ ([
  'admin',
  'contributor',
  'auditor',
  'moderator',
  'partner-auditor',
  'reader',
]);
/** @typedef {(typeof ROLES)[number]} Role */

/** A partner agency as the settings and grants name it: "police", "health", "education", "youth-justice". */
const AGENCY = /^[a-z][a-z0-9-]{0,39}$/;

/** @typedef {{ role: Role, agency?: string, value: string }} RoleMapping */

/**
 * @param {unknown} value
 * @returns {value is Role}
 */
export function isRole(value) {
  return typeof value === 'string' && /** @type {readonly string[]} */ (ROLES).includes(value);
}

/** @param {unknown} value */
export function isAgency(value) {
  return typeof value === 'string' && AGENCY.test(value);
}

/**
 * Reads TEAM_ROLES: comma-separated `role=claim value` pairs, `partner-auditor:<agency>=claim value` for a
 * partner agency's auditors; a role may appear more than once (several groups).
 * @param {string | undefined} text
 * @param {string[]} problems
 * @returns {RoleMapping[]}
 */
export function parseRoleMappings(text, problems) {
  if (!text) return [];
  /** @type {RoleMapping[]} */
  const mappings = [];
  for (const entry of text.split(',')) {
    const part = entry.trim();
    if (!part) continue;
    const eq = part.indexOf('=');
    const [role, agency, extra] = (eq > 0 ? part.slice(0, eq) : part).trim().split(':');
    const value = eq > 0 ? part.slice(eq + 1).trim() : '';
    if (!isRole(role) || extra !== undefined) {
      problems.push(
        `TEAM_ROLES: "${part.slice(0, 60)}" does not start with a role (${ROLES.join(', ')}) and "=".`,
      );
    } else if (!value) {
      problems.push(`TEAM_ROLES: "${part.slice(0, 60)}" needs the group or app role after "=".`);
    } else if (role === 'partner-auditor' && !isAgency(agency)) {
      problems.push(
        `TEAM_ROLES: partner-auditor needs its agency, e.g. partner-auditor:police=<group> (lower-case letters, digits, hyphens).`,
      );
    } else if (role !== 'partner-auditor' && agency !== undefined) {
      problems.push(`TEAM_ROLES: only partner-auditor takes an agency ("${part.slice(0, 60)}").`);
    } else {
      mappings.push(role === 'partner-auditor' ? { role, agency, value } : { role, value });
    }
  }
  return mappings;
}

/**
 * The roles the identity provider's claim gives, by the mappings.
 * @param {Record<string, unknown>} claims the ID token's (and UserInfo's) claims
 * @param {{ roleClaim: string, roleMappings: readonly RoleMapping[] }} settings
 * @returns {{ roles: Role[], agency?: string }}
 */
export function rolesFromClaims(claims, { roleClaim, roleMappings }) {
  const raw = claims[roleClaim];
  const values = new Set(
    (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter((v) => typeof v === 'string'),
  );
  /** @type {Set<Role>} */
  const roles = new Set();
  let agency;
  for (const mapping of roleMappings) {
    if (!values.has(mapping.value)) continue;
    roles.add(mapping.role);
    if (mapping.agency) agency ??= mapping.agency;
  }
  return { roles: ROLES.filter((r) => roles.has(r)), ...(agency ? { agency } : {}) };
}

/**
 * @typedef {object} Person
 * @property {string} id
 * @property {string} name
 * @property {string | undefined} email
 * @property {ReadonlySet<Role>} roles
 * @property {string | undefined} agency the partner agency, for a partner-agency auditor
 */

/**
 * @param {import('./sessions.js').TeamUser} user
 * @param {{ roles: readonly string[], agency?: string } | undefined} grant
 * @param {readonly string[]} admins TEAM_ADMINS
 * @returns {Person}
 */
export function personOf(user, grant, admins) {
  /** @type {Set<Role>} */
  const roles = new Set([...(user.roles ?? []), ...(grant?.roles ?? [])].filter(isRole));
  if (admins.includes(user.id)) roles.add('admin');
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles,
    agency: grant?.agency ?? user.agency,
  };
}

/** The practice identity provider's groups (demo-idp.js), mapped when --demo runs without TEAM_ROLES. */
export const DEMO_ROLES = [
  'admin=demo-admins',
  'contributor=demo-contributors',
  'auditor=demo-auditors',
  'moderator=demo-moderators',
  'partner-auditor:police=demo-police-auditors',
  'reader=demo-readers',
].join(',');
