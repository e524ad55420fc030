/*
 * The workspace-wide registers: evidence, improvement actions and recommendations. Deletion is soft
 * (deletedAt), so every delete can be undone and a later merge or sync can see it.
 */
import type { Table } from 'dexie';
import type {
  EvidenceItem,
  ImprovementAction,
  Recommendation,
  RecordMeta,
} from '../../domain/workspace/records';
import type { WorkbookDatabase } from '../db';
import { isLive, stamp, type Author } from './stamp';

function registerOf<T extends RecordMeta>(table: Table<T, string>) {
  /** Read and write in one transaction, so a save from another tab cannot fall in between. */
  const change = (id: string, next: (record: T) => T | undefined) =>
    table.db.transaction('rw', table, async () => {
      const record = await table.get(id);
      if (!record) return undefined;
      const saved = next(record);
      if (saved) await table.put(saved);
      return saved ?? record;
    });
  return {
    async list(): Promise<T[]> {
      return (await table.toArray()).filter(isLive);
    },
    /** Deleted records, for undo and a "recently deleted" list. */
    async listDeleted(): Promise<T[]> {
      return (await table.toArray()).filter((record) => !isLive(record));
    },
    async save(record: T, author: Author): Promise<T> {
      const saved = stamp(record, author);
      await table.put(saved);
      return saved;
    },
    /** Marks a record deleted; deleting it again keeps the first deletion's time and author. */
    async softDelete(id: string, author: Author): Promise<T | undefined> {
      return change(id, (record) =>
        isLive(record) ? stamp({ ...record, deletedAt: author.now }, author) : undefined,
      );
    },
    /** Undoes a delete: the record comes back exactly as it was, with a fresh stamp. */
    async restore(id: string, author: Author): Promise<T | undefined> {
      return change(id, (record) => {
        if (isLive(record)) return undefined;
        const { deletedAt: _deleted, ...live } = record;
        return stamp(live as T, author);
      });
    },
  };
}

export function registerRepository(db: WorkbookDatabase) {
  const evidence = registerOf<EvidenceItem>(db.evidence);
  const actions = registerOf<ImprovementAction>(db.actions);
  const recommendations = registerOf<Recommendation>(db.recommendations);
  return {
    listEvidence: evidence.list,
    listDeletedEvidence: evidence.listDeleted,
    saveEvidence: evidence.save,
    deleteEvidence: evidence.softDelete,
    restoreEvidence: evidence.restore,
    listActions: actions.list,
    listDeletedActions: actions.listDeleted,
    saveAction: actions.save,
    deleteAction: actions.softDelete,
    restoreAction: actions.restore,
    listRecommendations: recommendations.list,
    listDeletedRecommendations: recommendations.listDeleted,
    saveRecommendation: recommendations.save,
    deleteRecommendation: recommendations.softDelete,
    restoreRecommendation: recommendations.restore,
  };
}

export type RegisterRepository = ReturnType<typeof registerRepository>;
