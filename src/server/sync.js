// @ts-check
/*
 * The /sync endpoint: Hocuspocus over WebSockets on the app's own port. Fail closed at every step:
 * the upgrade needs a same-origin request with a valid session cookie and a free connection slot for
 * that user; each unit needs a valid name and a live session (onAuthenticate); a unit whose stored state
 * cannot be read is refused, never started empty and so never stored over (Hocuspocus #382); an
 * oversized or malformed message is refused and logged, never applied. Each unit is opened only as far
 * as the person's roles and the server's allocation table allow (permissions.js): not at all (`forbidden`),
 * read-only (Hocuspocus applies none of their updates), or read-write; a contributor's updates to a cycle
 * are checked record by record (permissions-records.js). When a grant or allocation changes, every open
 * unit connection whose access changed is closed, so it reconnects with the new access or is refused.
 * Logs carry unit names, sizes and user ids only.
 */
import { Database } from '@hocuspocus/extension-database';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { isSameOrigin } from './http-util.js';
import { errorCode } from './log.js';
import { checkContributorUpdate, updateIn } from './permissions-records.js';
import { loadPermissions } from './permissions-state.js';
import { checkMessage } from './sync-message.js';
import { describeName, isUnitName } from './unit-names.js';

/** What every connection carries for the hooks and for later slices to stamp changes with. */
/** @typedef {{ user: import('./sessions.js').TeamUser, sessionId: string, access?: import('./permissions.js').Access }} SyncContext */

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
  const permissions = loadPermissions({ store, admins: settings.admins });
  permissions.then(
    (loaded) => loaded.onChange(() => recheckOpenUnits(loaded)),
    (error) => log.error('permissions-load-failed', { store: store.kind, error: errorCode(error) }),
  );
  sessions.usePermissions(permissions);

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
    async onAuthenticate({ documentName, context, connectionConfig }) {
      if (closing) throw new Refusal('shutting-down');
      const session = sessions.get(context.sessionId);
      if (!session) throw new Refusal('not-signed-in');
      if (!isUnitName(documentName)) {
        log.warn('refused-unit-name', { user: session.user.id, name: describeName(documentName) });
        throw new Refusal('unknown-unit');
      }
      const access = await accessFor(session.user, documentName);
      if (access === 'none') {
        log.warn('refused-unit', { unit: documentName, user: session.user.id, reason: 'forbidden' });
        throw new Refusal('forbidden');
      }
      connectionConfig.readOnly = access === 'read';
      return { user: session.user, sessionId: session.id, access };
    },
    async onChange({ documentName, document, context }) {
      if (!documentName.startsWith('moderation:') || !context?.user) return;
      const loaded = await permissions;
      if (loaded.allocation(documentName)?.moderator !== context.user.id) return;
      const record = document.getMap('moderations').get(documentName.slice('moderation:'.length));
      if (record instanceof Y.Map && typeof record.get('submittedAt') === 'string') {
        await loaded.markSubmitted(documentName, context.user.id);
      }
    },
    async beforeHandleMessage({ update, documentName, context, connection, document }) {
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
      const payload = updateIn(update);
      // An update with no structs and no deletions is two zero bytes: a client with nothing new to send.
      if (!payload || payload.byteLength <= 2) return;
      if (connection.readOnly) {
        // Hocuspocus applies none of it and tells the client so; the log says who tried.
        log.warn('refused-write', { unit: documentName, user: context.user?.id, reason: 'read-only' });
        return;
      }
      const loaded = await permissions;
      const person = loaded.personOf(context.user);
      if (documentName.startsWith('cycle:') && !person.roles.has('admin')) {
        const checked = checkContributorUpdate(document, payload, person);
        if (!checked.ok) {
          log.warn('refused-write', { unit: documentName, user: person.id, reason: checked.problem });
          throw new Refusal('forbidden');
        }
      }
    },
  });

  /**
   * Read, write or nothing, for this person and unit. A round, audit or moderation that has never been
   * stored becomes its creator's (the server records the owner: the document's own fields are not trusted).
   * @param {import('./sessions.js').TeamUser} user
   * @param {string} unit
   * @returns {Promise<import('./permissions.js').Access>}
   */
  async function accessFor(user, unit) {
    let loaded;
    try {
      loaded = await permissions;
    } catch {
      throw new Refusal('unit-unavailable');
    }
    if (/^(?:round|audit|moderation):/.test(unit) && !loaded.allocation(unit) && (await isNew(unit))) {
      if (await loaded.claim(user, unit)) log.info('unit-created', { unit, user: user.id });
    }
    return loaded.accessTo(user, unit);
  }

  /** @param {string} unit */
  async function isNew(unit) {
    if (hocuspocus.documents.has(unit) || hocuspocus.loadingDocuments.has(unit)) return false;
    try {
      return (await store.fetch(unit)) === null;
    } catch {
      return false; // the load that follows refuses it as unit-unavailable
    }
  }

  /**
   * After a grant or allocation changed: a unit connection that may no longer be open is closed
   * (`forbidden`); one whose access went from read to write or back is closed (`access-changed`) so the
   * client reconnects with its new access. Nothing already sent can be recalled; nothing more is sent.
   * @param {import('./permissions-state.js').Permissions} loaded
   */
  function recheckOpenUnits(loaded) {
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const user = /** @type {SyncContext} */ (connection.context)?.user;
        if (!user) continue;
        const access = loaded.accessTo(user, document.name);
        const had = connection.readOnly ? 'read' : 'write';
        if (access === had) continue;
        const reason = access === 'none' ? 'forbidden' : 'access-changed';
        log.info('unit-access-changed', { unit: document.name, user: user.id, access, reason });
        connection.close({ code: 4403, reason });
      }
    }
  }

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
