/*
 * What the director writes for the annual engagement meeting about changes since the last one (leaders,
 * structures, practice model, systems), one settings row per cycle under its own key: no new table, so
 * no new database version, and no change to the cycle record or its format. Reading never fails: a
 * missing or malformed row reads as four empty texts.
 */
import {
  readEngagementChanges,
  type EngagementChanges,
  type EngagementChangeTopic,
} from '../../domain/rehearsal/engagement-pack';
import type { WorkbookDatabase } from '../db';
import type { Author } from './stamp';

export const ENGAGEMENT_CHANGES_PREFIX = 'engagement-changes:';

export function engagementChangesRepository(db: WorkbookDatabase) {
  const keyOf = (cycleId: string) => `${ENGAGEMENT_CHANGES_PREFIX}${cycleId}`;
  return {
    async getEngagementChanges(cycleId: string): Promise<EngagementChanges> {
      return readEngagementChanges((await db.settings.get(keyOf(cycleId)))?.value);
    },

    /** Saves one text, keeping the other three as stored (another tab may have written them). */
    async saveEngagementChange(
      cycleId: string,
      topic: EngagementChangeTopic,
      text: string,
      author: Author,
    ): Promise<EngagementChanges> {
      return db.transaction('rw', db.settings, async () => {
        const stored = readEngagementChanges((await db.settings.get(keyOf(cycleId)))?.value);
        const value = { ...stored, [topic]: String(text) };
        await db.settings.put({ key: keyOf(cycleId), value, updatedAt: author.now, updatedBy: author.by });
        return value;
      });
    },
  };
}

export type EngagementChangesRepository = ReturnType<typeof engagementChangesRepository>;
