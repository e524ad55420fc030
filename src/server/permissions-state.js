// @ts-check
/*
 * The server's own record of who may do what: roles granted in the workspace and each unit's allocation
 * (owner, auditors, moderator, blind, submitted), held in memory and written through to the store with
 * a change record (who, when, what, before and after) for every grant and allocation. Listeners hear of
 * every change so open connections can be checked again at once.
 */
import { isRole, personOf } from './roles.js';
import { accessTo, mayCreate } from './permissions.js';

/** @typedef {import('./store/unit-store.js').RoleGrant} RoleGrant */
/** @typedef {import('./permissions.js').Allocation} Allocation */

/**
 * @param {{ store: import('./store/unit-store.js').UnitStore, admins: readonly string[], now?: () => Date }} options
 */
export async function loadPermissions({ store, admins, now = () => new Date() }) {
  const records = await store.loadAccess();
  /** @type {Map<string, RoleGrant>} */
  const grants = new Map(records.grants.map((g) => [g.userId, g]));
  /** @type {Map<string, Allocation>} */
  const allocations = new Map(records.allocations.map((a) => [a.unit, a.allocation]));
  /** @type {Map<string, import('./store/unit-store.js').KnownPerson>} */
  const known = new Map(records.people.map((p) => [p.userId, p]));
  /** @type {Array<(change: import('./store/unit-store.js').AccessChange) => void>} */
  const listeners = [];
  const table = {
    allocation: (/** @type {string} */ unit) => allocations.get(unit),
    *moderations() {
      for (const [unit, allocation] of allocations) if (unit.startsWith('moderation:')) yield allocation;
    },
  };
  // Changes one at a time, each from the state the one before left, so none is lost.
  let queue = Promise.resolve();
  const serially = (/** @type {() => Promise<any>} */ work) => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const notify = (/** @type {import('./store/unit-store.js').AccessChange} */ change) => {
    for (const listener of listeners) listener(change);
  };

  /**
   * @param {string} unit
   * @param {Allocation} next
   * @param {string} by
   */
  const saveAllocation = async (unit, next, by) => {
    const before = allocations.get(unit) ?? null;
    const change = {
      at: now().toISOString(),
      by,
      kind: /** @type {const} */ ('allocation'),
      subject: unit,
      before,
      after: next,
    };
    await store.saveAllocation(unit, next, change);
    allocations.set(unit, next);
    notify(change);
    return next;
  };

  /**
   * @param {{ userId: string, roles: string[], agency?: string }} grant
   * @param {string} by
   */
  const grantNow = async ({ userId, roles, agency }, by) => {
    const before = grants.get(userId) ?? null;
    /** @type {RoleGrant} */
    const next = {
      userId,
      roles,
      ...(agency ? { agency } : {}),
      grantedBy: by,
      grantedAt: now().toISOString(),
    };
    const change = {
      at: next.grantedAt,
      by,
      kind: /** @type {const} */ ('grant'),
      subject: userId,
      before: before && { roles: before.roles, agency: before.agency ?? null },
      after: { roles, agency: agency ?? null },
    };
    await store.saveGrant(next, change);
    grants.set(userId, next);
    notify(change);
    return next;
  };

  /** @param {import('./sessions.js').TeamUser} user */
  const personNow = (user) => personOf(user, grants.get(user.id), admins);

  return {
    personOf: personNow,
    /**
     * @param {import('./sessions.js').TeamUser} user
     * @param {string} unit
     */
    accessTo(user, unit) {
      return accessTo(personNow(user), unit, table);
    },
    /** @param {string} unit */
    allocation: (unit) => allocations.get(unit),
    /**
     * The rounds, audits and moderations this person may open, for a browser that cannot read the
     * registers unit's directory (auditors, moderators, partner agencies).
     * @param {import('./sessions.js').TeamUser} user
     */
    allocatedUnits(user) {
      const person = personNow(user);
      return [...allocations.keys()]
        .sort()
        .map((unit) => ({ unit, access: accessTo(person, unit, table) }))
        .filter((entry) => entry.access !== 'none');
    },
    /**
     * A unit that has never been stored, opened by someone who may create it: they become its owner.
     * @param {import('./sessions.js').TeamUser} user
     * @param {string} unit
     * @returns {Promise<boolean>} whether they now own it
     */
    claim(user, unit) {
      return serially(async () => {
        const person = personNow(user);
        if (allocations.has(unit) || !mayCreate(person, unit)) return false;
        /** @type {Allocation} */
        const allocation = { owner: user.id };
        // A partner agency's auditor creates their agency's contribution.
        if (unit.startsWith('audit:') && !person.roles.has('auditor') && person.agency) {
          allocation.agency = person.agency;
        }
        await saveAllocation(unit, allocation, user.id);
        return true;
      });
    },
    /**
     * Changes a unit's allocation (an administrator, through /auth/allocations).
     * @param {string} unit
     * @param {Allocation} patch fields to set; null clears one
     * @param {string} by
     */
    allocate(unit, patch, by) {
      return serially(() => {
        /** @type {Record<string, unknown>} */
        const next = { ...allocations.get(unit) };
        for (const [field, value] of Object.entries(patch)) {
          if (value === null) delete next[field];
          else next[field] = value;
        }
        return saveAllocation(unit, /** @type {Allocation} */ (next), by);
      });
    },
    /**
     * The moderator's own grades are in: from now on a blind moderation lets them read the audit.
     * Kept by the server, so clearing `submittedAt` in the document afterwards does not blind them again.
     * @param {string} unit
     * @param {string} by
     */
    markSubmitted(unit, by) {
      return serially(async () => {
        const current = allocations.get(unit);
        if (!current || current.submittedAt) return current;
        return saveAllocation(unit, { ...current, submittedAt: now().toISOString() }, by);
      });
    },
    /**
     * Sets the roles (and agency) an administrator grants a person; replaces their earlier grant.
     * @param {{ userId: string, roles: string[], agency?: string }} grant
     * @param {string} by
     */
    grant({ userId, roles, agency }, by) {
      return serially(() => grantNow({ userId, roles, agency }, by));
    },
    people: () => [...grants.values()],
    /** Everyone who has signed in, by name, with the roles they have now: an administrator grants from it. */
    knownPeople: () =>
      [...known.values()]
        .map((p) => {
          const grant = grants.get(p.userId);
          const person = personOf(
            {
              id: p.userId,
              name: p.name,
              email: p.email,
              roles: (p.claimedRoles ?? []).filter(isRole),
              agency: p.claimedAgency,
            },
            grant,
            admins,
          );
          return {
            ...p,
            granted: grant?.roles ?? [],
            roles: [...person.roles].sort(),
            agency: person.agency ?? null,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    /**
     * Notes who signed in and as what name, so an administrator can find them; written only when
     * something changed or a day has passed, never blocking the sign-in.
     * @param {import('./sessions.js').TeamUser} user
     */
    notePerson(user) {
      return serially(async () => {
        const was = known.get(user.id);
        const seenAt = now().toISOString();
        /** @type {import('./store/unit-store.js').KnownPerson} */
        const person = {
          userId: user.id,
          name: user.name,
          ...(user.email ? { email: user.email } : {}),
          claimedRoles: [...(user.roles ?? [])].sort(),
          ...(user.agency ? { claimedAgency: user.agency } : {}),
          seenAt,
        };
        const fresh = was && Date.parse(seenAt) - Date.parse(was.seenAt) < 86_400_000;
        const same = (/** @type {typeof person} */ a) =>
          JSON.stringify({ ...a, seenAt: '' }) === JSON.stringify({ ...person, seenAt: '' });
        if (fresh && same(was)) return;
        await store.savePerson(person);
        known.set(user.id, person);
      });
    },
    /** @param {number} limit */
    changes: (limit) => store.accessChanges(limit),
    /** @param {(change: import('./store/unit-store.js').AccessChange) => void} listener */
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof loadPermissions>>} Permissions */
