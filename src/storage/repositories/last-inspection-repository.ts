/*
 * The council's last graded inspection, kept as one row of the settings table under its own key (no new
 * table, so no new database version; backups carry it with the other settings rows). Reading never
 * fails: a missing or malformed row reads as no record.
 */
import { readLastInspection, type LastInspection } from '../../domain/inspection-report/last-inspection';
import type { WorkbookDatabase } from '../db';
import { plainCopy, type Author } from './stamp';

export const LAST_INSPECTION_KEY = 'last-inspection';

export function lastInspectionRepository(db: WorkbookDatabase) {
  return {
    async getLastInspection(): Promise<LastInspection | undefined> {
      return readLastInspection((await db.settings.get(LAST_INSPECTION_KEY))?.value);
    },

    async saveLastInspection(record: LastInspection, author: Author): Promise<void> {
      await db.settings.put({
        key: LAST_INSPECTION_KEY,
        value: plainCopy(record),
        updatedAt: author.now,
        updatedBy: author.by,
      });
    },
  };
}

export type LastInspectionRepository = ReturnType<typeof lastInspectionRepository>;
