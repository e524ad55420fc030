// @ts-check
/*
 * The /sync endpoint: Hocuspocus over WebSockets on the app's own port. Fail closed at every step:
 * the upgrade needs a same-origin request with a valid session cookie and a free connection slot for
 * that user; each unit needs a valid name and a live session (onAuthenticate); a unit whose stored state
 * cannot be read is refused, never started empty and so never stored over (Hocuspocus #382); an
 * oversized or malformed message is refused and logged, never applied. Logs carry unit names, sizes and
 * user ids only.
 */
import { Database } from '@hocuspocus/extension-database';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { isSameOrigin } from './http-util.js';
import { errorCode } from './log.js';
import { checkMessage } from './sync-message.js';
import { describeName, isUnitName } from './unit-names.js';

/** What every connection carries for the hooks and for later slices to stamp changes with. */
/** @typedef {{ user: import('./sessions.js').TeamUser, sessionId: string }} SyncContext */

/** WebSocket close codes the browser side can act on (4000–4999 are the application's own). */
export const CLOSE = /** @type {const} */ ({ signedOut: 4401, sessionExpired: 4403, shuttingDown: 1001 });

/** Sent to the client as the permission-denied reason. No message: we log refusals ourselves. */
class Refusal extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super();
    this.reason = reason;
  }
}

/**
 * @param {{
 *   settings: import('./settings.js').Settings,
 *   store: import('./store/unit-store.js').UnitStore,
 *   sessions: import('./sessions.js').Sessions,
 *   log: import('./log.js').Log,
 * }} options
 */
