// @ts-check
/*
 * The team server: one Node process, one port, serving the built app, /auth/* and the /sync WebSocket
 * (design.md §8). This module wires the parts together and owns their lifecycle: start opens the
 * store first (a store that cannot be opened stops the start), close stores every loaded unit before
 * the store is closed. With TEAM_BACKUP_DIR set it also writes the nightly backup (nightly-backup.js).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createAuthRoutes } from './auth-routes.js';
import { sendText } from './http-util.js';
import { errorCode } from './log.js';
import { scheduleNightlyBackups } from './nightly-backup.js';
import { createOidcClient } from './oidc.js';
import { createSessions } from './sessions.js';
import { createStaticFiles } from './static-files.js';
import { openStore } from './store/open-store.js';
import { createSync } from './sync.js';

/** The app's version, as a backup written by the app records it. */
const APP_VERSION = String(
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
);

/**
 * @param {import('./settings.js').Settings} settings with `oidc` filled in
 * @param {{ log: import('./log.js').Log }} options
 */
export async function startTeamServer(settings, { log }) {
  if (!settings.oidc) throw new Error('No identity provider configured.');
  const store = await openStore(settings);
  const sessions = createSessions({
    secret: settings.sessionSecret,
    lifetimeMs: settings.sessionHours * 3_600_000,
    secureCookies: settings.publicUrl.protocol === 'https:',
  });
  const oidc = createOidcClient({ oidc: settings.oidc, publicUrl: settings.publicUrl });
  const sync = createSync({ settings, store, sessions, log });
  const auth = createAuthRoutes({ settings, sessions, oidc, log });
  const app = createStaticFiles(settings.appDir);
  const hsts =
    settings.publicUrl.protocol === 'https:' ? { 'Strict-Transport-Security': 'max-age=31536000' } : {};

  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(hsts)) res.setHeader(name, value);
    try {
      const url = new URL(req.url ?? '/', settings.publicUrl);
      if (url.pathname === '/healthz') sendText(res, 200, 'ok');
      else if (url.pathname.startsWith('/auth/')) await auth(req, res, url);
      else if (url.pathname === '/sync') sendText(res, 426, 'This address takes WebSocket connections only.');
      else await app(req, res, url);
    } catch (error) {
      log.error('request-failed', { path: req.url?.split('?')[0]?.slice(0, 100), error: errorCode(error) });
      if (!res.headersSent) sendText(res, 500, 'Something went wrong on the team server.');
      else res.destroy();
    }
  });
  server.on('upgrade', sync.handleUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());

  const sweep = setInterval(() => sessions.sweep(), 60_000);
  sweep.unref();
  const backups = settings.backupDir
    ? scheduleNightlyBackups({ store, dir: settings.backupDir, appVersion: APP_VERSION, log })
    : undefined;

  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => resolve(undefined));
    });
  } catch (error) {
    clearInterval(sweep);
    await backups?.stop();
    await store.close();
    throw error;
  }
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  log.info('listening', {
    url: settings.publicUrl.href,
    host: settings.host,
    port: address.port,
    store: store.kind,
    issuer: settings.oidc.issuer.href,
    backups: settings.backupDir ? 'nightly' : 'off',
  });

  let closed;
  return {
    port: address.port,
    sessions,
    /** Stops accepting, stores every loaded unit, then closes the store. Safe to call twice. */
    close() {
      closed ??= (async () => {
        clearInterval(sweep);
        await backups?.stop();
        const httpClosed = new Promise((resolve) => server.close(() => resolve(undefined)));
        await sync.close();
        server.closeAllConnections();
        await httpClosed;
        await store.close();
        log.info('stopped');
      })();
      return closed;
    },
  };
}
