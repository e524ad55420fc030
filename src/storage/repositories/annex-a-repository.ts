/*
 * The Annex A lists kept with each rehearsal (in the rehearsals table, on the rehearsal's record, so
 * backups, merges and team sync carry them with it). A list replaces the rehearsal's earlier import of
 * the same number, in one transaction, so a failed write leaves the earlier list as it was.
 */
import type { AnnexAListImport, Rehearsal } from '../../domain/rehearsal/records';
import type { WorkbookDatabase } from '../db';
import { stamp, type Author } from './stamp';

export function annexARepository(db: WorkbookDatabase) {
  return {
    async saveAnnexAList(
      rehearsalId: string,
      list: AnnexAListImport,
      author: Author,
    ): Promise<Rehearsal | undefined> {
      return db.transaction('rw', db.rehearsals, async () => {
        const found = await db.rehearsals.get(rehearsalId);
        if (!found || found.deletedAt) return undefined;
        const others = (found.annexA ?? []).filter((l) => l.list !== list.list);
        const saved = stamp({ ...found, annexA: [...others, list].sort((a, b) => a.list - b.list) }, author);
        await db.rehearsals.put(saved);
        return saved;
      });
    },
    async removeAnnexAList(
      rehearsalId: string,
      list: number,
      author: Author,
    ): Promise<Rehearsal | undefined> {
      return db.transaction('rw', db.rehearsals, async () => {
        const found = await db.rehearsals.get(rehearsalId);
        if (!found || found.deletedAt) return undefined;
        const saved = stamp(
          { ...found, annexA: (found.annexA ?? []).filter((l) => l.list !== list) },
          author,
        );
        await db.rehearsals.put(saved);
        return saved;
      });
    },
  };
}

export type AnnexARepository = ReturnType<typeof annexARepository>;
