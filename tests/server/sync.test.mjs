// The team server against a real PostgreSQL and the practice OIDC provider, with Hocuspocus + Yjs clients
// in Node: live and offline convergence, restart, a damaged unit refused and left alone, oversized and
// malformed messages refused, and no document content in the log.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../src/server/demo-idp.js';
import { startPostgres } from './helpers/postgres.mjs';
import {
  connect,
  createTeamFixture,
  frames,
  makeAppDir,
  openRawSocket,
  signIn,
  temporaryFolder,
  waitFor,
  withTimeout,
} from './helpers/team.mjs';

const CONTENT_MARKER = 'Acacia-Road-confidential';
const MAX_MESSAGE_BYTES = 256 * 1024;

let database;
let db;
let fixture;
let server;
let app;
const outputs = [];

const serverEnv = () => ({ DATABASE_URL: database.url, TEAM_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) });

async function restartServer() {
  await server.stop();
  outputs.push(server.output());
  server = await fixture.start(serverEnv());
}

before(async () => {
  app = temporaryFolder('team-app-');
  makeAppDir(app.dir);
  database = await startPostgres();
  db = new pg.Pool({ connectionString: database.url, max: 2 });
  fixture = await createTeamFixture({ appDir: app.dir });
  server = await fixture.start(serverEnv());
});

after(async () => {
  await db?.end();
  await fixture?.close();
  database?.stop();
  app?.remove();
});

