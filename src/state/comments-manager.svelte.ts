/*
 * Comments as the app sees them: every comment in the workspace, grouped per record by the domain,
 * with intents to write, reply, edit, resolve, reopen and delete (with undo). A refused step changes
 * nothing and says why; who and when come from the signed-in person or Settings, never the page.
 */
import {
  addComment,
  deleteComment,
  editComment,
  replyTo,
  reopenThread,
  resolveThread,
  restoreComment,
  type CommentProblem,
  type CommentStep,
} from '../domain/comments/comments';
import type { Comment, CommentTarget } from '../domain/comments/records';
import { openThreadCounts, threadsFor, type CommentThread } from '../domain/comments/threads';
import { samePerson } from '../domain/workspace/same-person';
import { newMeta } from '../domain/self-assessment/new-cycle';
import type { CommentsRepository } from '../storage/repositories/comments-repository';
import { CommentDrafts } from './comment-drafts';
import { readForLater, upsertById } from './records-list';
import type { SaveStatusManager } from './save-status.svelte';

type Author = () => { by: string; now: string };

export type CommentOutcome =
  { ok: true; comment: Comment } | { ok: false; problem: CommentProblem | 'not-saved' };

export class CommentsManager {
  // Lists are replaced, never changed in place: raw state spares records deep proxies.
  #comments = $state.raw<Comment[]>([]);
  #loaded = $state(false);
  #lastDeleted = $state<Comment | undefined>();
  readonly #openCounts = $derived(openThreadCounts(this.#comments));
  // Worked out again only when the records that name people change, not on every page update.
  readonly #people = $derived.by(() => this.people());

  constructor(
    private readonly repository: CommentsRepository,
    private readonly saves: SaveStatusManager,
    private readonly author: Author,
    private readonly makeId: () => string,
    /** Everyone the workspace names, who can be mentioned. */
    private readonly people: () => string[],
    private readonly drafts: CommentDrafts = new CommentDrafts(() => undefined),
  ) {}

  get comments(): Comment[] {
    return this.#comments;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get lastDeleted(): Comment | undefined {
    return this.#lastDeleted;
  }
  get mentionable(): string[] {
    return this.#people;
  }

  // Bumped by every change made here: a load that overlapped one reads again rather than lose it.
  #changes = 0;

  async load(): Promise<void> {
    (await this.read())();
  }

  /** Reads the records; the step it returns puts them in state (see readForLater). */
  async read(): Promise<() => void> {
    return readForLater(
      this.saves,
      () => this.#changes,
      () => this.repository.listComments(),
      (comments) => {
        this.#comments = comments;
        this.#loaded = true;
      },
      () => this.load(),
    );
  }

  threadsFor(target: CommentTarget): CommentThread[] {
    return threadsFor(this.#comments, target);
  }

  /** How many open threads a record (by its id) has. */
  openCount(targetId: string): number {
    return this.#openCounts.get(targetId) ?? 0;
  }

  add(target: CommentTarget, body: string): Promise<CommentOutcome> {
    const meta = newMeta({ author: this.author(), makeId: this.makeId });
    return this.#write(addComment({ meta, target: $state.snapshot(target), body, people: this.#people }));
  }

  reply(parentId: string, body: string): Promise<CommentOutcome> {
    const parent = this.#find(parentId);
    if (!parent) return Promise.resolve({ ok: false, problem: 'deleted' });
    const meta = newMeta({ author: this.author(), makeId: this.makeId });
    return this.#write(replyTo(parent, { meta, body, people: this.#people }));
  }

  edit(id: string, body: string): Promise<CommentOutcome> {
    return this.#step(id, (c) => editComment(c, body, this.#people, this.author()));
  }

  resolve(id: string): Promise<CommentOutcome> {
    return this.#step(id, (c) => resolveThread(c, this.author()));
  }

  reopen(id: string): Promise<CommentOutcome> {
    return this.#step(id, (c) => reopenThread(c));
  }

  async remove(id: string): Promise<CommentOutcome> {
    const outcome = await this.#step(id, (c) => deleteComment(c, this.author()));
    if (outcome.ok) this.#lastDeleted = outcome.comment;
    return outcome;
  }

  async undoDelete(): Promise<void> {
    const deleted = this.#lastDeleted;
    if (!deleted) return;
    this.#lastDeleted = undefined;
    await this.#write({ ok: true, comment: restoreComment(deleted) });
  }

  dismissUndo(): void {
    this.#lastDeleted = undefined;
  }

  /** Whether the person working now wrote the comment (only they may edit or delete it). */
  isMine(comment: Comment): boolean {
    return samePerson(comment.by, this.author().by);
  }

  /** What someone has typed and not yet sent, by form (comment-drafts.ts); a form reads it once, when it opens. */
  draft(key: string): string {
    return this.drafts.get(key);
  }

  keepDraft(key: string, text: string): void {
    this.drafts.keep(key, text);
  }

  #find(id: string): Comment | undefined {
    return this.#comments.find((c) => c.id === id);
  }

  #step(id: string, change: (comment: Comment) => CommentStep): Promise<CommentOutcome> {
    const found = this.#find(id);
    return found ? this.#write(change(found)) : Promise.resolve({ ok: false, problem: 'deleted' });
  }

  async #write(step: CommentStep): Promise<CommentOutcome> {
    if (!step.ok) return step;
    this.#changes += 1;
    const record = $state.snapshot(step.comment) as Comment;
    const saved = await this.saves.run(() => this.repository.saveComment(record, this.author()), undefined, {
      table: 'comments',
      record: { ...record, updatedAt: this.author().now },
    });
    if (!saved) return { ok: false, problem: 'not-saved' };
    this.#comments = saved.deletedAt
      ? this.#comments.filter((c) => c.id !== saved.id)
      : upsertById(this.#comments, saved);
    return { ok: true, comment: saved };
  }
}
