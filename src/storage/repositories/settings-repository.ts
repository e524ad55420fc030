/*
 * Workspace settings (council, user name, protective marking, logo) as one record. Reading never
 * fails: missing or damaged settings come back as defaults, field by field. Saving merges, and keeps
 * fields this version of the app does not know, so an older tab cannot erase a newer one's settings.
 */
import type { Settings } from '../../domain/workspace/records';
import { DEFAULT_PROTECTIVE_MARKING } from '../../domain/workspace/vocabulary';
import type { WorkbookDatabase } from '../db';
import { plainCopy, type Author } from './stamp';

const KEY = 'workspace';

export const DEFAULT_SETTINGS: Settings = {
  councilName: '',
  userName: '',
  protectiveMarking: DEFAULT_PROTECTIVE_MARKING,
};

const OPTIONAL_FIELDS = [
  'logoDataUrl',
  'lastBackupAt',
  'inspectionCallDate',
  'inspectionOnSiteDate',
  'inspectionType',
] as const;

export function settingsRepository(db: WorkbookDatabase) {
  return {
    async getSettings(): Promise<Settings> {
      return readSettings((await db.settings.get(KEY))?.value);
    },

    async saveSettings(changes: Partial<Settings>, author: Author): Promise<Settings> {
      const plainChanges = plainCopy(changes);
      return db.transaction('rw', db.settings, async () => {
        const stored = storedObject((await db.settings.get(KEY))?.value);
        const value = { ...stored, ...readSettings(stored), ...plainChanges };
        await db.settings.put({ key: KEY, value, updatedAt: author.now, updatedBy: author.by });
        return readSettings(value);
      });
    },
  };
}

/** Settings from whatever is stored: each field of the right type is kept, anything else defaults. */
export function readSettings(stored: unknown): Settings {
  const value = storedObject(stored);
  const text = (field: keyof Settings): string | undefined => {
    const present = value[field];
    return typeof present === 'string' ? present : undefined;
  };
  const settings: Settings = {
    councilName: text('councilName') ?? DEFAULT_SETTINGS.councilName,
    userName: text('userName') ?? DEFAULT_SETTINGS.userName,
    protectiveMarking: text('protectiveMarking') ?? DEFAULT_SETTINGS.protectiveMarking,
  };
  for (const field of OPTIONAL_FIELDS) {
    const present = text(field);
    if (present !== undefined) settings[field] = present;
  }
  return settings;
}

/** The stored settings value as an object, or an empty one if something else was stored. */
export function storedObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
