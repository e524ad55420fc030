/*
 * Case-file auditing as the app sees it: rounds with their case lists and samples, audits, moderations
 * and escalations. Edits show at once and are written in order; untrusted case lists go through the
 * import door (spreadsheets in a worker), are previewed, and are saved only when the user confirms.
 */
import { completionProblems, newCaseAudit } from '../domain/case-audit/audit-record';
import {
  collectAuditEvidence,
  computeCriterionAuditFindings,
  type AuditEvidence,
  type CriterionAuditFindings,
} from '../domain/case-audit/criterion-evidence';
import type {
  AuditRound,
  CaseAudit,
  CaseListEntry,
  Moderation,
  SampleRule,
} from '../domain/case-audit/records';
import { drawSample, latestAuditDates } from '../domain/case-audit/sampling';
import type { computeFindingsView, FindingsChoices, FindingsView } from '../domain/case-audit/findings-view';
import type { Framework } from '../domain/framework/types';
import type { CaseListResult } from '../import/case-list/read-case-list';
import { isZipFile } from '../import/case-list/zip-size';
import type { AuditsRepository } from '../storage/repositories/audits-repository';
import { newMeta } from '../domain/self-assessment/new-cycle';
import { firstByKey, readForLater, upsertById } from './records-list';
import type { SaveStatusManager } from './save-status.svelte';
import type { JournalEntry } from './write-journal';

type Author = () => { by: string; now: string };

/** Finds a framework by id and version, as the framework library does. */
export interface FrameworkFinder {
  find(id: string, version: number): { framework: Framework } | undefined;
}

/** How many choices' findings are kept per change (scope, scale, breakdown and tool the reader tried). */
const KEPT_VIEWS = 8;

/** A plain list rather than a Map: a cache outside Svelte's reactivity, at most KEPT_VIEWS long. */
interface KeptView {
  key: string;
  view: FindingsView | undefined;
}

interface Computed<T> {
  audits: readonly CaseAudit[];
  moderations: readonly Moderation[];
  value: T;
}

export class AuditsManager {
  // Lists are replaced, never changed in place: raw state spares thousands of records deep proxies.
  #rounds = $state.raw<AuditRound[]>([]);
  #audits = $state.raw<CaseAudit[]>([]);
  #moderations = $state.raw<Moderation[]>([]);
  #loaded = $state(false);

  constructor(
    private readonly repository: AuditsRepository,
    private readonly saves: SaveStatusManager,
    private readonly author: Author,
    private readonly makeId: () => string,
  ) {}

