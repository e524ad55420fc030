// The nightly backup: tonight's workspace backup (the app's own format) and the units' stored states,
// written in TEAM_BACKUP_DIR, the last 14 nights kept, nothing written when a unit cannot be read, no
// content in the log; and the schedule that runs it at night. The embedded store, no processes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as Y from 'yjs';
import { createLog } from '../../src/server/log.js';
import { BACKUPS_KEPT, scheduleNightlyBackups, writeNightlyBackup } from '../../src/server/nightly-backup.js';
import { openFileStore } from '../../src/server/store/file-store.js';
import { temporaryFolder } from './helpers/team.mjs';

const cycleId = randomUUID();
const auditId = randomUUID();
const SECRET_WORDS = 'Child was seen alone at home';

/** A unit in the layout browsers write (src/team/projector.ts): table → record id → fields. */
function unitState(tables) {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [table, records] of Object.entries(tables)) {
      for (const record of records) {
        const map = new Y.Map();
        doc.getMap(table).set(record.id, map);
        for (const [field, value] of Object.entries(record))
          map.set(field, typeof value === 'string' && field === 'strengths' ? new Y.Text(value) : value);
      }
    }
  });
  return { doc, state: Y.encodeStateAsUpdate(doc) };
}

async function seededStore(dir) {
  const store = await openFileStore(dir);
  const registers = unitState({
    evidence: [{ id: randomUUID(), title: 'Scorecard', updatedAt: '2026-06-01T09:00:00.000Z' }],
  });
  registers.doc.getMap('units').set(`cycle:${cycleId}`, '2026-06-01T09:00:00.000Z');
  registers.doc.getMap('units').set(`audit:${auditId}`, '2026-06-01T09:00:00.000Z');
  await store.store('registers', Y.encodeStateAsUpdate(registers.doc));
  await store.store(
    'settings',
    unitState({
      settings: [
        {
          id: 'workspace',
          councilName: 'Northshire',
          protectiveMarking: 'OFFICIAL-SENSITIVE',
          updatedAt: '2026-06-01T09:00:00.000Z',
          updatedBy: 'Priya Shah',
        },
      ],
    }).state,
  );
  await store.store(
    `cycle:${cycleId}`,
    unitState({
      cycles: [{ id: cycleId, startYear: 2026, updatedAt: '2026-06-01T09:00:00.000Z' }],
      criterionAssessments: [
        { id: randomUUID(), cycleId, strengths: SECRET_WORDS, updatedAt: '2026-06-01T09:00:00.000Z' },
      ],
    }).state,
  );
  await store.store(
    `audit:${auditId}`,
    unitState({ caseAudits: [{ id: auditId, caseReference: 'CA-0012' }] }).state,
  );
  return store;
}

function captureLog() {
  const lines = [];
  return { log: createLog({ write: (line) => lines.push(line) }), lines };
}

test('tonight’s backup holds every unit’s records in the backup format, and the units as stored', async () => {
  const folder = temporaryFolder('team-backup-');
  const store = await seededStore(join(folder.dir, 'data'));
  const dir = join(folder.dir, 'backups');
  const { log, lines } = captureLog();
  try {
    const now = new Date('2026-06-02T02:00:00.000Z');
    const written = await writeNightlyBackup({ store, dir, now, appVersion: '0.1.0', log });
    assert.equal(written.units, 4);
    assert.deepEqual(readdirSync(dir).sort(), ['team-backup-2026-06-02.json', 'team-units-2026-06-02.json']);
    const backup = JSON.parse(readFileSync(join(dir, 'team-backup-2026-06-02.json'), 'utf8'));
    assert.equal(backup.formatName, 'readiness-workspace');
    assert.equal(backup.exportedAt, now.toISOString());
    assert.deepEqual(backup.records.settings, [
      {
        key: 'workspace',
        value: { councilName: 'Northshire', protectiveMarking: 'OFFICIAL-SENSITIVE' },
        updatedAt: '2026-06-01T09:00:00.000Z',
        updatedBy: 'Priya Shah',
      },
    ]);
    assert.equal(backup.records.criterionAssessments[0].strengths, SECRET_WORDS);
    assert.equal(backup.records.caseAudits[0].caseReference, 'CA-0012');
    assert.equal(backup.records.evidence[0].title, 'Scorecard');
    assert.deepEqual(backup.records.moderations, []);

    const units = JSON.parse(readFileSync(join(dir, 'team-units-2026-06-02.json'), 'utf8'));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(units.units[`cycle:${cycleId}`], 'base64'));
    assert.equal(doc.getMap('cycles').get(cycleId).get('startYear'), 2026);

    const logged = lines.join('');
    assert.match(logged, /backup-written .*units=4/);
    for (const content of [SECRET_WORDS, 'Northshire', 'CA-0012', 'Priya Shah', 'Scorecard'])
      assert.ok(!logged.includes(content), `the log quotes ${content}`);
  } finally {
    await store.close();
    folder.remove();
  }
});

