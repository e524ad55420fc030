/*
 * The workspace's registers as the app sees them: evidence, improvement actions and recommendations.
 * Edits show at once and are written in order; deletes are soft and can be undone.
 */
import type { EvidenceItem, ImprovementAction, Recommendation } from '../domain/workspace/records';
import type { RegisterRepository } from '../storage/repositories/register-repository';
import { newMeta } from '../domain/self-assessment/new-cycle';
import { readForLater, upsertById } from './records-list';
import type { SaveStatusManager } from './save-status.svelte';
import type { JournalEntry } from './write-journal';

type Author = () => { by: string; now: string };
type MakeId = () => string;

export interface DeletedRecord {
  kind: 'evidence' | 'action' | 'recommendation';
  id: string;
  title: string;
}

export class RegistersManager {
  // Lists are replaced, never changed in place: raw state spares thousands of records deep proxies.
  #evidence = $state.raw<EvidenceItem[]>([]);
  #actions = $state.raw<ImprovementAction[]>([]);
  #recommendations = $state.raw<Recommendation[]>([]);
  #loaded = $state(false);
  #lastDeleted = $state<DeletedRecord | undefined>();

  constructor(
    private readonly repository: RegisterRepository,
    private readonly saves: SaveStatusManager,
    private readonly author: Author,
    private readonly makeId: MakeId,
  ) {}

  get evidence(): EvidenceItem[] {
    return this.#evidence;
  }
  get actions(): ImprovementAction[] {
    return this.#actions;
  }
  get recommendations(): Recommendation[] {
    return this.#recommendations;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  /** The last thing deleted, offered for undo until something else is deleted or it is restored. */
  get lastDeleted(): DeletedRecord | undefined {
    return this.#lastDeleted;
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
      () =>
        Promise.all([
          this.repository.listEvidence(),
          this.repository.listActions(),
          this.repository.listRecommendations(),
        ]),
      ([evidence, actions, recommendations]) => {
        this.#evidence = evidence;
        this.#actions = actions;
        this.#recommendations = recommendations;
        this.#loaded = true;
      },
      () => this.load(),
    );
  }

  newEvidence(): EvidenceItem {
    const { by, now } = this.author();
    const today = now.slice(0, 10);
    return {
      ...this.#meta(),
      title: '',
      type: 'audit-findings',
      date: today,
      owner: by,
      location: '',
      notes: '',
    };
  }

  newAction(): ImprovementAction {
    return {
      ...this.#meta(),
      title: '',
      description: '',
      owner: '',
      dueDate: '',
      status: 'not-started',
      rag: 'green',
      progressNotes: [],
      criterionIds: [],
      judgementIds: [],
      recommendationIds: [],
      auditIds: [],
    };
  }

  newRecommendation(): Recommendation {
    return {
      ...this.#meta(),
      source: 'inspection',
      date: '',
      reference: '',
      text: '',
      priorityAction: false,
      judgementIds: [],
      progressSummary: '',
      closed: false,
    };
  }

  saveEvidence(item: EvidenceItem): Promise<void> {
    this.#evidence = upsertById(this.#evidence, item);
    const record = snapshot(item);
    return this.#write(() => this.repository.saveEvidence(record, this.author()), {
      table: 'evidence',
      record: { ...record, updatedAt: this.author().now },
    });
  }
  saveAction(action: ImprovementAction): Promise<void> {
    this.#actions = upsertById(this.#actions, action);
    const record = snapshot(action);
    return this.#write(() => this.repository.saveAction(record, this.author()), {
      table: 'actions',
      record: { ...record, updatedAt: this.author().now },
    });
  }
  saveRecommendation(recommendation: Recommendation): Promise<void> {
    this.#recommendations = upsertById(this.#recommendations, recommendation);
    const record = snapshot(recommendation);
    return this.#write(() => this.repository.saveRecommendation(record, this.author()), {
      table: 'recommendations',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  async deleteEvidence(id: string): Promise<void> {
    const item = this.#evidence.find((e) => e.id === id);
    this.#evidence = this.#evidence.filter((e) => e.id !== id);
    this.#lastDeleted = { kind: 'evidence', id, title: item?.title || 'Untitled evidence' };
    await this.#write(() => this.repository.deleteEvidence(id, this.author()));
  }
  async deleteAction(id: string): Promise<void> {
    const item = this.#actions.find((a) => a.id === id);
    this.#actions = this.#actions.filter((a) => a.id !== id);
    this.#lastDeleted = { kind: 'action', id, title: item?.title || 'Untitled action' };
    await this.#write(() => this.repository.deleteAction(id, this.author()));
  }
  async deleteRecommendation(id: string): Promise<void> {
    const item = this.#recommendations.find((r) => r.id === id);
    this.#recommendations = this.#recommendations.filter((r) => r.id !== id);
    this.#lastDeleted = {
      kind: 'recommendation',
      id,
      title: item?.reference || item?.text.slice(0, 60) || 'Recommendation',
    };
    await this.#write(() => this.repository.deleteRecommendation(id, this.author()));
  }

  async undoDelete(): Promise<void> {
    const deleted = this.#lastDeleted;
    if (!deleted) return;
    this.#lastDeleted = undefined;
    const author = this.author();
    await this.saves.run<unknown>(() => {
      if (deleted.kind === 'evidence') return this.repository.restoreEvidence(deleted.id, author);
      if (deleted.kind === 'action') return this.repository.restoreAction(deleted.id, author);
      return this.repository.restoreRecommendation(deleted.id, author);
    });
    await this.load();
  }

  dismissUndo(): void {
    this.#lastDeleted = undefined;
  }

  #meta() {
    return newMeta({ author: this.author(), makeId: this.makeId });
  }

  async #write(write: () => Promise<unknown>, journalEntry?: JournalEntry): Promise<void> {
    this.#changes += 1;
    await this.saves.run(write, undefined, journalEntry);
  }
}

function snapshot<T>(record: T): T {
  return $state.snapshot(record) as T;
}
