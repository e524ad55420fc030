/*
 * Assessment cycles as the app sees them: the list, the one open cycle with its assessments and
 * narratives, and the intents on them (grade, agree, write, finalise, reopen, start next year's). Edits
 * show at once and are written in order; a final cycle refuses edits here and again in storage, and an
 * incomplete one refuses to be finalised here and again in storage.
 */
import { cycleLabel } from '../domain/format/dates';
import type { Framework } from '../domain/framework/types';
import { computeMissingForFinal, type MissingForFinal } from '../domain/self-assessment/finalise-check';
import {
  checkFrameworkForYear,
  describeYearMismatch,
  type YearMismatch,
} from '../domain/self-assessment/framework-for-year';
import {
  blankCriterionAssessment,
  blankJudgementAssessment,
  blankNarrative,
  startCycle,
} from '../domain/self-assessment/new-cycle';
import {
  applyCriterionEdit,
  applyJudgementEdit,
  confirmReEvaluated,
  type CriterionEdit,
  type JudgementEdit,
} from '../domain/self-assessment/record-changes';
import { signOffAgreedGrade } from '../domain/self-assessment/judgement-sign-off';
import {
  applyNarrativeAnswer,
  assignNarrative,
  reviewNarrative,
} from '../domain/self-assessment/narrative-review';
import { applyReviewStep, type ReviewProblem, type ReviewStep } from '../domain/self-assessment/review';
import type {
  AssessmentCycle,
  CriterionAssessment,
  CycleBundle,
  JudgementAssessment,
  Narrative,
} from '../domain/workspace/records';
import { CycleIncompleteError, type CyclesRepository } from '../storage/repositories/cycles-repository';
import { upsertById } from './records-list';
import type { SaveStatusManager } from './save-status.svelte';
import type { JournalEntry } from './write-journal';

type Author = () => { by: string; now: string };

export type CreateOutcome =
  { ok: true; cycleId: string } | { ok: false; message: string; mismatch?: YearMismatch };

export interface CreateOptions {
  /** The user confirmed a framework that was not in force on 1 April of the year. */
  outOfForceConfirmed?: boolean;
}

/** Refused: what is missing, or (with nothing missing) why it could not be saved. */
export type FinaliseOutcome = { ok: true } | { ok: false; missing: MissingForFinal[]; message?: string };

export type ReopenOutcome = { ok: true } | { ok: false; problem: 'reason-required' | 'not-saved' };

export class CyclesManager {
  // Raw state: the open cycle and the list are replaced on every change, never changed in place, so
  // the domain reads plain records rather than reactive proxies.
  #cycles = $state.raw<AssessmentCycle[]>([]);
  #loaded = $state(false);
  #open = $state.raw<CycleBundle | undefined>();

  constructor(
    private readonly repository: CyclesRepository,
    private readonly saves: SaveStatusManager,
    private readonly author: Author,
    private readonly makeId: () => string,
  ) {}

  get cycles(): AssessmentCycle[] {
    return this.#cycles;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get open(): CycleBundle | undefined {
    return this.#open;
  }
  get isLocked(): boolean {
    return this.#open?.cycle.status === 'final';
  }

  async load(): Promise<void> {
    (await this.read())();
  }

  /** Reads the records; the step it returns puts them in state (see readForLater). */
  async read(): Promise<() => void> {
    const cycles = await this.repository.listCycles();
    return () => {
      this.#cycles = cycles;
      this.#loaded = true;
    };
  }