test('the last 14 nights are kept; a unit that cannot be read writes nothing and keeps last night’s', async () => {
  const folder = temporaryFolder('team-backup-');
  const store = await seededStore(join(folder.dir, 'data'));
  const dir = join(folder.dir, 'backups');
  const { log, lines } = captureLog();
  try {
    for (let night = 1; night <= 16; night++) {
      const now = new Date(Date.UTC(2026, 5, night, 2));
      await writeNightlyBackup({ store, dir, now, appVersion: '0.1.0', log });
    }
    const files = readdirSync(dir).sort();
    assert.equal(files.length, 2 * BACKUPS_KEPT);
    assert.equal(files[0], 'team-backup-2026-06-03.json');
    assert.equal(files.at(-1), 'team-units-2026-06-16.json');

    const before = readFileSync(join(dir, 'team-backup-2026-06-16.json'));
    const failing = {
      ...store,
      kind: store.kind,
      fetch: async (name) => {
        if (name.startsWith('audit:'))
          throw Object.assign(new Error(SECRET_WORDS), { code: 'checksum-mismatch' });
        return store.fetch(name);
      },
    };
    writeFileSync(join(dir, 'unrelated.txt'), 'kept');
    await assert.rejects(
      writeNightlyBackup({
        store: failing,
        dir,
        now: new Date('2026-06-16T23:00:00Z'),
        appVersion: '0.1.0',
        log,
      }),
    );
    assert.deepEqual(readFileSync(join(dir, 'team-backup-2026-06-16.json')), before);
    assert.equal(readdirSync(dir).length, 2 * BACKUPS_KEPT + 1);
    assert.match(lines.at(-1), /error backup-failed .*error=checksum-mismatch/);
    assert.ok(!lines.join('').includes(SECRET_WORDS));
  } finally {
    await store.close();
    folder.remove();
  }
});

test('the schedule runs the backup at the set hour, and stopping waits for one under way', async () => {
  const folder = temporaryFolder('team-backup-');
  const store = await seededStore(join(folder.dir, 'data'));
  const dir = join(folder.dir, 'backups');
  const { log } = captureLog();
  try {
    // 80 ms before 02:00 on the server's clock.
    const start = Date.now();
    const twoAm = new Date(2026, 5, 2, 2, 0, 0, 0).getTime();
    const now = () => new Date(twoAm - 80 + (Date.now() - start));
    const schedule = scheduleNightlyBackups({ store, dir, appVersion: '0.1.0', log, hour: 2, now });
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.throws(() => readdirSync(dir), /ENOENT/, 'nothing before the hour');
    const deadline = Date.now() + 5_000;
    while (!readdirSync(folder.dir).includes('backups') || readdirSync(dir).length < 2) {
      if (Date.now() > deadline) throw new Error('no backup at the hour');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await schedule.stop();
    assert.equal(readdirSync(dir).filter((f) => f.startsWith('team-backup-')).length, 1);
  } finally {
    await store.close();
    folder.remove();
  }
});
