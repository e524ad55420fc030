import { describe, expect, it } from 'vitest';
import { settingsRepository } from '../../src/storage/repositories/settings-repository';
import { AUTHOR } from '../helpers/builders';
import { useFreshDatabase } from './fresh-database';
import { reactive } from './svelte-state.svelte';

const database = useFreshDatabase('settings');
const later = { by: 'Second Person', now: '2025-07-01T12:00:00.000Z' };
const DEFAULTS = { councilName: '', userName: '', protectiveMarking: 'OFFICIAL-SENSITIVE' };

describe('settings repository', () => {
  it('gives the defaults when nothing is stored, and stores nothing by reading', async () => {
    expect(await settingsRepository(database()).getSettings()).toEqual(DEFAULTS);
    expect(await database().settings.count()).toBe(0);
  });

  it('merges partial saves and stamps the settings record', async () => {
    const repo = settingsRepository(database());
    await repo.saveSettings({ councilName: 'Northshire', protectiveMarking: 'OFFICIAL' }, AUTHOR);
    const saved = await repo.saveSettings({ userName: 'Sam' }, later);
    const expected = { councilName: 'Northshire', userName: 'Sam', protectiveMarking: 'OFFICIAL' };
    expect(saved).toEqual(expected);
    expect(await repo.getSettings()).toEqual(expected);
    expect(await database().settings.get('workspace')).toEqual({
      key: 'workspace',
      value: expected,
      updatedAt: later.now,
      updatedBy: later.by,
    });
  });

  it('stores a plain copy of changes held in Svelte state', async () => {
    const repo = settingsRepository(database());
    const changes = reactive({ councilName: 'Northshire', lastBackupAt: '2025-06-30T17:00:00.000Z' });
    await repo.saveSettings(changes, AUTHOR);
    changes.councilName = 'Changed after saving';
    expect(await repo.getSettings()).toEqual({
      ...DEFAULTS,
      councilName: 'Northshire',
      lastBackupAt: '2025-06-30T17:00:00.000Z',
    });
  });

  it('reads damaged settings field by field, and keeps fields a newer version stored', async () => {
    const repo = settingsRepository(database());
    const value = { councilName: 42, userName: 'Sam', logoDataUrl: null, theme: 'dark' };
    await database().settings.put({ key: 'workspace', value, updatedAt: AUTHOR.now, updatedBy: 'x' });
    expect(await repo.getSettings()).toEqual({ ...DEFAULTS, userName: 'Sam' });
    await repo.saveSettings({ councilName: 'Northshire' }, later);
    expect((await database().settings.get('workspace'))?.value).toEqual({
      councilName: 'Northshire',
      userName: 'Sam',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      logoDataUrl: null,
      theme: 'dark',
    });
  });

  it('gives the defaults when the stored value is not an object at all', async () => {
    await database().settings.put({ key: 'workspace', value: 'Northshire', updatedAt: '', updatedBy: '' });
    expect(await settingsRepository(database()).getSettings()).toEqual(DEFAULTS);
  });
});
