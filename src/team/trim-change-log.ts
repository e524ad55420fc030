/*
 * The change log (see projector.ts) gains an entry per field and editing session, and without a trim
 * it would grow for as long as the workspace lives. An entry can go once another entry has seen its
 * latest edit: it is no longer anyone's latest edit, so no conflict needs it. It goes only once it is
 * older than `maxAgeDays`, or, while the log holds more than `maxEntries`, oldest first. A conflict
 * still open is never touched: its edits are latest edits. Entries of a record removed for good go too.
 */
import * as Y from 'yjs';
import { SYNCED_TABLES } from '../storage/repositories/team-repository';
import { changesOf, splitChangeKey, tableOf, type Edit } from './projector';

export interface TrimLimits {
  now: Date;
  maxAgeDays: number;
  maxEntries: number;
}

export const TRIM_LIMITS = { maxAgeDays: 30, maxEntries: 2_000 } as const;
export const TRIM_ORIGIN = 'trim-change-log';

const DAY_MS = 86_400_000;

/** Removes the entries no conflict can need; returns how many went. */
export function trimChangeLog(doc: Y.Doc, { now, maxAgeDays, maxEntries }: TrimLimits): number {
  const entries = [...changesOf(doc).entries()];
  const byId = new Map(entries);
  /** For each `<entry>#<seq>` seen, the entries that saw it. */
  const seenBy = new Map<string, Set<string>>();
  for (const [id, edit] of entries)
    for (const ref of edit.after) seenBy.set(ref, (seenBy.get(ref) ?? new Set()).add(id));

  const cutoff = now.getTime() - maxAgeDays * DAY_MS;
  const time = (edit: Edit) => Date.parse(edit.at) || 0;
  const superseded = ([id, edit]: [string, Edit]) => seenBy.has(`${id}#${edit.seq}`);
  const candidates = entries
    .filter((entry) => superseded(entry) || !recordExists(doc, entry[1].key))
    .sort(([, a], [, b]) => time(a) - time(b));
  const over = Math.max(0, entries.length - maxEntries);
  const going = new Set(
    candidates.filter(([, edit], index) => index < over || time(edit) < cutoff).map(([id]) => id),
  );

  // An entry may be the only one to have seen another's latest edit: removing it alone would make
  // that edit latest again, a conflict nobody had. Keep such an entry unless both go.
  for (let changed = true; changed;) {
    changed = false;
    for (const id of going) {
      const needed = byId.get(id)!.after.some((ref) => {
        const target = ref.slice(0, ref.lastIndexOf('#'));
        const edit = byId.get(target);
        if (!edit || going.has(target) || `${target}#${edit.seq}` !== ref) return false;
        return ![...seenBy.get(ref)!].some((other) => other !== id && !going.has(other));
      });
      if (needed) {
        going.delete(id);
        changed = true;
      }
    }
  }
  if (going.size) doc.transact(() => going.forEach((id) => changesOf(doc).delete(id)), TRIM_ORIGIN);
  return going.size;
}

function recordExists(doc: Y.Doc, key: string): boolean {
  const { table, id } = splitChangeKey(key);
  return !SYNCED_TABLES.includes(table) || tableOf(doc, table).has(id);
}
