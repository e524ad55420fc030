/*
 * The last second before a tab closes. Writes go to IndexedDB asynchronously, and a tab being closed
 * may be gone before a write that reads first can finish. So writes in flight are also noted here,
 * and when the page is hidden they are copied synchronously into localStorage (same device, same
 * origin as the workspace). On the next start they are put back where the stored copy is older, then
 * the note is removed. Nothing here ever leaves the device.
 */
import type { JournalEntry } from '../storage/repositories/journal-repository';

export type { JournalEntry };

export const JOURNAL_KEY = 'readiness-workbook:writes-in-flight';

export class WriteJournal {
  #inFlight = new Map<string, JournalEntry>();

  constructor(private readonly storage: () => Storage | undefined) {}

  begin(entry: JournalEntry): void {
    this.#inFlight.set(`${entry.table}/${entry.record.id}`, entry);
  }

  done(entry: JournalEntry): void {
    const key = `${entry.table}/${entry.record.id}`;
    if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
  }

  /** Synchronous: safe in pagehide. Writes nothing when nothing is in flight. */
  persist(): void {
    const store = this.storage();
    if (!store) return;
    try {
      if (this.#inFlight.size) store.setItem(JOURNAL_KEY, JSON.stringify([...this.#inFlight.values()]));
    } catch {
      // Storage full or blocked: the IndexedDB write may still land; nothing more can be done here.
    }
  }

  /** What a closed tab left in flight; removes the note. Anything unreadable is ignored. */
  take(): JournalEntry[] {
    const store = this.storage();
    const text = store?.getItem(JOURNAL_KEY);
    if (!store || !text) return [];
    store.removeItem(JOURNAL_KEY);
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { table, record } = value as Partial<JournalEntry>;
  return (
    typeof table === 'string' &&
    typeof record === 'object' &&
    record !== null &&
    typeof record.id === 'string' &&
    typeof record.updatedAt === 'string'
  );
}