/** A record as design.md §8 shapes it: a Y.Map keyed by UUID, long text as Y.Text. */
function addRecord(doc, id, fields) {
  const record = new Y.Map();
  for (const [key, value] of Object.entries(fields)) record.set(key, value);
  record.set('strengths', new Y.Text());
  doc.getMap('records').set(id, record);
}
const record = (doc, id) => doc.getMap('records').get(id);
/** The records as canonical JSON: Y.Map keeps each replica's own insertion order, so keys are sorted. */
const snapshot = (doc) =>
  JSON.stringify(doc.getMap('records').toJSON(), (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );

async function storedRow(name) {
  return (await db.query('SELECT state, state_sha256 FROM team_documents WHERE name = $1', [name])).rows[0];
}

/** Waits until the server has written this unit and, its last client gone, let it go from memory. */
async function waitUntilStoredAndUnloaded(name, count = 1) {
  const pattern = new RegExp(` unit-stored unit=${name} `, 'g');
  await waitFor(() => (server.output().match(pattern)?.length ?? 0) >= count, `${name} to be stored`);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

test('two signed-in people editing one unit live converge: a map field, and concurrent typing keeps both texts', async () => {
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const sam = await signIn(fixture.baseUrl, 'sam', DEMO_PASSWORD);
  const unit = `cycle:${randomUUID()}`;
  const a = connect(fixture.baseUrl, priya.cookie, unit, new Y.Doc());
  const b = connect(fixture.baseUrl, sam.cookie, unit, new Y.Doc());
  try {
    await withTimeout(Promise.all([a.synced, b.synced]), 'both clients to sync');
    const id = randomUUID();
    addRecord(a.document, id, { grade: 'requires-improvement' });
    await waitFor(() => record(b.document, id)?.get('strengths'), 'the record to reach the second client');

    record(b.document, id).set('grade', 'good');
    record(a.document, id).get('strengths').insert(0, `Priya: ${CONTENT_MARKER} early help is timely. `);
    record(b.document, id).get('strengths').insert(0, 'Sam: supervision is regular. ');

    await waitFor(() => snapshot(a.document) === snapshot(b.document), 'the two clients to converge');
    const text = record(a.document, id).get('strengths').toString();
    assert.match(text, /Priya: .* early help is timely\./);
    assert.match(text, /Sam: supervision is regular\./);
    assert.equal(record(a.document, id).get('grade'), 'good');
  } finally {
    a.destroy();
    b.destroy();
  }
});

test('edits made offline on both sides converge after reconnecting', async () => {
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const sam = await signIn(fixture.baseUrl, 'sam', DEMO_PASSWORD);
  const unit = 'registers';
  const a = connect(fixture.baseUrl, priya.cookie, unit, new Y.Doc());
  const b = connect(fixture.baseUrl, sam.cookie, unit, new Y.Doc());
  try {
    await withTimeout(Promise.all([a.synced, b.synced]), 'both clients to sync');
    const shared = randomUUID();
    addRecord(a.document, shared, { title: 'Audit of step-down decisions', status: 'to-do' });
    await waitFor(() => record(b.document, shared)?.get('strengths'), 'the shared record to reach both');

    a.provider.disconnect();
    b.provider.disconnect();
    const offline = (c) => c.provider.configuration.websocketProvider.status === 'disconnected';
    await waitFor(() => offline(a) && offline(b), 'both clients to be offline');

    const onlyA = randomUUID();
    const onlyB = randomUUID();
    addRecord(a.document, onlyA, { title: 'Evidence added on the train' });
    addRecord(b.document, onlyB, { title: 'Action added at home' });
    record(a.document, shared).get('strengths').insert(0, 'Written offline by Priya. ');
    record(b.document, shared).get('strengths').insert(0, 'Written offline by Sam. ');
    record(a.document, shared).set('status', 'in-progress');
    record(b.document, shared).set('owner', 'Sam');

    a.provider.connect();
    b.provider.connect();
    await waitFor(() => snapshot(a.document) === snapshot(b.document), 'convergence after reconnecting');
    assert.ok(record(a.document, onlyA) && record(a.document, onlyB), 'both offline records are kept');
    const text = record(a.document, shared).get('strengths').toString();
    assert.match(text, /Written offline by Priya\./);
    assert.match(text, /Written offline by Sam\./);
    assert.equal(record(a.document, shared).get('status'), 'in-progress');
    assert.equal(record(a.document, shared).get('owner'), 'Sam');
  } finally {
    a.destroy();
    b.destroy();
  }
});

test('a restart of the server loses nothing; people sign in again afterwards', async () => {
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const unit = `round:${randomUUID()}`;
  const id = randomUUID();
  const writer = connect(fixture.baseUrl, priya.cookie, unit, new Y.Doc());
  await withTimeout(writer.synced, 'the writer to sync');
  addRecord(writer.document, id, { theme: 'Neglect', sample: 12 });
  record(writer.document, id).get('strengths').insert(0, 'Kept across the restart.');
  await writer.acknowledged();
  // Stop while the client is still connected: the server must store the unit before it exits.
  await restartServer();
  writer.destroy();
  assert.ok(await storedRow(unit), 'the unit is in PostgreSQL');
  assert.match(outputs.at(-1), new RegExp(` unit-stored unit=${unit} `));

  const me = await fetch(new URL('auth/me', fixture.baseUrl), { headers: { cookie: priya.cookie } });
  assert.equal(me.status, 401, 'sessions live in memory: a restart signs people out');

  const again = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const reader = connect(fixture.baseUrl, again.cookie, unit, new Y.Doc());
  try {
    await withTimeout(reader.synced, 'a fresh client to sync after the restart');
    assert.equal(record(reader.document, id).get('theme'), 'Neglect');
    assert.equal(record(reader.document, id).get('sample'), 12);
    assert.equal(record(reader.document, id).get('strengths').toString(), 'Kept across the restart.');
  } finally {
    reader.destroy();
  }
});

test('a unit that fails to load is refused, and its stored state is never overwritten', async () => {
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const unit = `audit:${randomUUID()}`;
  const id = randomUUID();
  const first = connect(fixture.baseUrl, priya.cookie, unit, new Y.Doc());
  await withTimeout(first.synced, 'the first client to sync');
  addRecord(first.document, id, { overall: 'good' });
  await first.acknowledged();
  first.destroy();
  await waitUntilStoredAndUnloaded(unit);
  const good = await storedRow(unit);

  await db.query(`UPDATE team_documents SET state = state || '\\x00ff'::bytea WHERE name = $1`, [unit]);
  const damaged = await storedRow(unit);

  // A client with its own offline edits must not be able to "heal" the unit by replacing it.
  const local = new Y.Doc();
  addRecord(local, randomUUID(), { overall: 'inadequate' });
  const second = connect(fixture.baseUrl, priya.cookie, unit, local);
  try {
    await waitFor(() => second.events.authenticationFailed, 'the unit to be refused');
    assert.equal(second.events.authenticationFailed, 'unit-unavailable');
    record(local, [...local.getMap('records').keys()][0]).set('overall', 'good');
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // longer than the store debounce
  } finally {
    second.destroy();
  }
  assert.match(
    server.output(),
    new RegExp(` unit-load-failed unit=${unit} store=postgres error=checksum-mismatch`),
  );
  const after = await storedRow(unit);
  assert.deepEqual(after.state, damaged.state, 'the damaged row is left exactly as it was');

  // Once an administrator restores the row, the unit opens again with its content.
  await db.query('UPDATE team_documents SET state = $2 WHERE name = $1', [unit, good.state]);
  const third = connect(fixture.baseUrl, priya.cookie, unit, new Y.Doc());
  try {
    await withTimeout(third.synced, 'the restored unit to sync');
    assert.equal(record(third.document, id).get('overall'), 'good');
  } finally {
    third.destroy();
  }
});

test('an oversized message is refused and never applied', async () => {
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const unit = `moderation:${randomUUID()}`;
  const big = connect(fixture.baseUrl, priya.cookie, unit, new Y.Doc());
  try {
    await withTimeout(big.synced, 'the client to sync');
    big.document.getText('notes').insert(0, 'x'.repeat(MAX_MESSAGE_BYTES + 10_000));
    await waitFor(() => big.events.closes.includes(1009), 'the server to close the socket (1009)');
  } finally {
    big.destroy();
  }
  assert.match(server.output(), / refused-message user=priya problem=too-large limit=262144/);

  const reader = connect(fixture.baseUrl, priya.cookie, unit, new Y.Doc());
  try {
    await withTimeout(reader.synced, 'a second client to sync');
    assert.equal(reader.document.getText('notes').length, 0);
  } finally {
    reader.destroy();
  }
});

test('a malformed update is refused, logged, and never applied', async () => {
  const priya = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const unit = `cycle:${randomUUID()}`;
  const { ws, status } = await openRawSocket(fixture.baseUrl, { cookie: priya.cookie });
  assert.ok(ws, `the socket opens (status ${status})`);
  try {
    const replies = [];
    ws.on('message', (data) => replies.push(data));
    ws.send(frames.auth(unit));
    await waitFor(() => replies.length > 0, 'the server to answer the authentication');
    ws.send(frames.update(unit, Uint8Array.from([1, 200, 7, 255, 255, 255, 3, 9, 9])));
    await waitFor(
      () =>
        new RegExp(` refused-message unit=${unit} user=priya bytes=\\d+ problem=malformed`).test(
          server.output(),
        ),
      'the refusal in the log',
    );
  } finally {
    ws.terminate();
  }
  const reader = connect(fixture.baseUrl, priya.cookie, unit, new Y.Doc());
  try {
    await withTimeout(reader.synced, 'a client to sync the unit');
    assert.equal(reader.document.share.size, 0, 'nothing was applied');
  } finally {
    reader.destroy();
  }
  assert.equal(await storedRow(unit), undefined, 'nothing was stored');
});

test('the server never logs document content, display names or cookies', async () => {
  const logs = [...outputs, server.output()].join('\n');
  assert.ok(logs.includes(' unit-stored '), 'the log has entries to check');
  for (const forbidden of [
    CONTENT_MARKER,
    'supervision is regular',
    'Kept across the restart',
    'Priya Shah',
    'rw-session=',
  ]) {
    assert.ok(!logs.includes(forbidden), `the log contains "${forbidden}"`);
  }
});
