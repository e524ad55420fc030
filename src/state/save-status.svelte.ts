/*
 * What the page says about saving: "Saving…", "Saved at 10:42" or why a change could not be saved.
 * Writes run one after another, in the order they were made, so an older write never lands last.
 * Pending typed text is flushed when the tab is hidden or closed.
 */
import type { JournalEntry, WriteJournal } from './write-journal';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'failed'; message: string };

export class SaveStatusManager {
  #state = $state<SaveState>({ kind: 'idle' });
  #pending = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #flushers: (() => void)[] = [];
  #written: (() => void)[] = [];
  #journal: WriteJournal | undefined;

  /** Where writes in flight are noted, so a closing tab can keep them (see write-journal.ts). */
  useJournal(journal: WriteJournal): void {
    this.#journal = journal;
  }

  /** For pagehide: start every pending write, and note synchronously what is still in flight. */
  flushForClose(): void {
    this.flush();
    this.#journal?.persist();
  }

  /** Called after every write that succeeded (to tell other tabs). */
  onWritten(listener: () => void): void {
    this.#written.push(listener);
  }

  get state(): SaveState {
    return this.#state;
  }

  /** Runs a write after the ones before it; a failure is shown, never thrown at the caller. */
  run<T>(
    write: () => Promise<T>,
    describeFailure: (error: unknown) => string = describeWriteError,
    /** The record being written, kept in the journal until the write has finished. */
    journalEntry?: JournalEntry,
  ): Promise<T | undefined> {
    if (journalEntry) this.#journal?.begin(journalEntry);
    const finished = () => {
      if (journalEntry) this.#journal?.done(journalEntry);
    };
    this.#pending += 1;
    this.#state = { kind: 'saving' };
    const result = this.#queue.then(write).then(
      (value) => {
        finished();
        this.#settle();
        for (const listener of this.#written) listener();
        if (this.#state.kind !== 'failed')
          this.#state = this.#pending ? { kind: 'saving' } : { kind: 'saved', at: Date.now() };
        return value;
      },
      (error: unknown) => {
        finished();
        this.#settle();
        this.#state = { kind: 'failed', message: describeFailure(error) };
        return undefined;
      },
    );
    this.#queue = result;
    return result;
  }

  /** Resolves once every write asked for so far has finished. */
  async idle(): Promise<void> {
    this.flush();
    await this.#queue;
  }

  clearFailure(): void {
    if (this.#state.kind === 'failed') this.#state = { kind: 'idle' };
  }

  /** Debounced editors register here so their last keystrokes are written before the tab goes. */
  registerFlusher(flush: () => void): () => void {
    this.#flushers.push(flush);
    return () => {
      this.#flushers = this.#flushers.filter((f) => f !== flush);
    };
  }

  flush(): void {
    for (const flush of this.#flushers) flush();
  }

  #settle() {
    this.#pending -= 1;
  }
}

export function describeWriteError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'EscalationOpenError') {
    return 'A safeguarding escalation has no response recorded, so the audit was not marked complete. Record who was told and what happened first.';
  }
  if (name === 'ChangeNotAllowedError' && error instanceof Error) return error.message;
  if (name === 'CycleLockedError') {
    return 'This assessment cycle is final and locked, so the change was not saved.';
  }
  if (name === 'QuotaExceededError' || (error instanceof Error && /quota/i.test(error.message))) {
    return 'The browser has run out of storage space for this site, so the change was not saved. Export a backup, then free some space (Settings › Storage) and try again. What you typed is still on the page.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `The change could not be saved (${detail}). What you typed is still on the page: try again, and export a backup if this keeps happening.`;
}

export const saveStatus = new SaveStatusManager();
