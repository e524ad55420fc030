/*
 * Workspace settings (council, user name, protective marking, logo) as one record. Reading never
 * fails: missing settings come back as defaults.
 */
import type { Settings } from '../../domain/workspace/records';
import { DEFAULT_PROTECTIVE_MARKING } from '../../domain/workspace/vocabulary';
import type { WorkbookDatabase } from '../db';
import type { Author } from './stamp';

const KEY = 'workspace';

export const DEFAULT_SETTINGS: Settings = {
  councilName: '',
  userName: '',
  protectiveMarking: DEFAULT_PROTECTIVE_MARKING,
};

export function settingsRepository(db: WorkbookDatabase) {
  return {
    async getSettings(): Promise<Settings> {
      const stored = await db.settings.get(KEY);
      return { ...DEFAULT_SETTINGS, ...((stored?.value as Partial<Settings> | undefined) ?? {}) };
    },

    async saveSettings(changes: Partial<Settings>, author: Author): Promise<Settings> {
      return db.transaction('rw', db.settings, async () => {
        const stored = await db.settings.get(KEY);
        const value = {
          ...DEFAULT_SETTINGS,
          ...((stored?.value as Partial<Settings> | undefined) ?? {}),
          ...changes,
        };
        await db.settings.put({ key: KEY, value, updatedAt: author.now, updatedBy: author.by });
        return value;
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
