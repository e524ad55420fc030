/*
 * Stamps records as they are written: who and when. Every write in the workspace goes through here,
 * so updatedAt/updatedBy are never stale, and $state proxies never reach IndexedDB.
 */
import type { RecordMeta } from '../../domain/workspace/records';

export interface Author {
  by: string;
  now: string;
}

export function stamp<T extends RecordMeta>(record: T, author: Author): T {
  // Callers pass $state.snapshot copies; the clone also keeps stored data apart from live state.
  return { ...structuredClone(record), updatedAt: author.now, updatedBy: author.by };
}

export function newRecordMeta(id: string, author: Author): RecordMeta {
  return { id, createdAt: author.now, updatedAt: author.now, updatedBy: author.by };
}

export function isLive<T extends { deletedAt?: string }>(record: T): boolean {
  return record.deletedAt === undefined;
}
