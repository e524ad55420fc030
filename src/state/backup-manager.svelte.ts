/*
 * Backups as the user sees them: download one (optionally with a passphrase), restore one through the
 * import door (a refused file changes nothing; a restore keeps a snapshot of what it replaced), and
 * remember when the last backup was taken. Every failure comes back as words, never as a page left
 * waiting; what the door set aside is listed with the notice. Reading, writing, encrypting and
 * merging load only when asked for, so the first screen does not carry them.
 */
import { countOf, listInWords } from '../domain/format/words';
import { buildBackup, ENCRYPTED_FORMAT_NAME } from '../export/backup/backup-format';
import type { BackupLibrary } from '../import/backup/read-backup';
import type { MergePlan } from '../import/backup/merge-plan';
import type { Framework } from '../domain/framework/types';
import type { SanitiseSummary } from '../export/backup/sanitise';
import type { IssueMessage } from '../validation/messages';
import type { BackupRepository } from '../storage/repositories/backup-repository';
import type { SettingsManager } from './settings-manager.svelte';
import {
  readAndReplace,
  type PreparedRestore,
  type RestoreRequest,
  type RestoreResult,
} from './restore-worker/restore-job';

export const APP_VERSION = '0.1.0';
export const BACKUP_REMINDER_DAYS = 7;
/** How long after the first real change the first reminder waits: a first look is not yet work to lose. */
export const BACKUP_FIRST_REMINDER_DAYS = 1;
/** How long "Remind me later" lasts. */
export const BACKUP_SNOOZE_DAYS = 7;
const DAY_MS = 86_400_000;
/** A backup's format name, at the very start of the files the app writes. */
const FORMAT_NAME = /^\s*\{\s*"formatName"\s*:\s*"([^"\\]*)"/;
const HEAD_BYTES = 1024;

type Refused = { ok: false; needsPassphrase?: boolean; messages: IssueMessage[] };

export type MergeOutcome = { ok: true; plan: MergePlan; summary: string; setAside: IssueMessage[] } | Refused;

export type RestoreOutcome = { ok: true; counts: string; setAside: IssueMessage[] } | Refused;

/** What a restore or a merge did, for the page to announce after every page has been redrawn. */
export interface WorkspaceNotice {
  heading: string;
  text: string;
  /** What the import door left out of the file (links to nothing, dates out of range), and why. */
  setAside?: IssueMessage[];
  /** A restore: the workspace it replaced is kept, so restoring the snapshot undoes it. */
  undoable?: boolean;
}

/** A failure no file should cause, in words, with the browser's reason for whoever looks into it. */
function unexpected(what: string, error: unknown): Refused {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ok: false,
    messages: [
      {
        severity: 'error',
        location: 'The file',
        text: `could not be ${what}: something went wrong in this browser (${reason.slice(0, 300)}). Try again; if it happens again, keep the file and report the problem.`,
      },
    ],
  };
}

const setAsideWords = (setAside: readonly IssueMessage[]) =>
  setAside.length
    ? ` ${countOf(setAside.length, 'link or date')} pointing nowhere ${setAside.length === 1 ? 'was' : 'were'} left out: the list is under “Restore from a backup”.`
    : '';

export class BackupManager {
  #generation = $state(0);
  #notice = $state.raw<WorkspaceNotice | undefined>();

  /**
   * Rises each time a restore or a merge replaces what the pages show: pages keyed by it are drawn
   * again from the new workspace (a field seeded before the restore would otherwise keep the old text).
   */
  get generation(): number {
    return this.#generation;
  }

  get notice(): WorkspaceNotice | undefined {
    return this.#notice;
  }

  dismissNotice(): void {
    this.#notice = undefined;
  }