  get rounds(): AuditRound[] {
    return this.#rounds;
  }
  get audits(): CaseAudit[] {
    return this.#audits;
  }
  get moderations(): Moderation[] {
    return this.#moderations;
  }
  get loaded(): boolean {
    return this.#loaded;
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
          this.repository.listRounds(),
          this.repository.listAudits(),
          this.repository.listModerations(),
        ]),
      ([rounds, audits, moderations]) => {
        this.#rounds = rounds;
        this.#audits = audits;
        this.#moderations = moderations;
        this.#loaded = true;
      },
      () => this.load(),
    );
  }

  // Per framework, the figures of the lists as they were last asked for: the lists are replaced on every
  // change, so while they are the same objects the figures stand, and every page shares them.
  #evidence = new WeakMap<Framework, Computed<AuditEvidence>>();
  #findings = new WeakMap<Framework, Computed<ReadonlyMap<string, CriterionAuditFindings>>>();
  #views = new WeakMap<Framework, Computed<KeptView[]>>();

  /** The completed audits as evidence for `framework`'s criteria, computed once per change. */
  evidenceFor(framework: Framework): AuditEvidence {
    return this.#once(this.#evidence, framework, () =>
      collectAuditEvidence(framework, this.#audits, this.#moderations),
    );
  }

  /** computeCriterionAuditFindings of the audits for `framework`, computed once per change. */
  findingsFor(framework: Framework): ReadonlyMap<string, CriterionAuditFindings> {
    return this.#once(this.#findings, framework, () =>
      computeCriterionAuditFindings(framework, this.#audits, this.#moderations),
    );
  }

  /** The framework the Findings page compares audits on: the one the first audit uses, from `library`. */
  findingsFramework(library: FrameworkFinder): Framework | undefined {
    const first = this.#audits[0];
    return first ? library.find(first.frameworkId, first.frameworkVersion)?.framework : undefined;
  }

  /**
   * The Findings page's figures for these choices, computed once per change of the audits or the
   * moderations; the views of the last few choices are kept, so going back to the page or to an earlier
   * choice draws them at once. The page hands over `compute`, so the findings code loads with the page,
   * not with the first screen.
   */
  findingsView(
    framework: Framework,
    choices: FindingsChoices,
    compute: typeof computeFindingsView,
  ): FindingsView | undefined {
    const kept = this.#once(this.#views, framework, (): KeptView[] => []);
    const key = JSON.stringify(choices);
    const known = kept.find((k) => k.key === key);
    if (known) return known.view;
    const view = compute(framework, this.#audits, this.#moderations, choices);
    if (kept.length >= KEPT_VIEWS) kept.shift();
    kept.push({ key, view });
    return view;
  }

  #once<T>(cache: WeakMap<Framework, Computed<T>>, framework: Framework, compute: () => T): T {
    const [audits, moderations] = [this.#audits, this.#moderations];
    const known = cache.get(framework);
    if (known && known.audits === audits && known.moderations === moderations) return known.value;
    const value = compute();
    cache.set(framework, { audits, moderations, value });
    return value;
  }

  #moderationIndex: { of: readonly Moderation[]; byAudit: ReadonlyMap<string, Moderation> } | undefined;

  moderationOf(auditId: string): Moderation | undefined {
    const moderations = this.#moderations;
    if (this.#moderationIndex?.of !== moderations) {
      // The first moderation of an audit, as a search from the start would find it.
      this.#moderationIndex = { of: moderations, byAudit: firstByKey(moderations, (m) => m.auditId) };
    }
    return this.#moderationIndex.byAudit.get(auditId);
  }

  newRound(framework: Framework): AuditRound {
    const { now } = this.author();
    return {
      ...this.#meta(),
      title: '',
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      type: 'routine',
      theme: '',
      periodFrom: now.slice(0, 10),
      periodTo: now.slice(0, 10),
      auditors: [],
      targetCount: 10,
      toolIds: [],
      caseList: [],
    };
  }

  saveRound(round: AuditRound): Promise<void> {
    this.#rounds = upsertById(this.#rounds, round);
    const record = $state.snapshot(round) as AuditRound;
    return this.#write(() => this.repository.saveRound(record, this.author()), {
      table: 'auditRounds',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  /** Reads a case list file (CSV, or XLSX in a worker) for a preview; nothing is saved. */
  async readCaseList(bytes: Uint8Array): Promise<CaseListResult> {
    return isZipFile(bytes)
      ? (await import('../import/case-list/read-spreadsheet')).readCaseListSpreadsheet(bytes)
      : (await import('../import/case-list/read-case-list')).readCaseListCsv(bytes);
  }

  /** Saves a previewed case list into a round, replacing its list and sample. */
  saveCaseList(round: AuditRound, fileName: string, entries: readonly CaseListEntry[]): Promise<void> {
    return this.saveRound({
      ...round,
      caseList: [...entries],
      caseListFileName: fileName,
      sample: undefined,
    });
  }

  async drawSample(round: AuditRound, rule: SampleRule, today: string): Promise<void> {
    const auditedOn = latestAuditDates(this.#audits);
    const result = drawSample({ caseList: round.caseList, rule, auditors: round.auditors, today, auditedOn });
    const sample = { rule, drawnAt: this.author().now, rationale: result.rationale, cases: result.cases };
    await this.saveRound({ ...round, sample });
  }

  async startAudit(input: {
    framework: Framework;
    toolId: string;
    entry?: CaseListEntry & { auditor?: string };
    roundId?: string;
    today: string;
  }): Promise<CaseAudit | undefined> {
    const tool = input.framework.auditTools.find((t) => t.id === input.toolId);
    if (!tool) return undefined;
    const audit = newCaseAudit({
      framework: input.framework,
      tool,
      meta: this.#meta(),
      caseReference: input.entry?.caseReference ?? '',
      caseType: input.entry?.caseType ?? tool.caseType,
      team: input.entry?.team ?? '',
      worker: input.entry?.worker ?? '',
      auditor: input.entry?.auditor ?? this.author().by,
      auditDate: input.today,
      ...(input.roundId ? { roundId: input.roundId } : {}),
    });
    await this.saveAudit(audit);
    return audit;
  }

  saveAudit(audit: CaseAudit): Promise<void> {
    this.#audits = upsertById(this.#audits, audit);
    const record = $state.snapshot(audit) as CaseAudit;
    return this.#write(() => this.repository.saveAudit(record, this.author()), {
      table: 'caseAudits',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  /** Marks an audit complete if nothing is missing; returns what is missing otherwise. */
  async completeAudit(audit: CaseAudit, framework: Framework): Promise<string[]> {
    const tool = framework.auditTools.find((t) => t.id === audit.toolId);
    if (!tool) return ['The audit tool is not in this framework.'];
    const problems = completionProblems(audit, tool);
    if (problems.length === 0) await this.saveAudit({ ...audit, status: 'complete' });
    return problems;
  }

  async deleteAudit(id: string): Promise<void> {
    this.#audits = this.#audits.filter((a) => a.id !== id);
    await this.#write(() => this.repository.deleteAudit(id, this.author()));
  }

  startModeration(auditId: string, blind: boolean): Moderation {
    const existing = this.moderationOf(auditId);
    if (existing) return existing;
    return { ...this.#meta(), auditId, moderator: this.author().by, blind, domainGrades: {}, reason: '' };
  }

  async saveModeration(moderation: Moderation): Promise<void> {
    this.#moderations = upsertById(this.#moderations, moderation);
    if (moderation.submittedAt) {
      this.#audits = this.#audits.map((a) =>
        a.id === moderation.auditId && a.status === 'complete' ? { ...a, status: 'moderated' } : a,
      );
    }
    const record = $state.snapshot(moderation) as Moderation;
    await this.#write(() => this.repository.saveModeration(record, this.author()), {
      table: 'moderations',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  #meta() {
    return newMeta({ author: this.author(), makeId: this.makeId });
  }

  async #write(write: () => Promise<unknown>, journalEntry?: JournalEntry): Promise<void> {
    this.#changes += 1;
    await this.saves.run(write, undefined, journalEntry);
  }
}
