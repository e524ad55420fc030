// @ts-check
/*
 * Server-side sessions, held in memory: the browser keeps only a random id in an httpOnly cookie, signed
 * with SESSION_SECRET so a guessed or altered cookie is refused before any lookup. A session lasts a fixed
 * number of hours; when it ends (sign-out, expiry) its listeners close that session's sync connections.
 * A restart signs everyone out: the app keeps working offline and syncs again after the next sign-in.
 * In-flight sign-ins (PKCE verifier, nonce, where to return) live here too, single use, ten minutes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The signed-in person, as the identity provider said at sign-in: `roles` and `agency` come from its
 * groups or app-roles claim (TEAM_ROLES); grants made in the workspace are added when access is decided.
 * @typedef {{ id: string, name: string, email: string | undefined, roles?: import('./roles.js').Role[], agency?: string }} TeamUser
 */
/** @typedef {{ id: string, user: TeamUser, createdAt: number, expiresAt: number }} Session */
/** @typedef {{ codeVerifier: string, nonce: string, returnTo: string, expiresAt: number }} PendingSignIn */

const SIGN_IN_MS = 10 * 60 * 1000;
const MAX_PENDING_SIGN_INS = 10_000;

/**
 * @param {{ secret: string, lifetimeMs: number, secureCookies: boolean, now?: () => number }} options
 */
export function createSessions({ secret, lifetimeMs, secureCookies, now = Date.now }) {
  /** @type {Map<string, Session>} */
  const sessions = new Map();
  /** @type {Map<string, PendingSignIn>} */
  const pending = new Map();
  /** @type {Array<(session: Session, reason: string) => void>} */
  const endListeners = [];
  /** @type {Promise<import('./permissions-state.js').Permissions> | undefined} */
  let permissions;
  // __Host- makes browsers refuse the cookie unless it is Secure, host-only and for path /.
  const cookieName = secureCookies ? '__Host-rw-session' : 'rw-session';
  const signInCookieName = secureCookies ? '__Host-rw-sign-in' : 'rw-sign-in';
  const attributes = `HttpOnly; SameSite=Lax; Path=/${secureCookies ? '; Secure' : ''}`;

  const sign = (/** @type {string} */ value) =>
    createHmac('sha256', secret).update(value).digest('base64url');
  const verified = (/** @type {string | undefined} */ cookieValue) => {
    if (!cookieValue) return undefined;
    const dot = cookieValue.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const value = cookieValue.slice(0, dot);
    const given = Buffer.from(cookieValue.slice(dot + 1));
    const expected = Buffer.from(sign(value));
    return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
  };

  /** @param {Session} session @param {string} reason */
  const end = (session, reason) => {
    if (!sessions.delete(session.id)) return;
    for (const listener of endListeners) listener(session, reason);
  };

  /** @param {string | undefined} id */
  const get = (id) => {
    const session = id === undefined ? undefined : sessions.get(id);
    if (session && session.expiresAt <= now()) {
      end(session, 'session-expired');
      return undefined;
    }
    return session;
  };

  return {
    cookieName,
    /** @param {TeamUser} user */
    create(user) {
      const id = randomBytes(32).toString('base64url');
      const createdAt = now();
      const session = { id, user, createdAt, expiresAt: createdAt + lifetimeMs };
      sessions.set(id, session);
      const cookie = `${cookieName}=${id}.${sign(id)}; ${attributes}; Max-Age=${Math.floor(lifetimeMs / 1000)}`;
      return { session, cookie };
    },
    get,
    /** @param {string | undefined} cookieHeader */
    fromCookies(cookieHeader) {
      return get(verified(readCookie(cookieHeader, cookieName)));
    },
    /** @param {Session} session @param {string} reason */
    end,
    clearCookie: () => `${cookieName}=; ${attributes}; Max-Age=0`,
    /** @param {(session: Session, reason: string) => void} listener */
    onEnd(listener) {
      endListeners.push(listener);
    },
    /** Ends expired sessions (closing their connections) and forgets stale sign-ins. */
    sweep() {
      const time = now();
      for (const session of [...sessions.values()])
        if (session.expiresAt <= time) end(session, 'session-expired');
      for (const [state, record] of pending) if (record.expiresAt <= time) pending.delete(state);
    },
    /**
     * @param {Omit<PendingSignIn, 'expiresAt'>} record
     * @returns {{ state: string, cookie: string }} the state to send, and the cookie that binds it to this browser
     */
    beginSignIn(record) {
      if (pending.size >= MAX_PENDING_SIGN_INS)
        pending.delete(/** @type {string} */ (pending.keys().next().value));
      const state = randomBytes(24).toString('base64url');
      pending.set(state, { ...record, expiresAt: now() + SIGN_IN_MS });
      const cookie = `${signInCookieName}=${state}.${sign(state)}; ${attributes}; Max-Age=${SIGN_IN_MS / 1000}`;
      return { state, cookie };
    },
    /**
     * The pending sign-in for this state, once, and only in the browser that started it (no login CSRF).
     * @param {string | null} state
     * @param {string | undefined} cookieHeader
     */
    takeSignIn(state, cookieHeader) {
      if (!state || verified(readCookie(cookieHeader, signInCookieName)) !== state) return undefined;
      const record = pending.get(state);
      pending.delete(state);
      return record && record.expiresAt > now() ? record : undefined;
    },
    clearSignInCookie: () => `${signInCookieName}=; ${attributes}; Max-Age=0`,
    get size() {
      return sessions.size;
    },
    /**
     * Who may do what in the workspace (set by the sync endpoint, which loads it from the store), shared
     * here so the sign-in routes answer /auth/me and /auth/people from the same record.
     */
    get permissions() {
      return permissions;
    },
    /** @param {Promise<import('./permissions-state.js').Permissions>} loaded */
    usePermissions(loaded) {
      permissions = loaded;
    },
  };
}

/** @typedef {ReturnType<typeof createSessions>} Sessions */

/**
 * @param {string | undefined} header
 * @param {string} name
 */
export function readCookie(header, name) {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
