/*
 * Wires storage to the state managers once, so UI code reaches data only through state/.
 * Time and ids come from here, never from the domain.
 */
import type { Framework } from '../domain/framework/types';
import type { Settings, WorkspaceContent } from '../domain/workspace/records';
import { workbookDatabase } from '../storage/db';
import { auditsRepository } from '../storage/repositories/audits-repository';
import { backupRepository } from '../storage/repositories/backup-repository';
import { indicatorsRepository } from '../storage/repositories/indicators-repository';
import { rehearsalsRepository } from '../storage/repositories/rehearsals-repository';
import { commentsRepository } from '../storage/repositories/comments-repository';
import { workspacePeople } from '../domain/comments/mentions';
import { CommentDrafts } from './comment-drafts';
import { CommentsManager } from './comments-manager.svelte';
import { cyclesRepository } from '../storage/repositories/cycles-repository';
import { frameworksRepository } from '../storage/repositories/frameworks-repository';
import { registerRepository } from '../storage/repositories/register-repository';
import { settingsRepository } from '../storage/repositories/settings-repository';
import { workspaceRepository } from '../storage/repositories/workspace-repository';
import { AppUpdateManager } from './app-update.svelte';
import { TabSync } from './tab-sync';
import { WriteJournal } from './write-journal';
import { journalRepository } from '../storage/repositories/journal-repository';
import { lastInspectionRepository } from '../storage/repositories/last-inspection-repository';
import { LastInspectionManager } from './last-inspection.svelte';
import { AuditsManager } from './audits-manager.svelte';
import { BackupManager } from './backup-manager.svelte';
import type { BackupLibrary } from '../import/backup/read-backup';
import {
  readAndReplace,
  type PreparedRestore,
  type RestoreRequest,
  type RestoreResult,
} from './restore-worker/restore-job';
import { IndicatorsManager } from './indicators-manager.svelte';
import { RehearsalsManager } from './rehearsals-manager.svelte';
import { CyclesManager } from './cycles-manager.svelte';
import { FrameworkLibraryManager } from './framework-library.svelte';
import { keepFindingsReady } from './findings-ready.svelte';
import { RegistersManager } from './registers-manager.svelte';
import { saveStatus } from './save-status.svelte';
import { SettingsManager } from './settings-manager.svelte';
import { StorageStatusManager } from './storage-status.svelte';
import { team } from './team.svelte';

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

const db = workbookDatabase();
const clock = { now: () => new Date() };
const makeId = () => crypto.randomUUID();

export const frameworkLibrary = new FrameworkLibraryManager(frameworksRepository(db), fetchBytes);
export const settings = new SettingsManager(settingsRepository(db), saveStatus, clock);
const author = () => team.stamp(settings.author());
export const cycles = new CyclesManager(cyclesRepository(db), saveStatus, author, makeId);
export const registers = new RegistersManager(registerRepository(db), saveStatus, author, makeId);
export const audits = new AuditsManager(auditsRepository(db), saveStatus, author, makeId);
export const indicators = new IndicatorsManager(indicatorsRepository(db), saveStatus, author, makeId);
export const rehearsals = new RehearsalsManager(rehearsalsRepository(db), saveStatus, author, makeId);
export const comments = new CommentsManager(
  commentsRepository(db),
  saveStatus,
  author,
  makeId,
  () =>
    workspacePeople({
      userName: author().by,
      criterionAssessments: cycles.open?.criterionAssessments,
      actions: registers.actions,
      audits: audits.audits,
      rounds: audits.rounds,
      moderations: audits.moderations,
    }),
  new CommentDrafts(() => globalThis.localStorage),
);
export const lastInspection = new LastInspectionManager(
  lastInspectionRepository(db),
  saveStatus,
  author,
  () => frameworkLibrary.whenLoaded().then(() => frameworkLibrary.entries.map((e) => e.framework)),
);
export { saveStatus };

/** Reads the workspace-wide lists; the steps returned put them in state, to be run together. */
function readAllLists(): Promise<(() => void)[]> {
  return Promise.all([settings.read(), registers.read(), audits.read(), indicators.read(), comments.read()]);
}

async function reloadAll(): Promise<void> {
  const [putAll] = await Promise.all([
    readAllLists(),
    cycles.reload(),
    rehearsals.load(),
    lastInspection.load(),
    frameworkLibrary.load(),
  ]);
  for (const put of putAll) put();
}
const backupRecords = backupRepository(db);
export const backups = new BackupManager(
  backupRecords,
  settings,
  reloadAll,
  shippedLibrary,
  runRestore,
  prepareRestore,
);

/**
 * A restore checks and writes the file in the restore worker, so the page never freezes. In a team
 * workspace the change hooks that send writes to the team live in this page, so it runs here.
 */
const restoresInPage = () => team.joined || typeof Worker === 'undefined';

async function runRestore(request: RestoreRequest): Promise<RestoreResult> {
  if (restoresInPage()) return readAndReplace(request, backupRecords);
  const { restoreInWorker } = await import('./restore-worker/restore-client');
  return restoreInWorker(request);
}

