/*
 * What every stored record carries (design.md §3): a UUID, timestamps, who changed it last and an
 * optional soft-delete mark, so undo, merge and a later sync can work. A leaf module: every feature's
 * records import it, and it imports nothing, so no two features' records depend on each other.
 */
export interface RecordMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt?: string;
}

/** Who is changing something, and when (ISO time): stamped on records and history. */
export interface Author {
  by: string;
  now: string;
}

export interface HistoryEntry {
  at: string;
  by: string;
  field: string;
  from: string;
  to: string;
}
