// @ts-check
/*
 * The workspace administrator's JSON API for roles and allocations, same origin only:
 *   GET  /auth/people        the roles granted in the workspace, everyone who has signed in (by name, with
 *                            the roles they have), and the latest changes to roles and allocations
 *   POST /auth/people        { id, roles, agency? } sets the roles granted to one person (replaces their grant)
 *   GET  /auth/allocations?unit=<unit>   one unit's allocation
 *   POST /auth/allocations   { unit, ...fields } changes a round's, audit's or moderation's allocation
 *   GET  /auth/units         (anyone signed in) the rounds, audits and moderations they may open
 * Only administrators may call the others; a POST must come from a page of this server (Origin), as sign-out does.
 * Every change is recorded in the store with who made it and when (permissions-state.js).
 */
import { isSameOrigin, sendJson } from './http-util.js';
import { isAgency, isRole } from './roles.js';
import { isUnitName } from './unit-names.js';

const MAX_BODY_BYTES = 16 * 1024;
const MAX_PEOPLE_IN_A_FIELD = 500;
const CHANGES_SHOWN = 200;

/** What an administrator may set on each kind of unit, and how each value is checked. */
const ALLOCATION_FIELDS = {
  round: { auditors: 'ids', agencies: 'agencies', closed: 'boolean', owner: 'id' },
  audit: { round: 'round', auditor: 'id', agency: 'agency', owner: 'id' },
  moderation: { audit: 'audit', moderator: 'id', blind: 'boolean', owner: 'id' },
};

/**
 * @param {{
 *   settings: import('./settings.js').Settings,
 *   sessions: import('./sessions.js').Sessions,
 *   log: import('./log.js').Log,
 * }} options
 */
export function createPeopleRoutes({ settings, sessions, log }) {
  /**
   * The administrator making this request and the permissions record, or undefined once answered.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function admin(req, res) {
    if (req.method === 'POST' && !isSameOrigin(req, settings.publicUrl)) {
      sendJson(res, 403, { error: 'cross-origin' });
      return undefined;
    }
    const session = sessions.fromCookies(req.headers.cookie);
    if (!session) {
      sendJson(res, 401, { error: 'not-signed-in' });
      return undefined;
    }
    const permissions = await sessions.permissions?.catch(() => undefined);
    if (!permissions) {
      sendJson(res, 503, { error: 'permissions-unavailable' });
      return undefined;
    }
    if (!permissions.personOf(session.user).roles.has('admin')) {
      log.warn('refused-admin-request', { user: session.user.id, path: req.url?.split('?')[0] });
      sendJson(res, 403, { error: 'forbidden' });
      return undefined;
    }
    return { user: session.user, permissions };
  }

  /** @type {Record<string, Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => Promise<void>>>} */
  const routes = {
    '/auth/units': {
      async GET(req, res) {
        const session = sessions.fromCookies(req.headers.cookie);
        if (!session) {
          sendJson(res, 401, { error: 'not-signed-in' });
          return;
        }
        const permissions = await sessions.permissions?.catch(() => undefined);
        if (!permissions) {
          sendJson(res, 503, { error: 'permissions-unavailable' });
          return;
        }
        sendJson(res, 200, { units: permissions.allocatedUnits(session.user) });
      },
    },
    '/auth/people': {
      async GET(req, res) {
        const caller = await admin(req, res);
        if (!caller) return;
        sendJson(res, 200, {
          people: caller.permissions.people(),
          known: caller.permissions.knownPeople(),
          changes: await caller.permissions.changes(CHANGES_SHOWN),
        });
      },
      async POST(req, res) {
        const caller = await admin(req, res);
        if (!caller) return;
        const body = await readJson(req);
        const grant = body && checkGrant(body);
        if (!grant || 'problem' in grant) {
          sendJson(res, 400, { error: 'invalid', problem: grant?.problem ?? 'not-json' });
          return;
        }
        const person = await caller.permissions.grant(grant, caller.user.id);
        log.info('roles-granted', {
          user: caller.user.id,
          subject: grant.userId,
          roles: grant.roles.join('+') || 'none',
          agency: grant.agency,
        });
        sendJson(res, 200, { person });
      },
    },
    '/auth/allocations': {
      async GET(req, res, url) {
        const caller = await admin(req, res);
        if (!caller) return;
        const unit = url.searchParams.get('unit') ?? '';
        if (!isUnitName(unit)) {
          sendJson(res, 400, { error: 'invalid', problem: 'unit' });
          return;
        }
        sendJson(res, 200, { unit, allocation: caller.permissions.allocation(unit) ?? null });
      },
      async POST(req, res) {
        const caller = await admin(req, res);
        if (!caller) return;
        const body = await readJson(req);
        const checked = body && checkAllocation(body);
        if (!checked || 'problem' in checked) {
          sendJson(res, 400, { error: 'invalid', problem: checked?.problem ?? 'not-json' });
          return;
        }
        const allocation = await caller.permissions.allocate(checked.unit, checked.patch, caller.user.id);
        log.info('unit-allocated', { user: caller.user.id, unit: checked.unit });
        sendJson(res, 200, { unit: checked.unit, allocation });
      },
    },
  };
  return routes;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Record<string, unknown> | undefined>}
 */
