// The embedded store (no DATABASE_URL): one checksummed file per unit, written atomically, kept across a
// restart and a hard kill; a damaged file is refused and left untouched; one server per data folder.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../src/server/demo-idp.js';
import { freePort } from './helpers/ports.mjs';
import {
  connect,
  createTeamFixture,
  makeAppDir,
  signIn,
  temporaryFolder,
  waitFor,
  withTimeout,
} from './helpers/team.mjs';

let folder;
let dataDir;
let fixture;
let server;

before(async () => {
  folder = temporaryFolder('team-files-');
  dataDir = join(folder.dir, 'data');
  fixture = await createTeamFixture({ appDir: makeAppDir(join(folder.dir, 'app')) });
  server = await fixture.start({ TEAM_DATA_DIR: dataDir });
});

after(async () => {
  await fixture?.close();
  folder?.remove();
});

async function writeUnit(unit, text) {
  const { cookie } = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const writer = connect(fixture.baseUrl, cookie, unit, new Y.Doc());
  try {
    await withTimeout(writer.synced, 'the writer to sync');
    writer.document.getText('narrative').insert(0, text);
    await writer.acknowledged();
  } finally {
    writer.destroy();
  }
  await waitFor(() => server.output().includes(` unit-stored unit=${unit} `), `${unit} to be stored`);
}

async function readUnit(unit) {
  const { cookie } = await signIn(fixture.baseUrl, 'sam', DEMO_PASSWORD);
  const reader = connect(fixture.baseUrl, cookie, unit, new Y.Doc());
  try {
    await withTimeout(reader.synced, 'the reader to sync');
    return reader.document.getText('narrative').toString();
  } finally {
    reader.destroy();
  }
}

test('units survive a graceful restart, as checksummed files with no temporary files left behind', async () => {
  const unit = `cycle:${randomUUID()}`;
  await writeUnit(unit, 'Written before the restart.');
  await server.stop();
  server = await fixture.start({ TEAM_DATA_DIR: dataDir });
  assert.equal(await readUnit(unit), 'Written before the restart.');
  // Sam's sign-in is noted in access.json as it happens (who has signed in): let that write finish.
  const noted = () => {
    try {
      return Boolean(JSON.parse(readFileSync(join(dataDir, 'access.json'), 'utf8')).people?.sam);
    } catch {
      return false;
    }
  };
  await waitFor(noted, 'Sam’s sign-in to be noted');
  const files = readdirSync(dataDir);
  assert.ok(files.includes(`${unit.replace(':', '.')}.unit`), files.join(', '));
  assert.deepEqual(
    files.filter((f) => f.endsWith('.tmp')),
    [],
  );
  assert.equal(
    readFileSync(join(dataDir, `${unit.replace(':', '.')}.unit`))
      .subarray(0, 4)
      .toString(),
    'RWU1',
  );
});

test('units survive a hard kill once stored, and the stale lock does not block the next start', async () => {
  const unit = 'rehearsals';
  await writeUnit(unit, 'Stored before the kill.');
  await server.stop('SIGKILL');
  server = await fixture.start({ TEAM_DATA_DIR: dataDir });
  assert.equal(await readUnit(unit), 'Stored before the kill.');
});

test('a damaged unit file is refused and left exactly as it was', async () => {
  const unit = `audit:${randomUUID()}`;
  await writeUnit(unit, 'The original text.');
  await new Promise((resolve) => setTimeout(resolve, 300)); // let the server unload the unit
  const path = join(dataDir, `${unit.replace(':', '.')}.unit`);
  const bytes = readFileSync(path);
  bytes[bytes.length - 1] ^= 0xff;
  writeFileSync(path, bytes);

  const { cookie } = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const local = new Y.Doc();
  local.getText('narrative').insert(0, 'An offline copy that must not replace the stored one.');
  const client = connect(fixture.baseUrl, cookie, unit, local);
  try {
    await waitFor(() => client.events.authenticationFailed, 'the unit to be refused');
    assert.equal(client.events.authenticationFailed, 'unit-unavailable');
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // longer than the store debounce
  } finally {
    client.destroy();
  }
  assert.deepEqual(readFileSync(path), bytes);
  assert.match(
    server.output(),
    new RegExp(` unit-load-failed unit=${unit} store=files error=checksum-mismatch`),
  );
});

test('a unit file whose checksum holds but whose state does not decode is refused too', async () => {
  const unit = `moderation:${randomUUID()}`;
  const garbage = Buffer.from([1, 200, 7, 255, 255, 255, 3, 9, 9]);
  const path = join(dataDir, `${unit.replace(':', '.')}.unit`);
  writeFileSync(
    path,
    Buffer.concat([Buffer.from('RWU1'), createHash('sha256').update(garbage).digest(), garbage]),
  );
  const { cookie } = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  const client = connect(fixture.baseUrl, cookie, unit, new Y.Doc());
  try {
    await waitFor(() => client.events.authenticationFailed, 'the unit to be refused');
    assert.equal(client.events.authenticationFailed, 'unit-unavailable');
  } finally {
    client.destroy();
  }
  assert.equal(readFileSync(path).subarray(36).toString('hex'), garbage.toString('hex'));
});

test('a second server is refused the same data folder', async () => {
  const port = await freePort();
  await assert.rejects(
    fixture.start({ TEAM_DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}/` }),
    /Another team server \(process \d+\) is using the data folder/,
  );
});
