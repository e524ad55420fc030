// `npm run team-server`: refuses to start without sign-in settings (there is no anonymous mode), and
// `-- --demo` runs on 127.0.0.1 with the practice provider, saying loudly that it is not for real data.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/server/demo-idp.js';
import { freePort } from './helpers/ports.mjs';
import { makeAppDir, signIn, startProcess, temporaryFolder } from './helpers/team.mjs';

let folder;
let appDir;

before(() => {
  folder = temporaryFolder('team-launcher-');
  appDir = makeAppDir(join(folder.dir, 'app'));
});

after(() => folder?.remove());

test('without an identity provider the server does not start, and says what to set', async () => {
  await assert.rejects(
    startProcess({ TEAM_APP_DIR: appDir, TEAM_DATA_DIR: join(folder.dir, 'none') }),
    (error) => {
      for (const name of ['PUBLIC_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'SESSION_SECRET']) {
        assert.match(error.message, new RegExp(`- ${name} must`));
      }
      assert.match(error.message, /exited \(2\)/);
      return true;
    },
  );
  await assert.rejects(
    startProcess({
      TEAM_APP_DIR: appDir,
      PUBLIC_URL: 'http://readiness.example.gov.uk',
      OIDC_ISSUER: 'http://login.example.com/tenant/v2.0',
      OIDC_CLIENT_ID: 'x',
      SESSION_SECRET: 'short',
    }),
    (error) =>
      /PUBLIC_URL must start with https/.test(error.message) &&
      /OIDC_ISSUER must start with https/.test(error.message) &&
      /SESSION_SECRET must be/.test(error.message),
  );
});

test('demo mode runs on 127.0.0.1 with the practice sign-in and a loud warning', async () => {
  const port = await freePort();
  const env = { PORT: String(port), TEAM_APP_DIR: appDir, TEAM_DATA_DIR: join(folder.dir, 'demo') };
  await assert.rejects(
    startProcess({ ...env, HOST: '0.0.0.0' }, ['--demo']),
    /Demo mode listens on 127\.0\.0\.1 only/,
  );
  const server = await startProcess(env, ['--demo']);
  try {
    const baseUrl = `http://127.0.0.1:${port}/`;
    const output = () => server.output();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(output(), /DEMO MODE: NOT FOR REAL DATA/);
    assert.match(output(), new RegExp(`password: ${DEMO_PASSWORD}`));
    const jo = await signIn(baseUrl, 'jo', DEMO_PASSWORD);
    const me = await (await fetch(new URL('auth/me', baseUrl), { headers: { cookie: jo.cookie } })).json();
    assert.equal(me.name, 'Jo Evans');
    assert.equal(me.workspace, 'Demo workspace (not for real data)');
  } finally {
    await server.stop();
  }
  assert.match(server.output(), / info stopped/);
});