async function readJson(req) {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return undefined;
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > MAX_BODY_BYTES) return undefined;
  }
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** @param {unknown} value */
const isId = (value) => typeof value === 'string' && value.length > 0 && value.length <= 200;

/**
 * @param {Record<string, unknown>} body
 * @returns {{ userId: string, roles: string[], agency?: string } | { problem: string }}
 */
export function checkGrant(body) {
  const { id, roles, agency } = body;
  if (!isId(id)) return { problem: 'id' };
  if (!Array.isArray(roles) || !roles.every(isRole) || new Set(roles).size !== roles.length) {
    return { problem: 'roles' };
  }
  if (agency !== undefined && agency !== null && !isAgency(agency)) return { problem: 'agency' };
  if (roles.includes('partner-auditor') && !agency) return { problem: 'agency' };
  return {
    userId: /** @type {string} */ (id),
    roles,
    ...(typeof agency === 'string' ? { agency } : {}),
  };
}

/**
 * @param {Record<string, unknown>} body
 * @returns {{ unit: string, patch: import('./permissions.js').Allocation } | { problem: string }}
 */
export function checkAllocation(body) {
  const { unit, ...fields } = body;
  if (!isUnitName(unit)) return { problem: 'unit' };
  const kind = unit.slice(0, Math.max(0, unit.indexOf(':')));
  const allowed = /** @type {Record<string, string> | undefined} */ (
    ALLOCATION_FIELDS[/** @type {keyof typeof ALLOCATION_FIELDS} */ (kind)]
  );
  if (!allowed) return { problem: 'unit' };
  /** @type {Record<string, unknown>} */
  const patch = {};
  for (const [field, value] of Object.entries(fields)) {
    const type = allowed[field];
    if (!type || !(value === null || fits(type, value))) return { problem: field };
    patch[field] = value;
  }
  return { unit, patch: /** @type {import('./permissions.js').Allocation} */ (patch) };
}

/**
 * @param {string} type
 * @param {unknown} value
 */
function fits(type, value) {
  const list = (/** @type {(v: unknown) => boolean} */ each) =>
    Array.isArray(value) && value.length <= MAX_PEOPLE_IN_A_FIELD && value.every(each);
  switch (type) {
    case 'ids':
      return list(isId);
    case 'agencies':
      return list(isAgency);
    case 'id':
      return isId(value);
    case 'agency':
      return isAgency(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'round':
    case 'audit':
      return isUnitName(value) && value.startsWith(`${type}:`);
    default:
      return false;
  }
}
