/*
 * Backups as the user sees them: download one (optionally with a passphrase), restore one through the
 * import door (a refused file changes nothing; a restore keeps a snapshot of what it replaced), and
 * remember when the last backup was taken. Reading, writing, encrypting and merging load only when
 * asked for, so the first screen does not carry them.
 */
import { countOf, listInWords } from '../domain/format/words';
import { buildBackup } from '../export/backup/backup-format';
import type { MergePlan } from '../import/backup/merge-plan';
import type { Framework } from '../domain/framework/types';
import type { IssueMessage } from '../validation/messages';
import type { BackupRepository } from '../storage/repositories/backup-repository';
import type { SettingsManager } from './settings-manager.svelte';

export const APP_VERSION = '0.1.0';
export const BACKUP_REMINDER_DAYS = 7;

export type MergeOutcome =
  | { ok: true; plan: MergePlan; summary: string }
  | { ok: false; needsPassphrase?: boolean; messages: IssueMessage[] };

export type RestoreOutcome =
  { ok: true; counts: string } | { ok: false; needsPassphrase?: boolean; messages: IssueMessage[] };

/** What a restore or a merge did, for the page to announce after every page has been redrawn. */
export interface WorkspaceNotice {
  heading: string;
  text: string;
}

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
    await this.reloadAll();
    this.#notice = notice;
    this.#generation += 1;
  }

  constructor(
    private readonly repository: BackupRepository,
    private readonly settings: SettingsManager,
    private readonly reloadAll: () => Promise<void>,
  ) {}

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

  async restore(bytes: Uint8Array, passphrase?: string, fileName = 'the backup'): Promise<RestoreOutcome> {
    this.#notice = undefined;
    const { readBackupFile } = await import('../import/backup/read-backup');
    const read = await readBackupFile(bytes, passphrase);
    if (!read.ok) return read;
    if (read.backup.sanitised) {
      return {
        ok: false,
        messages: [
          {
            severity: 'error',
            location: 'The file',
            text: 'is a sanitised copy made for sharing: it has no case references or free text, so it cannot replace a workspace.',
          },
        ],
      };
    }
    await this.repository.replaceAllRecords(read.backup.records, this.settings.author().now);
    const r = read.backup.records;
    const counts = listInWords([
      countOf(r.cycles.length, 'assessment cycle'),
      countOf(r.evidence.length, 'evidence item'),
      countOf(r.actions.length, 'action'),
      countOf(r.recommendations.length, 'recommendation'),
      countOf(r.caseAudits.length, 'case audit'),
    ]);
    await this.#replaced({
      heading: `Restored ${counts} from ${fileName}.`,
      text: 'A snapshot of the workspace it replaced has been kept in this browser.',
    });
    return { ok: true, counts };
  }

  async makeSanitisedCopy(
    frameworks: readonly Framework[],
  ): Promise<{ fileName: string; bytes: Uint8Array }> {
    const { now } = this.settings.author();
    const backup = buildBackup(await this.repository.readAllRecords(), {
      appVersion: APP_VERSION,
      exportedAt: now,
    });
    const [{ serialiseBackup }, { sanitiseBackup }] = await Promise.all([
      import('../export/backup/write-backup'),
      import('../export/backup/sanitise'),
    ]);
    const bytes = await serialiseBackup(sanitiseBackup(backup, frameworks));
    return { fileName: `Sanitised copy for sharing ${now.slice(0, 10)}.json`, bytes };
  }

  /** Reads a colleague's backup and works out what merging it would do; changes nothing. */
  async planMergeFrom(bytes: Uint8Array, passphrase?: string): Promise<MergeOutcome> {
    const [{ readBackupFile }, { planMerge, describePlan }] = await Promise.all([
      import('../import/backup/read-backup'),
      import('../import/backup/merge-plan'),
    ]);
    const read = await readBackupFile(bytes, passphrase);
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
    return { ok: true, plan, summary: describePlan(plan) };
  }

  async applyMerge(
    plan: MergePlan,
    choices: Readonly<Record<string, 'mine' | 'theirs'>>,
    fileName = 'the backup',
  ): Promise<number> {
    const { recordsToWrite } = await import('../import/backup/merge-plan');
    const records = recordsToWrite(plan, choices);
    await this.repository.putMergedRecords(records);
    const written = Object.values(records).reduce((n, list) => n + (list?.length ?? 0), 0);
    await this.#replaced({
      heading: `Merged ${fileName}: ${countOf(written, 'record')} came in.`,
      text: 'Every page now shows the merged workspace.',
    });
    return written;
  }

  /** True when there is work to lose and no backup in the last week. */
  backupOverdue(now: Date, hasRecords: boolean): boolean {
    if (!hasRecords) return false;
    const last = this.settings.settings.lastBackupAt;
    if (!last) return true;
    return now.getTime() - Date.parse(last) > BACKUP_REMINDER_DAYS * 86_400_000;
  }
}
