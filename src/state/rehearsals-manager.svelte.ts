/*
 * Rehearsals as the app sees them: starting one (questions fixed from today's readiness), answering
 * the drill, drawing the inspectors' sample, recording findings, deleting with undo; and the
 * notification-week checklist, one record per framework item.
 */
import type { Framework } from '../domain/framework/types';
import type { SampleCandidate } from '../domain/rehearsal/risk-sample';
import type { ReadinessInput } from '../domain/rehearsal/readiness';
import type { RehearsalFocus } from '../domain/rehearsal/rehearsal-focus';
import {
  notificationItemId,
  type AnnexAListImport,
  type AuditChallenge,
  type DrillAnswer,
  type NotificationItem,
  type Rehearsal,
  withAnswer,
} from '../domain/rehearsal/records';
import type { CaseListEntry } from '../domain/case-audit/records';
import { newMeta } from '../domain/self-assessment/new-cycle';
import type { RehearsalsRepository } from '../storage/repositories/rehearsals-repository';
import { readWithoutLosingChanges, upsertById } from './records-list';
import type { SaveStatusManager } from './save-status.svelte';

/** A new rehearsal's record, with the drill it reads: loaded when a rehearsal is started. */
const rehearsalRecord = () => import('../domain/rehearsal/rehearsal-record');

type Author = () => { by: string; now: string };

export interface StartRehearsal {
  readinessInput: ReadinessInput;
  judgementId: string;
  date: string;
  participants: string[];
  length: number;
  /** The kind of inspection and, for a focused visit or a JTAI, its theme. */
  focus?: RehearsalFocus;
}

export class RehearsalsManager {
  // Lists are replaced, never changed in place: raw state spares thousands of records deep proxies.
  #rehearsals = $state.raw<Rehearsal[]>([]);
  #notificationItems = $state.raw<NotificationItem[]>([]);
  #loaded = $state(false);
  #lastDeleted = $state<Rehearsal | undefined>();

  constructor(
    private readonly repository: RehearsalsRepository,
    private readonly saves: SaveStatusManager,
    private readonly author: Author,
    private readonly makeId: () => string,
  ) {}

  get rehearsals(): Rehearsal[] {
    return this.#rehearsals;
  }
  get notificationItems(): NotificationItem[] {
    return this.#notificationItems;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get lastDeleted(): Rehearsal | undefined {
    return this.#lastDeleted;
  }

  #loading: Promise<void> | undefined;

  load(): Promise<void> {
    this.#loading = this.#read();
    return this.#loading;
  }

  /** Resolves once the rehearsals have been read (a page opened by its address waits for this). */
  whenLoaded(): Promise<void> {
    return this.#loaded ? Promise.resolve() : (this.#loading ?? this.load());
  }

  // Bumped by every change made here: a load that overlapped one reads again rather than lose it.
  #changes = 0;

