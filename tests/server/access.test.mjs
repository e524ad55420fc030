// Who may connect: nothing syncs without a valid session from the OIDC sign-in; cross-origin handshakes,
// unknown unit names and too many connections are refused; sign-out closes the session's connections.
// Also the app itself: served from the same origin with its headers, nothing outside dist/.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../src/server/demo-idp.js';
import {
  connect,
  createTeamFixture,
  makeAppDir,
  openRawSocket,
  signIn,
  temporaryFolder,
  waitFor,
  withTimeout,
} from './helpers/team.mjs';

let folder;
let fixture;
let server;

before(async () => {
  folder = temporaryFolder('team-access-');
  fixture = await createTeamFixture({ appDir: makeAppDir(join(folder.dir, 'app')) });
  server = await fixture.start({
    TEAM_DATA_DIR: join(folder.dir, 'data'),
    TEAM_MAX_CONNECTIONS_PER_USER: '3',
  });
});

after(async () => {
  await fixture?.close();
  folder?.remove();
});

/** A request with the path exactly as written (fetch would tidy away the dot-segments). */
function rawStatus(path) {
  const { hostname, port } = new URL(fixture.baseUrl);
  return withTimeout(
    new Promise((resolve, reject) => {
      request({ hostname, port, path }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    }),
    `GET ${path}`,
  );
}

const get = (path, headers = {}) =>
  fetch(new URL(path, fixture.baseUrl), { headers, redirect: 'manual', signal: AbortSignal.timeout(5_000) });

test('/auth/me answers 401 before sign-in and the signed-in person after', async () => {
  assert.equal((await get('auth/me')).status, 401);
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  assert.match(priya.jar.get('rw-session'), /^[\w-]{43}\.[\w-]{43}$/);
  const response = await get('auth/me', { cookie: priya.cookie });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const me = await response.json();
  assert.deepEqual(
    { id: me.id, name: me.name, email: me.email, workspace: me.workspace },
    { id: 'priya', name: 'Priya Shah', email: 'priya@demo.invalid', workspace: 'Northshire test workspace' },
  );
});

test('the session cookie is httpOnly and SameSite=Lax (Secure follows an https PUBLIC_URL)', async () => {
  const login = await get('auth/login');
  assert.equal(login.status, 302);
  assert.match(login.headers.get('location'), /code_challenge_method=S256/);
  assert.match(login.headers.get('location'), /[?&]nonce=/);
  const session = await fetchSessionCookieLine();
  assert.match(session, /HttpOnly/);
  assert.match(session, /SameSite=Lax/);
  assert.doesNotMatch(session, /Secure/, 'plain http on 127.0.0.1 cannot use Secure cookies');
});

async function fetchSessionCookieLine() {
  const lines = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (...args) => {
    const response = await original(...args);
    lines.push(...response.headers.getSetCookie());
    return response;
  };
  try {
    await signIn(fixture.baseUrl, 'sam', DEMO_PASSWORD);
  } finally {
    globalThis.fetch = original;
  }
  return lines.find((line) => line.startsWith('rw-session=') && !/Max-Age=0/.test(line));
}

test('sign-in refuses a wrong password, and never returns to another site', async () => {
  await assert.rejects(signIn(fixture.baseUrl, 'priya', 'wrong'), (error) => error.status === 401);
  await assert.rejects(signIn(fixture.baseUrl, 'mallory', DEMO_PASSWORD), (error) => error.status === 401);
  const elsewhere = await signIn(fixture.baseUrl, 'sam', DEMO_PASSWORD, { returnTo: '//evil.example/' });
  assert.equal(elsewhere.landedOn, fixture.baseUrl);
  const settings = await signIn(fixture.baseUrl, 'sam', DEMO_PASSWORD, { returnTo: '/#/settings' });
  assert.equal(settings.landedOn, `${fixture.baseUrl}#/settings`);
});

test('a callback that this browser did not start is refused (no login CSRF)', async () => {
  const response = await get('auth/callback?code=stolen&state=somebody-elses');
  assert.equal(response.status, 400);
  assert.equal(response.headers.get('set-cookie')?.includes('rw-session='), false);
});

test('a WebSocket without a valid session is refused at the upgrade', async () => {
  assert.equal((await openRawSocket(fixture.baseUrl)).status, 401, 'no cookie');
  assert.equal(
    (await openRawSocket(fixture.baseUrl, { cookie: 'rw-session=abc.def' })).status,
    401,
    'made up',
  );
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const [id] = priya.jar.get('rw-session').split('.');
  const forged = `rw-session=${id}.${'A'.repeat(43)}`;
  assert.equal((await openRawSocket(fixture.baseUrl, { cookie: forged })).status, 401, 'bad signature');
  const crossSite = await openRawSocket(fixture.baseUrl, {
    cookie: priya.cookie,
    origin: 'https://evil.example',
  });
  assert.equal(crossSite.status, 403, 'another origin');

  const anonymous = connect(fixture.baseUrl, '', 'registers', new Y.Doc());
  try {
    await waitFor(() => anonymous.events.closes.length >= 2, 'two refused attempts');
    assert.equal(anonymous.provider.isSynced, false);
  } finally {
    anonymous.destroy();
  }
  assert.match(server.output(), / refused-connection status=401 reason=not-signed-in/);
});

test('a unit name outside the agreed pattern is refused', async () => {
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const good = connect(fixture.baseUrl, priya.cookie, `cycle:${randomUUID()}`, new Y.Doc());
  await withTimeout(good.synced, 'a valid unit to sync');
  good.destroy();
  for (const name of [
    'cycle:not-a-uuid',
    `CYCLE:${randomUUID()}`,
    `cycle:${randomUUID().toUpperCase()}`,
    '../registers',
    'registers2',
    '',
  ]) {
    const client = connect(fixture.baseUrl, priya.cookie, name, new Y.Doc());
    try {
      await waitFor(() => client.events.authenticationFailed, `"${name}" to be refused`);
      assert.equal(client.events.authenticationFailed, 'unknown-unit');
    } finally {
      client.destroy();
    }
  }
  assert.match(server.output(), / refused-unit-name user=priya name=cycle:not-a-uuid\n/);
});

test('connections per person are limited', async () => {
  const jo = await signIn(fixture.baseUrl, 'jo', DEMO_PASSWORD);
  const open = [];
  try {
    for (let i = 0; i < 3; i++) {
      const { ws } = await openRawSocket(fixture.baseUrl, { cookie: jo.cookie });
      assert.ok(ws, `connection ${i + 1} opens`);
      open.push(ws);
    }
    assert.equal((await openRawSocket(fixture.baseUrl, { cookie: jo.cookie })).status, 429);
    open.pop().close();
    await waitFor(async () => {
      const attempt = await openRawSocket(fixture.baseUrl, { cookie: jo.cookie });
      if (attempt.ws) open.push(attempt.ws);
      return attempt.ws;
    }, 'a slot to free up');
  } finally {
    for (const ws of open) ws.terminate();
  }
});

test('sign-out ends the session and closes its sync connections', async () => {
  const sam = await signIn(fixture.baseUrl, 'sam', DEMO_PASSWORD);
  const client = connect(fixture.baseUrl, sam.cookie, 'rehearsals', new Y.Doc());
  try {
    await withTimeout(client.synced, 'the client to sync');
    const forged = await fetch(new URL('auth/logout', fixture.baseUrl), {
      method: 'POST',
      headers: { cookie: sam.cookie, origin: 'https://evil.example' },
    });
    assert.equal(forged.status, 403, 'a cross-site sign-out is refused');
    const response = await fetch(new URL('auth/logout', fixture.baseUrl), {
      method: 'POST',
      headers: { cookie: sam.cookie, origin: new URL(fixture.baseUrl).origin },
    });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).signedOut, true);
    await waitFor(() => client.events.closes.includes(4401), 'the sync connection to close (4401)');
    assert.equal((await get('auth/me', { cookie: sam.cookie })).status, 401);
    assert.equal((await openRawSocket(fixture.baseUrl, { cookie: sam.cookie })).status, 401);
  } finally {
    client.destroy();
  }
});

test('the app is served from the same origin, and nothing outside it', async () => {
  const page = await get('');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('content-security-policy'), "frame-ancestors 'none'");
  assert.match(await page.text(), /connect-src 'self'/);
  const asset = await get('assets/app-1234.js');
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control'), /immutable/);
  for (const path of [
    '/../package.json',
    '/..%2f..%2fpackage.json',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/nope.js',
  ]) {
    assert.equal(await rawStatus(path), 404, path);
  }
  assert.equal((await get('sync')).status, 426);
  assert.equal(await (await get('healthz')).text(), 'ok');
});
