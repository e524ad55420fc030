// The embedded store keeps roles granted in the workspace, unit allocations and the record of every change
// to them across a restart, as PostgreSQL does (roles-permissions.test.mjs covers that one).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPermissions } from '../../src/server/permissions-state.js';
import { openFileStore } from '../../src/server/store/file-store.js';
import { temporaryFolder } from './helpers/team.mjs';

const rita = { id: 'rita', name: 'Rita Novak', email: undefined, roles: ['reader'] };
const round = 'round:6f1c2b7e-5a0d-4c8e-9b1a-2d3e4f5a6b7c';

test('grants, allocations and their change record survive a restart of the file store', async () => {
  const folder = temporaryFolder('team-roles-files-');
  try {
    let store = await openFileStore(folder.dir);
    const first = await loadPermissions({ store, admins: [] });
    assert.equal(first.accessTo(rita, 'registers'), 'read');
    await first.grant({ userId: 'rita', roles: ['contributor'] }, 'priya');
    await Promise.all([
      first.allocate(round, { auditors: ['amara'] }, 'priya'),
      first.allocate(round, { closed: true }, 'priya'),
    ]);
    assert.equal(first.accessTo(rita, 'registers'), 'write');
    await first.notePerson(rita);
    await store.close();

    store = await openFileStore(folder.dir);
    const again = await loadPermissions({ store, admins: [] });
    assert.deepEqual([...again.personOf(rita).roles], ['reader', 'contributor']);
    assert.deepEqual(again.allocation(round), { auditors: ['amara'], closed: true }, 'neither change lost');
    const changes = await again.changes(10);
    assert.deepEqual(
      changes.map((c) => [c.kind, c.by, c.subject]),
      [
        ['allocation', 'priya', round],
        ['allocation', 'priya', round],
        ['grant', 'priya', 'rita'],
      ],
    );
    assert.match(changes[2].at, /^\d{4}-\d\d-\d\dT/);
    assert.ok(JSON.parse(readFileSync(join(folder.dir, 'access.json'), 'utf8')).grants.rita);
    // Who has signed in is kept too, with the roles they have now.
    assert.deepEqual(
      again.knownPeople().map((p) => [p.userId, p.name, p.roles, p.granted]),
      [['rita', 'Rita Novak', ['contributor', 'reader'], ['contributor']]],
    );
    await store.close();
  } finally {
    folder.remove();
  }
});
