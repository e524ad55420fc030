// Starts the team server (src/server): the built app, /auth/* and /sync on one port.
//   npm run team-server               settings from the environment (see README, "Team mode")
//   npm run team-server -- --demo     on 127.0.0.1 with a practice sign-in; not for real data
// Builds the app first when dist/ is missing. Stops cleanly on Ctrl+C or SIGTERM, storing every open unit.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS, startDemoIdentityProvider } from '../src/server/demo-idp.js';
import { createLog } from '../src/server/log.js';
import { SettingsError, readSettings } from '../src/server/settings.js';
import { startTeamServer } from '../src/server/team-server.js';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--demo');
if (unknown.length) {
  console.error(`Unknown option ${unknown[0]}. Usage: npm run team-server [-- --demo]`);
  process.exit(2);
}
const demo = args.includes('--demo');

let settings;
try {
  settings = readSettings(process.env, { demo, randomSecret: () => randomBytes(32).toString('base64url') });
} catch (error) {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(2);
}

if (!existsSync(join(settings.appDir, 'index.html')) && !process.env.TEAM_APP_DIR) {
  console.log('The app is not built yet: running npm run build first.');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const log = createLog();
let demoProvider;
if (demo) {
  demoProvider = await startDemoIdentityProvider({
    redirectUri: new URL('auth/callback', settings.publicUrl).href,
    postLogoutRedirectUri: settings.publicUrl.href,
  });
  settings.oidc = {
    issuer: demoProvider.issuer,
    clientId: demoProvider.clientId,
    clientSecret: demoProvider.clientSecret,
  };
}

let server;
try {
  server = await startTeamServer(settings, { log });
} catch (error) {
  console.error(`The team server could not start: ${error instanceof Error ? error.message : error}`);
  await demoProvider?.close();
  process.exit(1);
}

if (demo) {
  const rule = '!'.repeat(78);
  console.log(
    [
      '',
      rule,
      '!!  DEMO MODE: NOT FOR REAL DATA.',
      '!!  Sign-in is a practice identity provider inside this process, with made-up people and a',
      '!!  password printed here. Use it to try team mode on this machine only; never put children’s,',
      '!!  families’ or staff information into it.',
      `!!  Open ${settings.publicUrl.href} and sign in as ${DEMO_USERS.map((u) => u.id).join(', ')}`,
      `!!  with the password: ${DEMO_PASSWORD}`,
      `!!  Demo data is kept in ${settings.databaseUrl ? 'the DATABASE_URL database' : settings.dataDir}.`,
      rule,
      '',
    ].join('\n'),
  );
} else {
  console.log(`Readiness Workbook team server is running at ${settings.publicUrl.href}  (Ctrl+C to stop)`);
}

let stopping = false;
const stop = async (/** @type {string} */ signal) => {
  if (stopping) {
    console.error(`Second ${signal}: stopping now, without waiting for units to be stored.`);
    process.exit(1);
  }
  stopping = true;
  const force = setTimeout(() => {
    console.error('Stopping took longer than 20 s: exiting.');
    process.exit(1);
  }, 20_000);
  force.unref();
  await server.close();
  await demoProvider?.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
