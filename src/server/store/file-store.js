// @ts-check
/*
 * The embedded store for trying team mode on one machine: one file per unit in the data folder
 * (`cycle.<uuid>.unit`, `registers.unit`), each "RWU1" + SHA-256 + the Yjs state. Writes go to a temporary
 * file that is flushed and renamed over the old one, so a crash leaves the old state or the new, never a
 * torn file. Roles granted in the workspace, unit allocations and their change record are in
 * `access.json`, written the same way. A lock file keeps a second server off the same folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isUnitName } from '../unit-names.js';
import { UnitLoadError, sha256 } from './unit-store.js';

const MAGIC = Buffer.from('RWU1', 'latin1');
const HEADER_BYTES = MAGIC.length + 32;

/**
 * @param {string} dir
 * @returns {Promise<import('./unit-store.js').UnitStore>}
 */
export async function openFileStore(dir) {
  await mkdir(dir, { recursive: true });
  const lockPath = join(dir, 'server.lock');
  await takeLock(lockPath);
  const pathOf = (/** @type {string} */ name) => {
    // Names are checked before they reach a store; the check here keeps paths inside the folder regardless.
    if (!isUnitName(name)) throw new UnitLoadError('invalid-name');
    return join(dir, `${name.replace(':', '.')}.unit`);
  };
  const accessPath = join(dir, 'access.json');
  /** @returns {Promise<AccessFile>} */
  const readAccess = async () => {
    let text;
    try {
      text = await readFile(accessPath, 'utf8');
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') {
        return { grants: {}, allocations: {}, changes: [], people: {} };
      }
      throw error;
    }
    const access = JSON.parse(text);
    if (!access || typeof access.grants !== 'object' || !Array.isArray(access.changes)) {
      throw new UnitLoadError('not-an-access-file');
    }
    return access;
  };
  // One change at a time, each read-modify-write whole, so two grants never lose one another.
  let queue = Promise.resolve();
  const updateAccess = (/** @type {(access: AccessFile) => void} */ change) => {
    const next = queue.then(async () => {
      const access = await readAccess();
      change(access);
      await writeAtomically(dir, accessPath, Buffer.from(JSON.stringify(access, null, 1)));
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    kind: 'files',
    async fetch(name) {
      let file;
      try {
        file = await readFile(pathOf(name));
      } catch (error) {
        if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return null;
        throw error;
      }
      if (file.length < HEADER_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
        throw new UnitLoadError('not-a-unit-file');
      }
      const state = file.subarray(HEADER_BYTES);
      if (!sha256(state).equals(file.subarray(MAGIC.length, HEADER_BYTES))) {
        throw new UnitLoadError('checksum-mismatch');
      }
      return new Uint8Array(state.buffer, state.byteOffset, state.byteLength);
    },
    async store(name, state) {
      await writeAtomically(dir, pathOf(name), Buffer.concat([MAGIC, sha256(state), state]));
    },
    async loadAccess() {
      const access = await readAccess();
      return {
        grants: Object.values(access.grants),
        allocations: Object.entries(access.allocations).map(([unit, allocation]) => ({ unit, allocation })),
        // A folder written before people were recorded has none yet.
        people: Object.values(access.people ?? {}),
      };
    },
    saveGrant(grant, change) {
      return updateAccess((access) => {
        access.grants[grant.userId] = grant;
        access.changes.push(change);
      });
    },
    savePerson(person) {
      return updateAccess((access) => {
        access.people = { ...access.people, [person.userId]: person };
      });
    },
    saveAllocation(unit, allocation, change) {
      return updateAccess((access) => {
        access.allocations[unit] = allocation;
        access.changes.push(change);
      });
    },
    async accessChanges(limit) {
      return (await readAccess()).changes.slice(-limit).reverse();
    },
    async close() {
      // A change of access under way (a sign-in noting who it was) is finished first, never torn.
      await queue;
      await unlink(lockPath).catch(() => undefined);
    },
  };
}

/**
 * Roles granted in the workspace, unit allocations and every change to them (access.json).
 * @typedef {{
 *   grants: Record<string, import('./unit-store.js').RoleGrant>,
 *   allocations: Record<string, import('../permissions.js').Allocation>,
 *   changes: import('./unit-store.js').AccessChange[],
 *   people?: Record<string, import('./unit-store.js').KnownPerson>,
 * }} AccessFile
 */

/**
 * A temporary file, flushed, renamed over the old one: a crash leaves the old content or the new.
 * @param {string} dir
 * @param {string} target
 * @param {Buffer} bytes
 */
export async function writeAtomically(dir, target, bytes) {
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Makes the rename durable where the platform allows it (POSIX); Windows cannot open a folder. */
async function syncFolder(/** @type {string} */ dir) {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here: the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

/** @param {string} lockPath */
async function takeLock(lockPath) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new Error(`Another team server (process ${holder}) is using the data folder ${lockPath}.`);
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new Error(`Could not take the lock ${lockPath}.`);
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}
