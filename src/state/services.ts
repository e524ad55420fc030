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
import { cyclesRepository } from '../storage/repositories/cycles-repository';
import { frameworksRepository } from '../storage/repositories/frameworks-repository';
import { registerRepository } from '../storage/repositories/register-repository';
import { settingsRepository } from '../storage/repositories/settings-repository';
import { workspaceRepository } from '../storage/repositories/workspace-repository';
import { AppUpdateManager } from './app-update.svelte';
import { TabSync } from './tab-sync';
import { WriteJournal } from './write-journal';
import { journalRepository } from '../storage/repositories/journal-repository';
import { AuditsManager } from './audits-manager.svelte';
import { BackupManager } from './backup-manager.svelte';
import { IndicatorsManager } from './indicators-manager.svelte';
import { RehearsalsManager } from './rehearsals-manager.svelte';
import { CyclesManager } from './cycles-manager.svelte';
import { FrameworkLibraryManager } from './framework-library.svelte';
import { RegistersManager } from './registers-manager.svelte';
import { saveStatus } from './save-status.svelte';
import { SettingsManager } from './settings-manager.svelte';
import { StorageStatusManager } from './storage-status.svelte';

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
const author = () => settings.author();
export const cycles = new CyclesManager(cyclesRepository(db), saveStatus, author, makeId);
export const registers = new RegistersManager(registerRepository(db), saveStatus, author, makeId);
export const audits = new AuditsManager(auditsRepository(db), saveStatus, author, makeId);
export const indicators = new IndicatorsManager(indicatorsRepository(db), saveStatus, author, makeId);
export const rehearsals = new RehearsalsManager(rehearsalsRepository(db), saveStatus, author, makeId);
export { saveStatus };

async function reloadAll(): Promise<void> {
  await Promise.all([
    settings.load(),
    cycles.reload(),
    registers.load(),
    audits.load(),
    indicators.load(),
    rehearsals.load(),
    frameworkLibrary.load(),
  ]);
}
export const backups = new BackupManager(backupRepository(db), settings, reloadAll, shippedLibrary);

/** The shipped frameworks as the library loaded them, for the backup door's checks. */
async function shippedLibrary(): Promise<{ shipped: Framework[] }> {
  await frameworkLibrary.whenLoaded();
  return {
    shipped: frameworkLibrary.entries.filter((e) => e.origin === 'shipped').map((e) => e.framework),
  };
}

async function refreshAll(): Promise<void> {
  await Promise.all([
    settings.load(),
    cycles.refresh(),
    registers.load(),
    audits.load(),
    indicators.load(),
    rehearsals.load(),
  ]);
}
export const otherTabs = new TabSync(refreshAll);
const writeJournal = new WriteJournal(() => globalThis.localStorage);
export const storageStatus = new StorageStatusManager();
export const appUpdate = new AppUpdateManager(saveStatus);

/** Opens the workspace, then loads what every page needs. Nothing loads if storage cannot open. */
export async function startWorkspace(): Promise<void> {
  const [opened] = await Promise.all([
    storageStatus.open(db),
    frameworkLibrary.load().catch(() => undefined),
  ]);
  if (!opened) return;
  otherTabs.start(saveStatus);
  saveStatus.useJournal(writeJournal);
  const leftInFlight = writeJournal.take();
  // A page may already have opened its cycle from the older copy: reopen it once writes are back.
  if (leftInFlight.length && (await journalRepository(db).replay(leftInFlight)) > 0) await cycles.reload();
  await Promise.all([
    settings.load(),
    cycles.load(),
    registers.load(),
    audits.load(),
    indicators.load(),
    rehearsals.load(),
  ]);
}

export function today(): string {
  return clock.now().toISOString().slice(0, 10);
}

const EXAMPLE_FILE = './examples/example-council.json';

/**
 * Fills an empty workspace with the fictional example council, read through the backup door and moved
 * to today; false if the workspace has records. Throws if the file cannot be fetched or is refused.
 */
export async function loadExampleWorkspace(framework: Framework): Promise<boolean> {
  const [{ readBackupFile }, { shiftWorkspaceDates }] = await Promise.all([
    import('../import/backup/read-backup'),
    import('../domain/workspace/shift-dates'),
  ]);
  const read = await readBackupFile(await fetchBytes(EXAMPLE_FILE), undefined, await shippedLibrary());
  if (!read.ok)
    throw new Error(`${EXAMPLE_FILE}: ${read.messages.map((m) => `${m.location} ${m.text}`).join(' ')}`);
  const r = shiftWorkspaceDates(read.backup.records, {
    from: read.backup.exportedAt.slice(0, 10),
    to: today(),
    notAfter: clock.now().toISOString(),
  });
  if (r.cycles.some((c) => c.frameworkId !== framework.id || c.frameworkVersion !== framework.version))
    throw new Error(`${EXAMPLE_FILE} is not written for ${framework.id} version ${framework.version}.`);
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
