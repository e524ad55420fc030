/*
 * Putting back writes a closed tab left in flight (state/write-journal.ts): each record only where
 * the stored copy is older, never into a final cycle, and only into the workspace's record tables.
 */
import { BACKUP_TABLES } from '../../export/backup/backup-format';
import type { WorkbookDatabase } from '../db';

/** A record being written, and the table it goes to. */
export interface JournalEntry {
  table: string;
  record: { id: string; updatedAt: string } & Record<string, unknown>;
}

/** The workspace's record tables: everything a backup holds except settings, frameworks and cycles. */
const REPLAYABLE = BACKUP_TABLES.filter((t) => t !== 'settings' && t !== 'frameworks' && t !== 'cycles');
const IN_A_CYCLE = new Set<string>(['criterionAssessments', 'judgementAssessments', 'narratives']);

export function journalRepository(db: WorkbookDatabase) {
  return {
    /** Returns how many records were put back. */
    async replay(entries: readonly JournalEntry[]): Promise<number> {
      const wanted = entries.filter((e) => (REPLAYABLE as readonly string[]).includes(e.table));
      if (wanted.length === 0) return 0;
      let restored = 0;
      await db.transaction('rw', [db.cycles, ...REPLAYABLE.map((t) => db.table(t))], async () => {
        for (const { table, record } of wanted) {
          const stored = (await db.table(table).get(record.id)) as { updatedAt?: string } | undefined;
          if (stored?.updatedAt && stored.updatedAt >= record.updatedAt) continue;
          if (IN_A_CYCLE.has(table)) {
            const cycle = await db.cycles.get(String(record['cycleId']));
            if (!cycle || cycle.status === 'final') continue;
          }
          await db.table(table).put(record);
          restored += 1;
        }
      });
      return restored;
    },
  };
}