  /** Opens a cycle for editing; false when there is no such cycle. */
  async openCycle(cycleId: string): Promise<boolean> {
    if (this.#open?.cycle.id === cycleId) return true;
    await this.saves.idle();
    const bundle = await this.repository.loadCycle(cycleId);
    this.#open = bundle;
    return bundle !== undefined;
  }

  /**
   * Makes sure a cycle is open for pages outside one (evidence, actions): the one already open, else
   * the newest draft, else the newest cycle. Returns undefined when there are no cycles.
   */
  async openWorkingCycle(): Promise<CycleBundle | undefined> {
    if (this.#open) return this.#open;
    if (!this.#loaded) await this.load();
    const working = this.#cycles.find((c) => c.status === 'draft') ?? this.#cycles[0];
    if (working) await this.openCycle(working.id);
    return this.#open;
  }

  findCycle(cycleId: string): AssessmentCycle | undefined {
    return this.#cycles.find((c) => c.id === cycleId);
  }

  async create(framework: Framework, startYear: number, options: CreateOptions = {}): Promise<CreateOutcome> {
    const clash = this.#cycles.find((c) => c.frameworkId === framework.id && c.startYear === startYear);
    if (clash) return { ok: false, message: duplicateMessage(framework, startYear) };
    const unconfirmed = unconfirmedMismatch(framework, startYear, options);
    if (unconfirmed) return unconfirmed;
    const bundle = startCycle({ framework, startYear, author: this.author(), makeId: this.makeId });
    return this.#add(bundle);
  }

  async startNextYear(
    previousId: string,
    from: Framework,
    to: Framework,
    options: CreateOptions = {},
  ): Promise<CreateOutcome> {
    const previous = await this.repository.loadCycle(previousId);
    if (!previous)
      return { ok: false, message: 'Last year’s cycle could not be found. Reload the page and try again.' };
    const startYear = previous.cycle.startYear + 1;
    if (this.#cycles.some((c) => c.frameworkId === to.id && c.startYear === startYear)) {
      return { ok: false, message: duplicateMessage(to, startYear) };
    }
    const unconfirmed = unconfirmedMismatch(to, startYear, options);
    if (unconfirmed) return unconfirmed;
    // Loaded when a year is carried forward: it stays out of the first download.
    const { carryForward } = await import('../domain/self-assessment/carry-forward');
    const bundle = carryForward({
      previous,
      fromFramework: from,
      toFramework: to,
      startYear,
      author: this.author(),
      makeId: this.makeId,
    });
    return this.#add(bundle);
  }

  async loadBundle(cycleId: string): Promise<CycleBundle | undefined> {
    return this.repository.loadCycle(cycleId);
  }

  criterionAssessment(criterionId: string): CriterionAssessment | undefined {
    return this.#open?.criterionAssessments.find((a) => a.criterionId === criterionId);
  }
  judgementAssessment(judgementId: string): JudgementAssessment | undefined {
    return this.#open?.judgementAssessments.find((a) => a.judgementId === judgementId);
  }
  narrative(judgementId: string): Narrative | undefined {
    return this.#open?.narratives.find((n) => n.judgementId === judgementId);
  }

  editCriterion(criterionId: string, edit: CriterionEdit): Promise<void> {
    const current = this.criterionAssessment(criterionId) ?? this.#blankCriterion(criterionId);
    if (!current) return Promise.resolve();
    return this.#saveCriterion(applyCriterionEdit(current, edit, this.author()));
  }

  /** Review and sign-off: 'send' for review, 'agree' (sign off) or 'send-back' with a comment. */
  async reviewCriterion(
    criterionId: string,
    step: ReviewStep,
    comment = '',
  ): Promise<{ ok: true } | { ok: false; problem: ReviewProblem | 'locked' }> {
    if (this.isLocked) return { ok: false, problem: 'locked' };
    const current = this.criterionAssessment(criterionId) ?? this.#blankCriterion(criterionId);
    if (!current) return { ok: false, problem: 'locked' };
    const outcome = applyReviewStep(current, step, comment, this.author());
    if (!outcome.ok) return outcome;
    await this.#saveCriterion(outcome.record);
    return { ok: true };
  }

  confirmCriterion(criterionId: string): Promise<void> {
    const current = this.criterionAssessment(criterionId);
    if (!current) return Promise.resolve();
    return this.#saveCriterion(confirmReEvaluated(current, this.author()));
  }

  editJudgement(judgementId: string, edit: JudgementEdit): Promise<void> {
    const current = this.judgementAssessment(judgementId) ?? this.#blankJudgement(judgementId);
    if (!current) return Promise.resolve();
    return this.#saveJudgement(applyJudgementEdit(current, edit, this.author()));
  }

  /** A reviewer signs off the judgement's agreed grade (judgement-sign-off.ts). */
  async signOffJudgement(judgementId: string): Promise<{ ok: true } | { ok: false; problem: string }> {
    if (this.isLocked) return { ok: false, problem: 'locked' };
    const current = this.judgementAssessment(judgementId);
    if (!current) return { ok: false, problem: 'no-agreed-grade' };
    const outcome = signOffAgreedGrade(current, this.author());
    if (!outcome.ok) return outcome;
    await this.#saveJudgement(outcome.record);
    return { ok: true };
  }

  confirmJudgement(judgementId: string): Promise<void> {
    const current = this.judgementAssessment(judgementId);
    if (!current) return Promise.resolve();
    return this.#saveJudgement(confirmReEvaluated(current, this.author()));
  }

  editNarrative(judgementId: string, sectionId: string, text: string): Promise<void> {
    const current = this.#narrativeToChange(judgementId);
    if (!current) return Promise.resolve();
    return this.#saveNarrative(applyNarrativeAnswer(current, sectionId, text, this.author()));
  }

  /** Who writes the judgement's narrative. */
  assignNarrative(judgementId: string, assignee: string): Promise<void> {
    const current = this.#narrativeToChange(judgementId);
    if (!current) return Promise.resolve();
    return this.#saveNarrative(assignNarrative(current, assignee, this.author()));
  }

  /** Review and sign-off of a narrative, as of a criterion (reviewCriterion). */
  async reviewNarrative(
    judgementId: string,
    step: ReviewStep,
    comment = '',
  ): Promise<{ ok: true } | { ok: false; problem: ReviewProblem | 'locked' }> {
    const current = this.#narrativeToChange(judgementId);
    if (!current) return { ok: false, problem: 'locked' };
    const outcome = reviewNarrative(current, step, comment, this.author());
    if (!outcome.ok) return outcome;
    await this.#saveNarrative(outcome.record);
    return { ok: true };
  }

  #narrativeToChange(judgementId: string): Narrative | undefined {
    const bundle = this.#open;
    if (!bundle || this.isLocked) return undefined;
    return (
      this.narrative(judgementId) ?? blankNarrative(bundle.cycle.id, { id: judgementId }, this.#factory())
    );
  }

  #saveNarrative(next: Narrative): Promise<void> {
    const bundle = this.#open;
    if (!bundle) return Promise.resolve();
    this.#open = { ...bundle, narratives: upsertById(bundle.narratives, next) };
    const record = $state.snapshot(next) as Narrative;
    return this.#write(() => this.repository.saveNarrative(record, this.author()), {
      table: 'narratives',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  /** Sets which criteria of the open cycle an evidence item supports. */
  async linkEvidence(evidenceId: string, criterionIds: readonly string[]): Promise<void> {
    const bundle = this.#open;
    if (!bundle || this.isLocked) return;
    for (const assessment of [...bundle.criterionAssessments]) {
      const linked = assessment.evidenceIds.includes(evidenceId);
      if (linked === criterionIds.includes(assessment.criterionId)) continue;
      const evidenceIds = linked
        ? assessment.evidenceIds.filter((id) => id !== evidenceId)
        : [...assessment.evidenceIds, evidenceId];
      await this.editCriterion(assessment.criterionId, { evidenceIds });
    }
  }

  /**
   * Marks the open cycle final if it is complete against `framework` (the version it is pinned to).
   * Refused, with what is missing, when it is not, here and again in storage (another tab may have
   * changed something since this one last read it).
   */
  async finalise(framework: Framework): Promise<FinaliseOutcome> {
    const bundle = this.#open;
    if (!bundle || this.isLocked) return notSaved('The cycle is not open, or it is already final.');
    await this.saves.idle();
    const missing = computeMissingForFinal(framework, bundle);
    if (missing.length) return { ok: false, missing };
    const author = this.author();
    const result = await this.saves.run(() =>
      this.repository.finaliseCycle(bundle.cycle.id, framework, author).catch((error: unknown) => {
        if (error instanceof CycleIncompleteError) return error;
        throw error;
      }),
    );
    if (result instanceof CycleIncompleteError) {
      await this.refresh();
      return { ok: false, missing: result.missing };
    }
    if (!result) return notSaved('The cycle could not be marked final. Nothing was changed.');
    this.#replaceCycle(result);
    return { ok: true };
  }

  /** Makes the open final cycle a draft again; the reason is required and kept in its history. */
  async reopen(reason: string): Promise<ReopenOutcome> {
    const bundle = this.#open;
    if (!bundle || !this.isLocked) return { ok: false, problem: 'not-saved' };
    if (reason.trim() === '') return { ok: false, problem: 'reason-required' };
    const saved = await this.saves.run(() =>
      this.repository.reopenCycle(bundle.cycle.id, reason, this.author()),
    );
    if (!saved) return { ok: false, problem: 'not-saved' };
    this.#replaceCycle(saved);
    return { ok: true };
  }

  #replaceCycle(saved: AssessmentCycle) {
    const open = this.#open;
    if (open?.cycle.id === saved.id) this.#open = { ...open, cycle: saved };
    this.#cycles = this.#cycles.map((c) => (c.id === saved.id ? saved : c));
  }

  /** Forgets the open cycle so the next visit reads it again (after a restore or example load). */
  /** Re-reads what another tab changed, keeping the open cycle open (its pages stay mounted). */
  async refresh(): Promise<void> {
    await this.load();
    const openId = this.#open?.cycle.id;
    if (!openId) return;
    const bundle = await this.repository.loadCycle(openId);
    if (bundle && this.#open?.cycle.id === openId) this.#open = bundle;
  }

  async reload(): Promise<void> {
    const openId = this.#open?.cycle.id;
    this.#open = undefined;
    await this.load();
    if (openId) await this.openCycle(openId);
  }

  #saveCriterion(next: CriterionAssessment): Promise<void> {
    const bundle = this.#open;
    if (!bundle || this.isLocked) return Promise.resolve();
    const before = bundle.criterionAssessments.find((a) => a.id === next.id);
    this.#open = { ...bundle, criterionAssessments: upsertById(bundle.criterionAssessments, next) };
    const record = $state.snapshot(next) as CriterionAssessment;
    const fields = before ? changedFields($state.snapshot(before) as CriterionAssessment, record) : undefined;
    return this.#write(() => this.repository.saveCriterionAssessment(record, this.author(), fields), {
      table: 'criterionAssessments',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  #saveJudgement(next: JudgementAssessment): Promise<void> {
    const bundle = this.#open;
    if (!bundle || this.isLocked) return Promise.resolve();
    this.#open = { ...bundle, judgementAssessments: upsertById(bundle.judgementAssessments, next) };
    const record = $state.snapshot(next) as JudgementAssessment;
    return this.#write(() => this.repository.saveJudgementAssessment(record, this.author()), {
      table: 'judgementAssessments',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  #blankCriterion(criterionId: string): CriterionAssessment | undefined {
    const bundle = this.#open;
    return bundle
      ? blankCriterionAssessment(bundle.cycle.id, { id: criterionId }, this.#factory())
      : undefined;
  }

  #blankJudgement(judgementId: string): JudgementAssessment | undefined {
    const bundle = this.#open;
    return bundle
      ? blankJudgementAssessment(bundle.cycle.id, { id: judgementId }, this.#factory())
      : undefined;
  }

  async #add(bundle: CycleBundle): Promise<CreateOutcome> {
    const added = await this.saves.run(async () => {
      await this.repository.addCycle(bundle);
      return true;
    });
    if (!added)
      return { ok: false, message: 'The new cycle could not be saved. Nothing was changed: try again.' };
    await this.load();
    return { ok: true, cycleId: bundle.cycle.id };
  }

  #factory() {
    return { author: this.author(), makeId: this.makeId };
  }

  async #write(write: () => Promise<unknown>, journalEntry?: JournalEntry): Promise<void> {
    await this.saves.run(write, undefined, journalEntry);
  }
}

/** The fields an edit changed, so the store applies only those (another tab may have changed the rest). */
function changedFields<T extends object>(before: T, after: T): (keyof T)[] {
  return (Object.keys(after) as (keyof T)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

function notSaved(message: string): FinaliseOutcome {
  return { ok: false, missing: [], message };
}

/** Refuses a framework not in force on 1 April of the year unless the user confirmed it. */
function unconfirmedMismatch(
  framework: Framework,
  startYear: number,
  options: CreateOptions,
): CreateOutcome | undefined {
  const mismatch = checkFrameworkForYear(framework, startYear);
  if (!mismatch || options.outOfForceConfirmed) return undefined;
  const message = `${describeYearMismatch(framework, startYear, mismatch)} Confirm that you want to start it anyway, or choose another framework.`;
  return { ok: false, message, mismatch };
}

function duplicateMessage(framework: Framework, startYear: number): string {
  return `There is already a ${framework.shortTitle} cycle for ${cycleLabel(startYear)}. Open it from the list instead.`;
}
