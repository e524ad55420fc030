// @ts-check
/*
 * What every store of sync units promises. `fetch` resolves to the unit's last stored state, to null
 * only when the unit has never been stored, and rejects for anything else (unreachable database,
 * unreadable file, checksum mismatch): the caller then refuses the unit instead of starting it empty
 * (Hocuspocus issue #382). Stored state carries a SHA-256 so that damage is detected, not synced.
 */
import { createHash } from 'node:crypto';

/**
 * @typedef {object} UnitStore
 * @property {'postgres' | 'files'} kind
 * @property {(name: string) => Promise<Uint8Array | null>} fetch
 * @property {(name: string, state: Uint8Array) => Promise<void>} store
 * @property {() => Promise<void>} close
 * @property {() => Promise<AccessRecords>} loadAccess roles granted in the workspace and unit allocations
 * @property {(grant: RoleGrant, change: AccessChange) => Promise<void>} saveGrant with its change, together
 * @property {(unit: string, allocation: import('../permissions.js').Allocation, change: AccessChange) => Promise<void>} saveAllocation
 * @property {(limit: number) => Promise<AccessChange[]>} accessChanges the newest first
 * @property {(person: KnownPerson) => Promise<void>} savePerson who has signed in, as they were named then
 */

/**
 * @typedef {{ userId: string, roles: string[], agency?: string, grantedBy: string, grantedAt: string }} RoleGrant
 * @typedef {{ unit: string, allocation: import('../permissions.js').Allocation }} UnitAllocation
 * @typedef {{ userId: string, name: string, email?: string, claimedRoles?: string[], claimedAgency?: string, seenAt: string }} KnownPerson
 *   someone who has signed in, so an administrator can give them a role by name (the identity provider's
 *   id is opaque), with the roles their identity provider gave them then
 * @typedef {{ grants: RoleGrant[], allocations: UnitAllocation[], people: KnownPerson[] }} AccessRecords
 * @typedef {object} AccessChange who changed whose roles or which unit's allocation, when, from what to what
 * @property {string} at ISO time
 * @property {string} by the user id of who made the change
 * @property {'grant' | 'allocation'} kind
 * @property {string} subject the user id (grant) or unit name (allocation)
 * @property {unknown} before
 * @property {unknown} after
 */

export class UnitLoadError extends Error {
  /** @param {string} code a short, content-free reason such as 'checksum-mismatch' */
  constructor(code) {
    super(`The stored unit could not be read (${code}).`);
    this.code = code;
  }
}

/** @param {Uint8Array} bytes */
export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest();
}
