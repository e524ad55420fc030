// @ts-check
/*
 * Checks one incoming Hocuspocus message before Hocuspocus applies it: the frame must parse to the end,
 * and a Yjs update or state vector in it must decode completely. A message that fails is refused whole,
 * so a malformed update never reaches a document. Reads the wire format of @hocuspocus/server 4
 * (lib0 var-ints: document name, message type, then y-protocols sync or awareness payloads).
 */
import * as Y from 'yjs';

export const MESSAGE = /** @type {const} */ ({
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
  syncStatus: 8,
  ping: 9,
  pong: 10,
});
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

class Reader {
  /** @param {Uint8Array} bytes */
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
  }

  uint() {
    let value = 0;
    let factor = 1;
    while (this.pos < this.bytes.length) {
      const byte = /** @type {number} */ (this.bytes[this.pos++]);
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
      if (value > Number.MAX_SAFE_INTEGER) throw new Error('var-int too large');
    }
    throw new Error('unexpected end of message');
  }

  bytesField() {
    const length = this.uint();
    if (this.pos + length > this.bytes.length) throw new Error('unexpected end of message');
    const value = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  string() {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytesField());
  }
}

/**
 * @param {Uint8Array} message
 * @returns {{ ok: true, type: number } | { ok: false, problem: string }}
 */
export function checkMessage(message) {
  try {
    const reader = new Reader(message);
    reader.string();
    const type = reader.uint();
    if (type === MESSAGE.sync || type === MESSAGE.syncReply) {
      const step = reader.uint();
      const payload = reader.bytesField();
      if (step === SYNC_STEP_1) Y.decodeStateVector(payload);
      else if (step === SYNC_STEP_2 || step === SYNC_UPDATE) Y.decodeUpdate(payload);
      else return { ok: false, problem: 'unknown-sync-step' };
    } else if (type === MESSAGE.awareness) {
      reader.bytesField();
    } else if (type > MESSAGE.pong) {
      return { ok: false, problem: 'unknown-message-type' };
    }
    return { ok: true, type };
  } catch {
    return { ok: false, problem: 'malformed' };
  }
}