/** A chosen file checked at once in the restore worker; in the page (team mode) it is checked on restore. */
async function prepareRestore(
  bytes: Uint8Array,
  library: BackupLibrary,
): Promise<PreparedRestore | undefined> {
  if (restoresInPage()) return undefined;
  const { prepareRestoreInWorker } = await import('./restore-worker/restore-client');
  const prepared = prepareRestoreInWorker(bytes, library);
  return {
    ...prepared,
    // Joined a team since the file was chosen: the restore runs here, where the team's hooks are.
    write: (takenAt) => {
      if (!restoresInPage()) return prepared.write(takenAt);
      prepared.discard();
      return runRestore({ bytes, library, takenAt });
    },
  };
}

/** The shipped frameworks as the library loaded them, for the backup door's checks. */
async function shippedLibrary(): Promise<{ shipped: Framework[] }> {
  await frameworkLibrary.whenLoaded();
  return {
    shipped: frameworkLibrary.entries.filter((e) => e.origin === 'shipped').map((e) => e.framework),
  };
}

async function refreshAll(): Promise<void> {
  const [putAll] = await Promise.all([
    readAllLists(),
    cycles.refresh(),
    rehearsals.load(),
    lastInspection.load(),
  ]);
  for (const put of putAll) put();
}
export const otherTabs = new TabSync(refreshAll);
const writeJournal = new WriteJournal(() => globalThis.localStorage);
export const storageStatus = new StorageStatusManager();
export const appUpdate = new AppUpdateManager(saveStatus);

let started: Promise<void> | undefined;

/**
 * Opens the workspace, then loads what every page needs; nothing loads if storage cannot open. Once a
 * page: the entry starts it before the shell is drawn, and the shell waits for the same start.
 */
export function startWorkspace(): Promise<void> {
  started ??= openAndLoadWorkspace();
  return started;
}

async function openAndLoadWorkspace(): Promise<void> {
  // The framework library (its door's code, the shipped files, their checks) loads while the lists are
  // read: one works on this thread, the other waits on IndexedDB, so neither waits for the other.
  const library = frameworkLibrary.load().catch(() => undefined);
  const opened = await storageStatus.open(db);
  if (!opened) {
    await library;
    return;
  }
  otherTabs.start(saveStatus);
  saveStatus.useJournal(writeJournal);
  const leftInFlight = writeJournal.take();
  // A page may already have opened its cycle from the older copy: reopen it once writes are back.
  if (leftInFlight.length && (await journalRepository(db).replay(leftInFlight)) > 0) await cycles.reload();
  // Every list goes into state at once, so the open page computes its figures once, not once per list.
  const [putAll] = await Promise.all([
    Promise.all([cycles.read(), readAllLists()]),
    rehearsals.load(),
    lastInspection.load(),
    library,
  ]);
  for (const put of putAll.flat()) put();
  keepFindingsReady(audits, frameworkLibrary);
  void team.startIfJoined(refreshAll, () => frameworkLibrary.load());
}

export function today(): string {
  return clock.now().toISOString().slice(0, 10);
}

const EXAMPLE_FILE = './examples/example-council.json';

/**
 * Fills an empty workspace with the fictional example council, read through the backup door and moved
 * to today; false if the workspace has records. Each cycle and audit round must use a framework the app
 * ships (the example brings none of its own). Throws if the file cannot be fetched or is refused.
 */
export async function loadExampleWorkspace(): Promise<boolean> {
  const [{ readBackupFile }, { shiftWorkspaceDates }] = await Promise.all([
    import('../import/backup/read-backup'),
    import('../domain/workspace/shift-dates'),
  ]);
  const library = await shippedLibrary();
  const read = await readBackupFile(await fetchBytes(EXAMPLE_FILE), undefined, library);
  if (!read.ok)
    throw new Error(`${EXAMPLE_FILE}: ${read.messages.map((m) => `${m.location} ${m.text}`).join(' ')}`);
  const r = shiftWorkspaceDates(read.backup.records, {
    from: read.backup.exportedAt.slice(0, 10),
    to: today(),
    notAfter: clock.now().toISOString(),
  });
  const isShipped = (p: { frameworkId: string; frameworkVersion: number }) =>
    library.shipped.some((f) => f.id === p.frameworkId && f.version === p.frameworkVersion);
  const unshipped = [...r.cycles, ...r.auditRounds].find((p) => !isShipped(p));
  if (unshipped)
    throw new Error(
      `${EXAMPLE_FILE} uses ${unshipped.frameworkId} version ${unshipped.frameworkVersion}, which this app does not ship.`,
    );
  const settingsRow = r.settings.find((s) => s.key === 'workspace')?.value;
  const content: WorkspaceContent = {
    settings: (settingsRow ?? {}) as Settings,
    cycles: r.cycles,
    criterionAssessments: r.criterionAssessments,
    judgementAssessments: r.judgementAssessments,
    narratives: r.narratives,
    evidence: r.evidence,
    actions: r.actions,
    recommendations: r.recommendations,
    auditRounds: r.auditRounds,
    caseAudits: r.caseAudits,
  };
  const added = await workspaceRepository(db).addExampleWorkspace(content, settings.userName);
  if (added) await Promise.all([settings.load(), cycles.load(), registers.load(), audits.load()]);
  return added;
}

export async function isWorkspaceEmpty(): Promise<boolean> {
  return workspaceRepository(db).isEmpty();
}
