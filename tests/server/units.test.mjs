// The team server's pure parts: unit names, settings, the message check, sessions, the return address
// after sign-in, and the file store's format. No processes here.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as Y from 'yjs';
import { safeReturnTo } from '../../src/server/auth-routes.js';
import { createSessions } from '../../src/server/sessions.js';
import { SettingsError, readSettings } from '../../src/server/settings.js';
import { openFileStore } from '../../src/server/store/file-store.js';
import { UnitLoadError } from '../../src/server/store/unit-store.js';
import { checkMessage } from '../../src/server/sync-message.js';
import { isUnitName, unitName } from '../../src/server/unit-names.js';
import { frames, temporaryFolder } from './helpers/team.mjs';

test('unit names: <kind>:<lower-case uuid>, the four shared units, nothing else', () => {
  const id = randomUUID();
  for (const kind of ['cycle', 'round', 'audit', 'moderation']) assert.ok(isUnitName(`${kind}:${id}`), kind);
  for (const shared of ['registers', 'rehearsals', 'settings', 'frameworks'])
    assert.ok(isUnitName(shared), shared);
  for (const bad of [
    '',
    'cycle',
    `cycle:${id.toUpperCase()}`,
    `evidence:${id}`,
    `cycle:${id}/x`,
    ' registers',
    'Settings',
    'frameworks:x',
    `settings:${id}`,
    42,
  ]) {
    assert.equal(isUnitName(bad), false, String(bad));
  }
  assert.equal(unitName('audit', id), `audit:${id}`);
  assert.throws(() => unitName('audit', 'not-a-uuid'));
});

const realEnv = {
  PUBLIC_URL: 'https://readiness.northshire.gov.uk',
  OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  OIDC_CLIENT_ID: 'client',
  OIDC_CLIENT_SECRET: 'secret',
  SESSION_SECRET: 'x'.repeat(32),
};

test('settings: a council deployment, read from the environment', () => {
  const settings = readSettings({ ...realEnv, PORT: '3000', TEAM_WORKSPACE: 'Northshire' });
  assert.equal(settings.publicUrl.href, 'https://readiness.northshire.gov.uk/');
  assert.equal(settings.port, 3000);
  assert.equal(settings.host, '0.0.0.0');
  assert.equal(settings.oidc?.issuer.host, 'login.microsoftonline.com');
  assert.equal(settings.workspace, 'Northshire');
  assert.equal(settings.databaseUrl, undefined);
  assert.equal(settings.maxMessageBytes, 8 * 1024 * 1024);
});

test('settings: every problem is reported at once', () => {
  assert.throws(
    () => readSettings({ PUBLIC_URL: 'https://x.gov.uk/app', PORT: 'eighty', TEAM_MAX_MESSAGE_BYTES: '10' }),
    (error) => {
      assert.ok(error instanceof SettingsError);
      assert.equal(error.problems.length, 6, error.problems.join('\n'));
      return true;
    },
  );
});

test('the message check passes real Hocuspocus frames and refuses damaged ones', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');
  const update = Y.encodeStateAsUpdate(doc);
  assert.deepEqual(checkMessage(frames.update('registers', update)), { ok: true, type: 0 });
  assert.equal(checkMessage(frames.auth('registers')).ok, true);
  assert.equal(checkMessage(frames.update('registers', update.subarray(0, update.length - 2))).ok, false);
  assert.equal(checkMessage(frames.update('registers', Uint8Array.from([9, 9, 9]))).ok, false);
  assert.equal(checkMessage(Uint8Array.from([1, 65, 42])).ok, false, 'unknown message type');
  assert.equal(checkMessage(Uint8Array.from([200])).ok, false, 'truncated name');
});

test('sessions: signed cookies, a fixed lifetime, and listeners told when one ends', () => {
  let time = 1_000;
  const ended = [];
  const sessions = createSessions({
    secret: 's'.repeat(32),
    lifetimeMs: 60_000,
    secureCookies: true,
    now: () => time,
  });
  sessions.onEnd((session, reason) => ended.push([session.user.id, reason]));
  const { cookie } = sessions.create({ id: 'priya', name: 'Priya', email: undefined });
  assert.match(
    cookie,
    /^__Host-rw-session=[\w-]+\.[\w-]+; HttpOnly; SameSite=Lax; Path=\/; Secure; Max-Age=60$/,
  );
  const value = cookie.split(';')[0];
  assert.equal(sessions.fromCookies(value)?.user.id, 'priya');
  const altered = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
  assert.equal(sessions.fromCookies(altered), undefined, 'altered signature');
  assert.equal(sessions.fromCookies(value.replace('__Host-', '')), undefined, 'wrong cookie name');
  time += 60_000;
  assert.equal(sessions.fromCookies(value), undefined, 'expired');
  assert.deepEqual(ended, [['priya', 'session-expired']]);

  const { state, cookie: signInCookie } = sessions.beginSignIn({
    codeVerifier: 'v',
    nonce: 'n',
    returnTo: '/',
  });
  const jar = signInCookie.split(';')[0];
  assert.equal(sessions.takeSignIn(state, 'other=1'), undefined, 'another browser');
  assert.equal(sessions.takeSignIn(state, jar)?.codeVerifier, 'v');
  assert.equal(sessions.takeSignIn(state, jar), undefined, 'single use');
});

test('after sign-in the browser only ever returns to a path on this server', () => {
  assert.equal(safeReturnTo('/#/settings'), '/#/settings');
  for (const bad of [null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', '/\nx', 'x']) {
    assert.equal(safeReturnTo(bad), '/', String(bad));
  }
});

test('the file store: round trip, atomic replace, damage detected, nothing outside the folder', async () => {
  const folder = temporaryFolder('team-store-');
  try {
    const store = await openFileStore(folder.dir);
    const name = `cycle:${randomUUID()}`;
    assert.equal(await store.fetch(name), null, 'never stored');
    await store.store(name, Uint8Array.from([1, 2, 3]));
    await store.store(name, Uint8Array.from([4, 5, 6, 7]));
    assert.deepEqual([...((await store.fetch(name)) ?? [])], [4, 5, 6, 7]);
    assert.deepEqual(
      readdirSync(folder.dir).sort(),
      [`${name.replace(':', '.')}.unit`, 'server.lock'].sort(),
    );

    const path = join(folder.dir, `${name.replace(':', '.')}.unit`);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 1));
    await assert.rejects(
      store.fetch(name),
      (error) => error instanceof UnitLoadError && error.code === 'checksum-mismatch',
    );
    writeFileSync(path, 'not a unit');
    await assert.rejects(
      store.fetch(name),
      (error) => error instanceof UnitLoadError && error.code === 'not-a-unit-file',
    );
    await assert.rejects(store.fetch('../../etc/passwd'), UnitLoadError);
    await store.close();
  } finally {
    folder.remove();
  }
});
