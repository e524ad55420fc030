/*
 * What someone has typed in a comment form and not yet sent, by form (a new comment on a record, a reply,
 * an edit), kept in this browser's localStorage as it is typed, so that neither leaving the page nor a
 * reload or a closed tab loses it (same device and origin as the workspace; nothing leaves the device).
 * A draft goes when its comment is sent. Storage that is full, blocked or holds something unreadable
 * leaves the drafts in memory only.
 */
export const DRAFTS_KEY = 'readiness-workbook:comment-drafts';

/** Drafts this old are dropped when the drafts are next read: whatever they were for has moved on. */
const KEEP_DAYS = 90;

interface Draft {
  text: string;
  /** ISO time it was last typed in. */
  at: string;
}

export class CommentDrafts {
  #drafts: Record<string, Draft> | undefined;

  constructor(
    private readonly storage: () => Storage | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(key: string): string {
    const drafts = this.#read();
    return Object.hasOwn(drafts, key) ? drafts[key]!.text : '';
  }

  keep(key: string, text: string): void {
    const drafts = this.#read();
    if (text) drafts[key] = { text, at: this.now().toISOString() };
    else if (Object.hasOwn(drafts, key)) delete drafts[key];
    else return;
    this.#write(drafts);
  }

  #read(): Record<string, Draft> {
    if (this.#drafts) return this.#drafts;
    const drafts: Record<string, Draft> = Object.create(null) as Record<string, Draft>;
    const oldest = this.now().getTime() - KEEP_DAYS * 86_400_000;
    try {
      const stored = JSON.parse(this.storage()?.getItem(DRAFTS_KEY) ?? '{}') as unknown;
      if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
        for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
          const draft = value as Partial<Draft> | null;
          if (typeof draft?.text !== 'string' || typeof draft.at !== 'string') continue;
          if (!(Date.parse(draft.at) >= oldest)) continue;
          drafts[key] = { text: draft.text, at: draft.at };
        }
      }
    } catch {
      // Unreadable: start with none; what is typed from now on is kept.
    }
    this.#drafts = drafts;
    return drafts;
  }

  #write(drafts: Record<string, Draft>): void {
    try {
      const store = this.storage();
      if (!store) return;
      if (Object.keys(drafts).length) store.setItem(DRAFTS_KEY, JSON.stringify(drafts));
      else store.removeItem(DRAFTS_KEY);
    } catch {
      // Full or blocked: the draft stays in memory for as long as the page is open.
    }
  }
}