  async #replaced(notice: WorkspaceNotice): Promise<void> {
    try {
      await this.reloadAll();
      this.#notice = notice;
    } catch {
      // The records are in; only reading them back for the pages failed.
      this.#notice = { ...notice, text: `${notice.text} Some pages could not be redrawn: reload the page.` };
    }
    this.#generation += 1;
  }

  constructor(
    private readonly repository: BackupRepository,
    private readonly settings: SettingsManager,
    private readonly reloadAll: () => Promise<void>,
    /** The shipped frameworks, so the door checks records against their criteria, grades and rules. */
    private readonly shippedLibrary: () => Promise<BackupLibrary> = async () => ({ shipped: [] }),
    /** Where a restore runs: the restore worker in the app; in this page when not given. */
    private readonly runRestore?: (request: RestoreRequest) => Promise<RestoreResult>,
    /** Starts checking a chosen file in the restore worker; undefined where restores run in the page. */
    private readonly prepareRestore?: (
      bytes: Uint8Array,
      library: BackupLibrary,
    ) => Promise<PreparedRestore | undefined>,
  ) {}

  #prepared: { bytes: Uint8Array; restore: Promise<PreparedRestore | undefined> } | undefined;

  /**
   * Starts checking a file as soon as it is chosen, in the restore worker, while the user reads the
   * warning: a restore of it asked for next waits only for what is left of the check, and the write.
   * Changes nothing; a check that cannot start leaves the restore to check the file itself.
   */
  prepare(bytes: Uint8Array, library?: BackupLibrary): void {
    this.discardPrepared();
    const start = this.prepareRestore;
    if (!start) return;
    const restore = (async () => start(bytes, library ?? (await this.shippedLibrary())))();
    this.#prepared = { bytes, restore: restore.catch(() => undefined) };
  }

  /** Forgets the file being checked (another was chosen, or none). */
  discardPrepared(): void {
    const prepared = this.#prepared;
    this.#prepared = undefined;
    void prepared?.restore.then((p) => p?.discard());
  }

  /** The check started for these bytes, when one was and the restore needs no passphrase. */
  #takePrepared(bytes: Uint8Array, passphrase: string | undefined): Promise<PreparedRestore | undefined> {
    const prepared = this.#prepared;
    if (prepared?.bytes !== bytes || passphrase !== undefined) {
      this.discardPrepared();
      return Promise.resolve(undefined);
    }
    this.#prepared = undefined;
    return prepared.restore;
  }

  async makeBackup(passphrase?: string): Promise<{ fileName: string; bytes: Uint8Array }> {
    const { now } = this.settings.author();
    const records = await this.repository.readAllRecords();
    const { serialiseBackup } = await import('../export/backup/write-backup');
    const bytes = await serialiseBackup(
      buildBackup(records, { appVersion: APP_VERSION, exportedAt: now }),
      passphrase || undefined,
    );
    await this.settings.save({ lastBackupAt: now });
    const council = (this.settings.settings.councilName || 'workspace')
      .replace(/[^\p{L}\p{N} -]+/gu, '')
      .trim();
    return {
      fileName: `${council} backup ${now.slice(0, 10)}${passphrase ? ' (protected)' : ''}.json`,
      bytes,
    };
  }

  async restore(
    bytes: Uint8Array,
    passphrase?: string,
    fileName = 'the backup',
    library?: BackupLibrary,
  ): Promise<RestoreOutcome> {
    this.#notice = undefined;
    const takenAt = this.settings.author().now;
    const prepared = await this.#takePrepared(bytes, passphrase);
    const result = prepared
      ? await prepared.write(takenAt)
      : await (this.runRestore ?? ((r) => readAndReplace(r, this.repository)))({
          bytes,
          ...(passphrase === undefined ? {} : { passphrase }),
          library: library ?? (await this.shippedLibrary()),
          takenAt,
        });
    if (!result.ok) return 'unexpected' in result ? unexpected('restored', result.unexpected) : result;
    const n = result.counts;
    const counts = listInWords([
      countOf(n.cycles, 'assessment cycle'),
      countOf(n.evidence, 'evidence item'),
      countOf(n.actions, 'action'),
      countOf(n.recommendations, 'recommendation'),
      countOf(n.caseAudits, 'case audit'),
    ]);
    await this.#replaced({
      heading: `Restored ${counts} from ${fileName}.`,
      text: `A snapshot of the workspace it replaced has been kept in this browser.${setAsideWords(result.setAside)}`,
      setAside: result.setAside,
      undoable: true,
    });
    return { ok: true, counts, setAside: result.setAside };
  }

  /** When the workspace kept by the last restore was replaced, or undefined when none is kept. */
  snapshotTakenAt(): Promise<string | undefined> {
    return this.repository.snapshotTakenAt();
  }

  /**
   * Puts back the workspace the last restore replaced, through the same door as a file (so a snapshot
   * from an older version is migrated and checked); what is here now becomes the snapshot, so doing it
   * again undoes it.
   */
  async restoreSnapshot(library?: BackupLibrary): Promise<RestoreOutcome> {
    const snapshot = await this.repository.readSnapshot();
    if (!snapshot) {
      return {
        ok: false,
        messages: [
          {
            severity: 'error',
            location: 'The file',
            text: 'is not there: no snapshot is kept in this browser.',
          },
        ],
      };
    }
    const { serialiseBackup } = await import('../export/backup/write-backup');
    const bytes = await serialiseBackup(
      buildBackup(snapshot.records, { appVersion: APP_VERSION, exportedAt: snapshot.takenAt }),
    );
    return this.restore(bytes, undefined, 'the snapshot', library);
  }

  /** Whether a chosen file is a passphrase-protected backup, so the page can ask for it first. */
  async isProtected(bytes: Uint8Array): Promise<boolean> {
    // The app writes the format's name first: its head says, without reading a large file whole.
    const named = FORMAT_NAME.exec(new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES)));
    if (named) return named[1] === ENCRYPTED_FORMAT_NAME;
    const [{ parseJsonFile }, { MAX_BACKUP_BYTES }] = await Promise.all([
      import('../validation/json-file'),
      import('../import/backup/read-backup'),
    ]);
    try {
      const parsed = parseJsonFile(bytes, MAX_BACKUP_BYTES);
      return (
        parsed.ok && (parsed.value as { formatName?: unknown } | null)?.formatName === ENCRYPTED_FORMAT_NAME
      );
    } catch {
      return false; // Restoring it will say what is wrong.
    }
  }

  async makeSanitisedCopy(
    frameworks: readonly Framework[],
  ): Promise<{ fileName: string; bytes: Uint8Array; summary: SanitiseSummary }> {
    const { now } = this.settings.author();
    const backup = buildBackup(await this.repository.readAllRecords(), {
      appVersion: APP_VERSION,
      exportedAt: now,
    });
    const [{ serialiseBackup }, { sanitiseBackup }] = await Promise.all([
      import('../export/backup/write-backup'),
      import('../export/backup/sanitise'),
    ]);
    const copy = sanitiseBackup(backup, frameworks);
    const bytes = await serialiseBackup(copy.backup);
    return { fileName: `Sanitised copy for sharing ${now.slice(0, 10)}.json`, bytes, summary: copy.summary };
  }

  /** Reads a colleague's backup and works out what merging it would do; changes nothing. */
  async planMergeFrom(
    bytes: Uint8Array,
    passphrase?: string,
    library?: BackupLibrary,
  ): Promise<MergeOutcome> {
    try {
      return await this.#planMerge(bytes, passphrase, library);
    } catch (error) {
      return unexpected('read', error);
    }
  }

  async #planMerge(bytes: Uint8Array, passphrase?: string, library?: BackupLibrary): Promise<MergeOutcome> {
    const [{ readBackupFile }, { planMerge, describePlan }] = await Promise.all([
      import('../import/backup/read-backup'),
      import('../import/backup/merge-plan'),
    ]);
    const read = await readBackupFile(bytes, passphrase, library ?? (await this.shippedLibrary()));
    if (!read.ok) return read;
    if (read.backup.sanitised) {
      return {
        ok: false,
        messages: [
          {
            severity: 'error',
            location: 'The file',
            text: 'is a sanitised copy made for sharing, so it cannot be merged into a workspace.',
          },
        ],
      };
    }
    const plan = planMerge(await this.repository.readAllRecords(), read.backup.records);
    this.#setAsideFor.set(plan, read.setAside);
    return { ok: true, plan, summary: describePlan(plan), setAside: read.setAside };
  }

  /** What the door set aside from the file each plan was made from, for the notice after merging. */
  readonly #setAsideFor = new WeakMap<MergePlan, IssueMessage[]>();

  async applyMerge(
    plan: MergePlan,
    choices: Readonly<Record<string, 'mine' | 'theirs'>>,
    fileName = 'the backup',
  ): Promise<number> {
    const { recordsToWrite } = await import('../import/backup/merge-plan');
    const records = recordsToWrite(plan, choices);
    await this.repository.putMergedRecords(records);
    const written = Object.values(records).reduce((n, list) => n + (list?.length ?? 0), 0);
    const setAside = this.#setAsideFor.get(plan) ?? [];
    await this.#replaced({
      heading: `Merged ${fileName}: ${countOf(written, 'record')} came in.`,
      text: `Every page now shows the merged workspace.${setAsideWords(setAside)}`,
      setAside,
    });
    return written;
  }

  /**
   * True when there is work to lose and no backup in the last week: records are there, the first
   * real change in this browser (BackupReminderState) was at least a day ago, and the user has not
   * asked to be reminded later.
   */
  backupOverdue(now: Date, hasRecords: boolean): boolean {
    const { firstChangeAt, remindLaterAt } = this.settings.backupReminder;
    if (!hasRecords || !firstChangeAt) return false;
    const since = (iso: string) => now.getTime() - Date.parse(iso);
    if (since(firstChangeAt) < BACKUP_FIRST_REMINDER_DAYS * DAY_MS) return false;
    if (remindLaterAt && since(remindLaterAt) < BACKUP_SNOOZE_DAYS * DAY_MS) return false;
    const last = this.settings.settings.lastBackupAt;
    return !last || since(last) > BACKUP_REMINDER_DAYS * DAY_MS;
  }

  /** "Remind me later": the reminder stays away for BACKUP_SNOOZE_DAYS, in this browser, across reloads. */
  remindLater(now: Date): void {
    this.settings.remindAboutBackupLater(now.toISOString());
  }
}
