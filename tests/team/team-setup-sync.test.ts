import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { settingsRepository } from '../../src/storage/repositories/settings-repository';
import {
  TEAM_SNAPSHOT_KEY,
  teamRepository,
  type LocalChange,
  type SyncedRecord,
} from '../../src/storage/repositories/team-repository';
import { canonical, readRecord, writeRecord } from '../../src/team/projector';
import { unitOfRecord } from '../../src/team/units';

const opened: WorkbookDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
function freshDatabase(): WorkbookDatabase {
  const db = openWorkbookDatabase(`team-setup-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const author = (by: string) => ({ by, now: '2026-06-01T09:00:00.000Z' });

describe('the workspace’s settings and frameworks as team mode sees them', () => {
  test('the shared settings are one record; the typed name and this browser’s last backup stay here', async () => {
    const db = freshDatabase();
    const settings = settingsRepository(db);
    const repository = teamRepository(db);
    await settings.saveSettings(
      { councilName: 'Northshire', userName: 'Priya', lastBackupAt: '2026-05-01T08:00:00.000Z' },
      author('Priya'),
    );
    const [record] = await repository.readAll('settings');
    expect(record).toMatchObject({ id: 'workspace', councilName: 'Northshire' });
    expect(record).not.toHaveProperty('userName');
    expect(record).not.toHaveProperty('lastBackupAt');
    expect(unitOfRecord('settings', record!)).toBe('settings');
    // A copy set aside lives in the settings table too, and is never shared.
    await db.settings.put({ key: TEAM_SNAPSHOT_KEY, value: {}, updatedAt: '', updatedBy: '' });
    expect((await repository.readAll('settings')).map((r) => r.id)).toEqual(['workspace']);
  });

  test('a settings change is reported by field; a change to the typed name alone is not reported', async () => {
    const db = freshDatabase();
    const settings = settingsRepository(db);
    const repository = teamRepository(db);
    await settings.saveSettings({ councilName: 'Northshire' }, author('Priya'));
    const seen: LocalChange[] = [];
    const stop = repository.watchLocalChanges((changes) => seen.push(...changes));
    await settings.saveSettings({ userName: 'Priya Shah' }, author('Priya Shah'));
    await settings.saveSettings({ councilName: 'Northshire Council' }, author('Priya Shah'));
    await db.settings.put({ key: TEAM_SNAPSHOT_KEY, value: { records: {} }, updatedAt: '', updatedBy: '' });
    await settle();
    stop();
    expect(seen).toEqual([
      {
        table: 'settings',
        id: 'workspace',
        fields: ['councilName', 'updatedAt', 'updatedBy'],
        removed: false,
      },
    ]);
  });

  test('the team’s settings are written here with this person’s own settings kept', async () => {
    const db = freshDatabase();
    const settings = settingsRepository(db);
    const repository = teamRepository(db);
    await settings.saveSettings({ councilName: 'Old name', userName: 'Sam' }, author('Sam'));
    const [expected] = await repository.read('settings', ['workspace']);
    const team = {
      id: 'workspace',
      councilName: 'Northshire',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      logoDataUrl: 'data:image/png;base64,AAAA',
      updatedAt: '2026-06-02T09:00:00.000Z',
      updatedBy: 'Priya Shah',
    } as unknown as SyncedRecord;
    const seen: LocalChange[] = [];
    const stop = repository.watchLocalChanges((changes) => seen.push(...changes));
    const written = await repository.writeFromTeam(
      [{ table: 'settings', put: [{ id: 'workspace', record: team, expected }], remove: [] }],
      same,
    );
    await settle();
    stop();
    expect(written).toBe(1);
    expect(seen).toEqual([]);
    expect(await settings.getSettings()).toEqual({
      councilName: 'Northshire',
      userName: 'Sam',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      logoDataUrl: 'data:image/png;base64,AAAA',
    });
  });

  test('an imported framework goes through its unit whole and comes back as the library stores it', async () => {
    const db = freshDatabase();
    const repository = teamRepository(db);
    const stored = {
      key: 'council-audit@1',
      frameworkId: 'council-audit',
      version: 1,
      importedAt: '2026-06-01T09:00:00.000Z',
      importedBy: 'Priya Shah',
      fileName: 'council-audit.json',
      framework: { id: 'council-audit', version: 1, title: 'Council audit', criteria: [] },
    };
    await db.frameworks.add(stored as never);
    const [record] = await repository.readAll('frameworks');
    expect(unitOfRecord('frameworks', record!)).toBe('frameworks');
    const doc = new Y.Doc();
    writeRecord(doc, 'frameworks', record!, undefined, { by: 'Priya Shah', at: stored.importedAt });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));

    const other = freshDatabase();
    const written = await teamRepository(other).writeFromTeam(
      [
        {
          table: 'frameworks',
          put: [{ id: stored.key, record: readRecord(copy, 'frameworks', stored.key)!, expected: undefined }],
          remove: [],
        },
      ],
      same,
    );
    expect(written).toBe(1);
    expect(await other.frameworks.get(stored.key)).toEqual(stored);
  });
});