export function createSync({ settings, store, sessions, log }) {
  /** @type {Map<string, Set<import('ws').WebSocket>>} */
  const socketsByUser = new Map();
  /** @type {Map<string, Set<import('ws').WebSocket>>} */
  const socketsBySession = new Map();
  let closing = false;

  const database = new Database({
    async fetch({ documentName }) {
      if (!isUnitName(documentName)) throw new Refusal('unknown-unit');
      try {
        const state = await store.fetch(documentName);
        // A state that passes its checksum but does not decode (written by a faulty version) is refused too.
        if (state) Y.decodeUpdate(state);
        log.info('unit-loaded', { unit: documentName, bytes: state?.byteLength ?? 0, new: state === null });
        return state;
      } catch (error) {
        log.error('unit-load-failed', { unit: documentName, store: store.kind, error: errorCode(error) });
        throw new Refusal('unit-unavailable');
      }
    },
    async store({ documentName, state, lastContext }) {
      try {
        await store.store(documentName, state);
        log.info('unit-stored', { unit: documentName, bytes: state.byteLength, user: lastContext?.user?.id });
      } catch (error) {
        // Hocuspocus keeps the unit in memory and stores it again on the next change.
        log.error('unit-store-failed', { unit: documentName, store: store.kind, error: errorCode(error) });
        throw error;
      }
    },
  });

  /** @type {Hocuspocus<SyncContext>} */
  const hocuspocus = new Hocuspocus({
    name: 'readiness-workbook',
    quiet: true,
    extensions: [database],
    async onAuthenticate({ documentName, context }) {
      if (closing) throw new Refusal('shutting-down');
      const session = sessions.get(context.sessionId);
      if (!session) throw new Refusal('not-signed-in');
      if (!isUnitName(documentName)) {
        log.warn('refused-unit-name', { user: session.user.id, name: describeName(documentName) });
        throw new Refusal('unknown-unit');
      }
      return { user: session.user, sessionId: session.id };
    },
    async beforeHandleMessage({ update, documentName, context }) {
      const checked =
        update.byteLength > settings.maxMessageBytes
          ? { ok: false, problem: 'too-large' }
          : checkMessage(update);
      if (!checked.ok) {
        log.warn('refused-message', {
          unit: documentName,
          user: context.user?.id,
          bytes: update.byteLength,
          problem: 'problem' in checked ? checked.problem : undefined,
        });
        throw new Refusal('malformed-message');
      }
    },
  });

  sessions.onEnd((session, reason) => {
    const code = reason === 'session-expired' ? CLOSE.sessionExpired : CLOSE.signedOut;
    for (const socket of socketsBySession.get(session.id) ?? []) socket.close(code, reason);
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: settings.maxMessageBytes,
    perMessageDeflate: false,
  });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:stream').Duplex} socket
   * @param {Buffer} head
   */
  function handleUpgrade(req, socket, head) {
    const refuse = (/** @type {number} */ status, /** @type {string} */ text, /** @type {string} */ why) => {
      log.warn('refused-connection', { status, reason: why });
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', settings.publicUrl);
    if (url.pathname !== '/sync') return refuse(404, 'Not Found', 'unknown-path');
    if (closing) return refuse(503, 'Service Unavailable', 'shutting-down');
    if (!isSameOrigin(req, settings.publicUrl)) return refuse(403, 'Forbidden', 'cross-origin');
    const session = sessions.fromCookies(req.headers.cookie);
    if (!session) return refuse(401, 'Unauthorized', 'not-signed-in');
    const userId = session.user.id;
    if ((socketsByUser.get(userId)?.size ?? 0) >= settings.maxConnectionsPerUser) {
      log.warn('refused-connection', { status: 429, reason: 'too-many-connections', user: userId });
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, session));
  }

  /**
   * @param {import('ws').WebSocket} ws
   * @param {import('./sessions.js').Session} session
   */
  function attach(ws, session) {
    const userId = session.user.id;
    track(socketsByUser, userId, ws);
    track(socketsBySession, session.id, ws);
    log.info('sync-connected', { user: userId, connections: socketsByUser.get(userId)?.size });
    // Hocuspocus sees neither the cookie nor any other header: the session was checked above.
    const request = new Request(new URL('sync', settings.publicUrl));
    const connection = hocuspocus.handleConnection(ws, request, {
      user: session.user,
      sessionId: session.id,
    });
    ws.on('message', (data, isBinary) => {
      if (!isBinary || !Buffer.isBuffer(data)) {
        log.warn('refused-message', { user: userId, problem: 'not-binary' });
        ws.close(1003, 'binary-only');
        return;
      }
      connection.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on('error', (error) => {
      // ws closes the socket itself (1009) when a frame exceeds maxPayload, before it is buffered whole.
      const code = errorCode(error);
      if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        log.warn('refused-message', { user: userId, problem: 'too-large', limit: settings.maxMessageBytes });
      } else {
        log.warn('sync-socket-error', { user: userId, error: code });
      }
    });
    ws.on('close', (code, reason) => {
      untrack(socketsByUser, userId, ws);
      untrack(socketsBySession, session.id, ws);
      connection.handleClose({ code, reason: reason.toString('utf8') });
      log.info('sync-disconnected', { user: userId, code });
    });
  }

  /** Stops accepting, stores every loaded unit, then closes the sockets (bounded by timeoutMs). */
  async function close(timeoutMs = 10_000) {
    closing = true;
    hocuspocus.closeConnections();
    hocuspocus.flushPendingStores();
    const deadline = Date.now() + timeoutMs;
    while (
      (hocuspocus.getDocumentsCount() > 0 || hocuspocus.loadingDocuments.size > 0) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const unsaved = hocuspocus.getDocumentsCount();
    if (unsaved) log.error('units-not-stored-at-shutdown', { units: unsaved });
    for (const ws of wss.clients) ws.close(CLOSE.shuttingDown, 'server-stopping');
    const closedBy = Date.now() + 2_000;
    while (wss.clients.size > 0 && Date.now() < closedBy)
      await new Promise((resolve) => setTimeout(resolve, 25));
    for (const ws of wss.clients) ws.terminate();
    await new Promise((resolve) => wss.close(() => resolve(undefined)));
  }

  return { handleUpgrade, close, hocuspocus };
}

/**
 * @param {Map<string, Set<import('ws').WebSocket>>} map
 * @param {string} key
 * @param {import('ws').WebSocket} ws
 */
function track(map, key, ws) {
  const set = map.get(key) ?? new Set();
  set.add(ws);
  map.set(key, set);
}

/**
 * @param {Map<string, Set<import('ws').WebSocket>>} map
 * @param {string} key
 * @param {import('ws').WebSocket} ws
 */
function untrack(map, key, ws) {
  const set = map.get(key);
  set?.delete(ws);
  if (set?.size === 0) map.delete(key);
}