  async #read(): Promise<void> {
    const [rehearsals, items] = await readWithoutLosingChanges(
      this.saves,
      () => this.#changes,
      () => Promise.all([this.repository.listRehearsals(), this.repository.listNotificationItems()]),
    );
    this.#rehearsals = rehearsals;
    this.#notificationItems = items;
    this.#loaded = true;
  }

  find(id: string): Rehearsal | undefined {
    return this.#rehearsals.find((r) => r.id === id);
  }

  /** Starts a rehearsal; its questions are fixed now, from the readiness of the day. */
  async start(input: StartRehearsal): Promise<Rehearsal | undefined> {
    const { readinessInput: ri } = input;
    // Loaded when first needed: rehearsal's domain code stays out of the first download.
    const [
      { computeReadiness },
      { buildDrillQuestions },
      { computeCriterionAuditFindings },
      { newRehearsal },
    ] = await Promise.all([
      import('../domain/rehearsal/readiness'),
      import('../domain/rehearsal/drill'),
      import('../domain/case-audit/criterion-evidence'),
      rehearsalRecord(),
    ]);
    const readiness = computeReadiness(ri);
    const questions = buildDrillQuestions({
      framework: ri.framework,
      judgementId: input.judgementId,
      readiness,
      criterionAssessments: ri.bundle.criterionAssessments,
      evidence: ri.evidence,
      auditFindings: computeCriterionAuditFindings(
        ri.framework,
        ri.audits.filter((a) => a.frameworkId === ri.framework.id),
        ri.moderations,
      ),
      today: ri.today,
      length: input.length,
      focus: input.focus,
    });
    const rehearsal = newRehearsal({
      meta: newMeta({ author: this.author(), makeId: this.makeId }),
      date: input.date,
      participants: input.participants,
      cycle: ri.bundle.cycle,
      framework: ri.framework,
      judgementId: input.judgementId,
      questions,
      readiness,
      focus: input.focus,
    });
    const saved = await this.saves.run(() => this.repository.saveRehearsal(rehearsal, this.author()));
    if (saved) this.#rehearsals = [saved, ...this.#rehearsals];
    return saved;
  }

  save(rehearsal: Rehearsal): Promise<unknown> {
    this.#changes += 1;
    this.#rehearsals = upsertById(this.#rehearsals, rehearsal);
    const record = $state.snapshot(rehearsal) as Rehearsal;
    return this.saves.run(() => this.repository.saveRehearsal(record, this.author()), undefined, {
      table: 'rehearsals',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  /** Saves one answer against the latest copy of the rehearsal, so two fields never overwrite each other. */
  answer(id: string, answer: DrillAnswer): Promise<unknown> {
    const current = this.find(id);
    return current ? this.save(withAnswer(current, answer)) : Promise.resolve();
  }

  patch(id: string, changes: Partial<Rehearsal>): Promise<unknown> {
    const current = this.find(id);
    return current ? this.save({ ...current, ...changes }) : Promise.resolve();
  }

  async drawSample(id: string, caseList: readonly CaseListEntry[], seed: number, perCohort: number) {
    const { drawInspectorsSample } = await import('../domain/rehearsal/inspectors-sample');
    const sample = drawInspectorsSample({ caseList, seed, perCohort, drawnAt: this.author().now });
    return this.patch(id, { sample });
  }

  /** Keeps an Annex A list with the rehearsal, replacing its earlier import of the same list. */
  async saveAnnexAList(id: string, list: AnnexAListImport): Promise<boolean> {
    this.#changes += 1;
    const record = $state.snapshot(list) as AnnexAListImport;
    const saved = await this.saves.run(() => this.repository.saveAnnexAList(id, record, this.author()));
    if (saved) this.#rehearsals = upsertById(this.#rehearsals, saved);
    return Boolean(saved);
  }

  async removeAnnexAList(id: string, list: number): Promise<void> {
    this.#changes += 1;
    const saved = await this.saves.run(() => this.repository.removeAnnexAList(id, list, this.author()));
    if (saved) this.#rehearsals = upsertById(this.#rehearsals, saved);
  }

  /** Draws the risk-weighted sample from candidates (the rehearsal's Annex A lists, or the case lists). */
  async drawRiskSample(
    id: string,
    candidates: readonly SampleCandidate[],
    seed: number,
    perCohort: number,
    source: 'annex-a' | 'case-list',
  ): Promise<unknown> {
    const { drawRiskWeightedSample } = await import('../domain/rehearsal/risk-sample');
    const sample = drawRiskWeightedSample({
      candidates,
      seed,
      perCohort,
      drawnAt: this.author().now,
      source,
    });
    return this.patch(id, { sample });
  }

  /** Replaces one sampled case with another, keeping the reason; refused without a reason. */
  async swapSampledCase(
    id: string,
    replaced: string,
    replacement: SampleCandidate,
    reason: string,
  ): Promise<unknown> {
    const { swapSampledCase } = await import('../domain/rehearsal/risk-sample');
    const current = this.find(id);
    if (!current?.sample || !reason.trim()) return;
    const sample = swapSampledCase(current.sample, { replaced, replacement, reason, at: this.author().now });
    return this.patch(id, { sample });
  }

  /** Changes the audit test against the latest copy of the rehearsal. */
  updateAuditChallenge(id: string, change: (challenge: AuditChallenge | undefined) => AuditChallenge) {
    const current = this.find(id);
    return current ? this.patch(id, { auditChallenge: change(current.auditChallenge) }) : Promise.resolve();
  }

  /** The inspector's blind grade for one case; the time comes from here, not the page. */
  async submitInspectorGrade(id: string, auditId: string, grade: string, reason: string) {
    const { withInspectorGrade } = await import('../domain/rehearsal/audit-challenge');
    const at = this.author().now;
    return this.updateAuditChallenge(id, (c) =>
      withInspectorGrade(c ?? { moderator: '', cases: [] }, { auditId, grade, reason, at }),
    );
  }

  async remove(id: string): Promise<void> {
    const found = this.find(id);
    if (!found) return;
    this.#rehearsals = this.#rehearsals.filter((r) => r.id !== id);
    this.#lastDeleted = found;
    await this.saves.run(() => this.repository.deleteRehearsal(id, this.author()));
  }

  async undoDelete(): Promise<void> {
    const deleted = this.#lastDeleted;
    if (!deleted) return;
    this.#lastDeleted = undefined;
    await this.saves.run(() => this.repository.restoreRehearsal(deleted.id, this.author()));
    await this.load();
  }

  dismissUndo(): void {
    this.#lastDeleted = undefined;
  }

  notificationItem(framework: Framework, itemId: string): NotificationItem | undefined {
    return this.#notificationItems.find((i) => i.id === notificationItemId(framework.id, itemId));
  }

  /** Sets an item's owner, status, day or note; the record is made the first time anything is set. */
  setNotificationItem(
    framework: Framework,
    itemId: string,
    defaults: Pick<NotificationItem, 'dueDay'>,
    changes: Partial<Pick<NotificationItem, 'owner' | 'status' | 'dueDay' | 'note'>>,
  ): Promise<unknown> {
    const id = notificationItemId(framework.id, itemId);
    const existing = this.#notificationItems.find((i) => i.id === id);
    const base: NotificationItem = existing ?? {
      ...newMeta({ author: this.author(), makeId: () => id }),
      frameworkId: framework.id,
      itemId,
      owner: '',
      status: 'not-started',
      dueDay: defaults.dueDay,
      note: '',
    };
    const item = { ...base, ...changes };
    this.#changes += 1;
    this.#notificationItems = upsertById(this.#notificationItems, item);
    const record = $state.snapshot(item) as NotificationItem;
    return this.saves.run(() => this.repository.saveNotificationItem(record, this.author()), undefined, {
      table: 'notificationItems',
      record: { ...record, updatedAt: this.author().now },
    });
  }
}
