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
