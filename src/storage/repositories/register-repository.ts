/*
 * The workspace-wide registers: evidence, improvement actions and recommendations. Deletion is soft
 * (deletedAt), so every delete can be undone and a later merge or sync can see it.
 */
import type {
  EvidenceItem,
  ImprovementAction,
  Recommendation,
  RecordMeta,
} from '../../domain/workspace/records';
import type { WorkbookDatabase } from '../db';
import { isLive, stamp, type Author } from './stamp';
import type { Table } from 'dexie';

function registerOf<T extends RecordMeta>(table: Table<T, string>) {
  return {
    async list(): Promise<T[]> {
      return (await table.toArray()).filter(isLive);
    },
    async save(record: T, author: Author): Promise<T> {
      const saved = stamp(record, author);
      await table.put(saved);
      return saved;
    },
    async softDelete(id: string, author: Author): Promise<T | undefined> {
      const record = await table.get(id);
      if (!record) return undefined;
      const saved = stamp({ ...record, deletedAt: author.now }, author);
      await table.put(saved);
      return saved;
    },
    async restore(id: string, author: Author): Promise<T | undefined> {
      const record = await table.get(id);
      if (!record) return undefined;
      const { deletedAt: _deleted, ...live } = record;
      const saved = stamp(live as T, author);
      await table.put(saved);
      return saved;
    },
  };
}

export function registerRepository(db: WorkbookDatabase) {
  const evidence = registerOf<EvidenceItem>(db.evidence);
  const actions = registerOf<ImprovementAction>(db.actions);
  const recommendations = registerOf<Recommendation>(db.recommendations);
  return {
    listEvidence: evidence.list,
    saveEvidence: evidence.save,
    deleteEvidence: evidence.softDelete,
    restoreEvidence: evidence.restore,
    listActions: actions.list,
    saveAction: actions.save,
    deleteAction: actions.softDelete,
    restoreAction: actions.restore,
    listRecommendations: recommendations.list,
    saveRecommendation: recommendations.save,
    deleteRecommendation: recommendations.softDelete,
    restoreRecommendation: recommendations.restore,
  };
}

export type RegisterRepository = ReturnType<typeof registerRepository>;
