/*
 * One lifecycle for every register item's page (evidence, actions, recommendations, indicators):
 * a draft that is not stored yet → its first save, once the text it cannot do without is written →
 * its own address. Written once because four copies of it once carried the same overwrite bug.
 * Invariants: a draft is never written over another record; after the first save the page shows the
 * stored record (so changes made elsewhere, such as a value added to an indicator, are never replaced
 * by an older copy); text the record cannot do without is never saved blank.
 */
import { router, type Route } from './router.svelte';

/** The id in a "new" address: `#/self-assessment/actions/new`. */
export const NEW_ITEM_ID = 'new';

interface Record {
  id: string;
}

export interface RegisterItemOptions<T extends Record, K extends keyof T & string> {
  /** The id in the address: a record id, or NEW_ITEM_ID. */
  id: string;
  /** A fresh draft, not yet stored. */
  create: () => T;
  /** The stored record with this id, if there is one. */
  find: (id: string) => T | undefined;
  save: (item: T) => Promise<unknown>;
  /** The record's own address. */
  routeOf: (id: string) => Route;
  /** The text field the record cannot do without (a title, a name, the recommendation's words). */
  required: K;
  /** What to tell the user when that field is blank. */
  requiredMessage: string;
}

export class RegisterItem<T extends Record, K extends keyof T & string> {
  readonly #options: RegisterItemOptions<T, K>;
  readonly #id: string;
  #draft = $state.raw<T | undefined>();
  #blankRequired = $state(false);

  constructor(options: RegisterItemOptions<T, K>) {
    this.#options = options;
    const isNew = options.id === NEW_ITEM_ID;
    this.#draft = isNew ? options.create() : undefined;
    this.#id = isNew ? this.#draft!.id : options.id;
  }

  /** The record as the page shows it: the draft until its first save, then the stored record. */
  get item(): T | undefined {
    return this.#draft ?? this.#options.find(this.#id);
  }

  /** True once the record is stored (it has its own address). */
  get isSaved(): boolean {
    return this.#draft === undefined;
  }

  /** The message for the required field, once the user has left it blank. */
  get requiredError(): string | undefined {
    return this.#blankRequired ? this.#options.requiredMessage : undefined;
  }

  /** The user left the required field: say so now if it is blank, rather than at the next change. */
  leaveRequired(text: string): void {
    this.#blankRequired = isBlank(text);
  }

  /** Applies a change: saves it at once, or keeps it in the draft until the required text is written. */
  update(patch: Partial<T>): void {
    const current = this.item;
    if (!current) return;
    const next = { ...current, ...patch };
    const { required } = this.#options;
    this.#blankRequired = isBlank(next[required]);
    if (this.#draft) {
      this.#draft = next;
      if (this.#blankRequired) return;
      this.#draft = undefined;
      void this.#options.save(next);
      router.replace(this.#options.routeOf(next.id));
      return;
    }
    // A blank required field is shown as an error and never written over the saved text.
    void this.#options.save(this.#blankRequired ? { ...next, [required]: current[required] } : next);
  }
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}
