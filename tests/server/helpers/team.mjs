// Test fixtures for the team server: a stand-in built app, the practice identity provider, the team server
// as a child process (scripts/team-server.mjs, the same launcher people run), a sign-in driven by plain
// HTTP requests with a cookie jar, and Hocuspocus + Yjs clients in Node that send the session cookie.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startDemoIdentityProvider } from '../../../src/server/demo-idp.js';
import { DEMO_ROLES } from '../../../src/server/roles.js';
import { freePort } from './ports.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
export const SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

/** Resolves when `check()` is truthy; fails with `what` after `ms`. */
export async function waitFor(check, what, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function withTimeout(promise, what, ms = 10_000) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function temporaryFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A stand-in for dist/: the tests check serving and headers, not the app itself. */
export function makeAppDir(dir) {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'"><script type="module" src="./assets/app-1234.js"></script></head><body>Readiness Workbook</body></html>`,
  );
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'export {};\n');
  return dir;
}

/**
 * Everything a test file needs: a port for the team server, the identity provider registered for it, and
 * start(env) to run the server (again) on that port.
 */
export async function createTeamFixture({ appDir }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}/`;
  const idp = await startDemoIdentityProvider({
    redirectUri: `${baseUrl}auth/callback`,
    postLogoutRedirectUri: baseUrl,
  });
  const running = new Set();
  const baseEnv = {
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    OIDC_ISSUER: idp.issuer.href,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    SESSION_SECRET,
    TEAM_APP_DIR: appDir,
    TEAM_WORKSPACE: 'Northshire test workspace',
    // The practice provider's groups → roles (priya and sam are administrators; see DEMO_USERS).
    TEAM_ROLES: DEMO_ROLES,
  };
  return {
    baseUrl,
    idp,
    /** Starts scripts/team-server.mjs; resolves once it logs "listening". */
    async start(env = {}, args = []) {
      const server = await startProcess({ ...baseEnv, ...env }, args);
      running.add(server);
      server.exited.then(() => running.delete(server));
      return server;
    },
    async close() {
      await Promise.all([...running].map((server) => server.stop()));
      await idp.close();
    },
  };
}

export async function startProcess(env, args = []) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/team-server.mjs'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const stopOnExit = () => child.kill('SIGKILL');
  process.on('exit', stopOnExit);
  exited.then(() => process.off('exit', stopOnExit));
  const server = {
    child,
    exited,
    output: () => output,
    /** Graceful stop (SIGTERM: the server stores every open unit first); SIGKILL after 15 s. */
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  let exit;
  exited.then((result) => (exit = result));
  const listening = () => / info listening /.test(output);
  try {
    await waitFor(() => listening() || exit, 'the team server to listen', 15_000);
  } catch (error) {
    await server.stop('SIGKILL');
    throw error;
  }
  if (!listening()) throw new Error(`The team server exited (${exit.code}) before listening:\n${output}`);
  return server;
}

/** Cookies by host name only, as browsers keep them (the provider and the server share 127.0.0.1). */
class CookieJar {
  cookies = new Map();
  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  get(name) {
    return this.cookies.get(name);
  }
}

/**
 * Signs in as a browser would: follow the redirects to the provider's form, post the credentials, follow
 * back to /auth/callback. Resolves with the cookie header for the team server, or throws.
 */
export async function signIn(baseUrl, username, password, { returnTo } = {}) {
  const jar = new CookieJar();
  let url = new URL(`auth/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`, baseUrl).href;
  let init = {};
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      ...init,
      headers: { ...init.headers, cookie: jar.header() },
      signal: AbortSignal.timeout(10_000),
    });
    jar.store(response);
    init = {};
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location'), url).href;
      if (next.startsWith(baseUrl) && !next.startsWith(`${baseUrl}auth/`)) {
        return { cookie: jar.header(), landedOn: next, jar };
      }
      url = next;
      continue;
    }
    const body = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(body)?.[1];
    if (response.status !== 200 || !action || hop > 10) {
      throw Object.assign(
        new Error(`Sign-in stopped at ${url} with ${response.status}: ${body.slice(0, 200)}`),
        {
          status: response.status,
          body,
        },
      );
    }
    url = new URL(action, url).href;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    };
  }
  throw new Error('Sign-in went round in circles');
}

/** A ws WebSocket class that sends the session cookie and the page's Origin, as a browser tab would. */
export function browserLikeWebSocket(cookie, origin) {
  return class extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { ...(cookie ? { cookie } : {}) }, origin });
      // The provider removes its own error listener before it closes a socket; closing one that is still
      // connecting (a client destroyed while it reconnects) then emits an error nobody hears, which Node
      // throws. A browser never throws there, so neither does this stand-in.
      this.on('error', () => {});
    }
  };
}

/** One Yjs client of one unit, with its outcome as promises. */
export function connect(baseUrl, cookie, name, document) {
  const origin = new URL(baseUrl).origin;
  const events = { authenticationFailed: undefined, closes: [] };
  let markSynced;
  const synced = new Promise((resolve) => (markSynced = resolve));
  const provider = new HocuspocusProvider({
    url: `${baseUrl.replace(/^http/, 'ws')}sync`,
    name,
    document,
    token: 'session-cookie',
    WebSocketPolyfill: browserLikeWebSocket(cookie, origin),
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
    onSynced: () => markSynced(),
    onAuthenticationFailed: ({ reason }) => (events.authenticationFailed = reason),
    onClose: ({ event }) => events.closes.push(event?.code),
  });
  /** Resolves once the server has acknowledged every local change (what "Saved to the team" would mean). */
  const acknowledged = () => waitFor(() => !provider.hasUnsyncedChanges, `the server to acknowledge ${name}`);
  return { provider, document, synced, events, acknowledged, destroy: () => provider.destroy() };
}

/** Opens a bare WebSocket to /sync: resolves with the socket when open, or the HTTP status when refused. */
export function openRawSocket(baseUrl, { cookie, origin = new URL(baseUrl).origin } = {}) {
  return withTimeout(
    new Promise((resolve) => {
      const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}sync`, {
        headers: cookie ? { cookie } : {},
        ...(origin ? { origin } : {}),
      });
      ws.once('open', () => resolve({ ws }));
      ws.once('unexpected-response', (_req, res) => {
        resolve({ status: res.statusCode });
        ws.terminate();
      });
      ws.once('error', (error) => resolve({ error }));
    }),
    'a WebSocket to open or be refused',
  );
}

// The Hocuspocus wire format, for sending a hand-made frame (lib0 var-ints).
function varUint(n) {
  const out = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
function varBytes(bytes) {
  return [...varUint(bytes.length), ...bytes];
}
function varString(text) {
  return varBytes([...new TextEncoder().encode(text)]);
}
export const frames = {
  auth: (name) => Uint8Array.from([...varString(name), 2, 0, ...varString('session-cookie')]),
  update: (name, update) => Uint8Array.from([...varString(name), 0, 2, ...varBytes([...update])]),
};
