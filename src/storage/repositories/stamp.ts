/*
 * Stamps records as they are written: who and when. Every write in the workspace goes through here,
 * so updatedAt/updatedBy are never stale, and reactive proxies never reach IndexedDB: a Svelte $state
 * proxy cannot be cloned (DataCloneError), so records are copied field by field into plain data.
 */
import type { Author, RecordMeta } from '../../domain/workspace/records';

export type { Author };

export function stamp<T extends RecordMeta>(record: T, author: Author): T {
  return { ...plainCopy(record), updatedAt: author.now, updatedBy: author.by };
}

/**
 * A deep copy made of plain objects and arrays, whatever wrapped them (a proxy reads like the object
 * it wraps). Anything else (strings, numbers, dates, blobs) is structured-cloned, so a function or
 * other uncloneable value still fails here, before the write, rather than inside IndexedDB.
 */
export function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => plainCopy(item)) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainCopy(item)])) as T;
  }
  return structuredClone(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function newRecordMeta(id: string, author: Author): RecordMeta {
  return { id, createdAt: author.now, updatedAt: author.now, updatedBy: author.by };
}

export function isLive<T extends { deletedAt?: string }>(record: T): boolean {
  return record.deletedAt === undefined;
}
