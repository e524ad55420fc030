/*
 * The workspace settings as the app sees them, and the author stamped on every change: the user name
 * set here, or a plain label until one is set. Saves go through the shared save status.
 * Also this browser's backup reminder (see BackupReminderState): kept in the browser's localStorage,
 * not in the workspace, because it is about this browser's copy; a backup restored elsewhere must not
 * carry "remind me later" or "changed since" with it.
 */
import type { Settings } from '../domain/workspace/records';
import { DEFAULT_SETTINGS, type SettingsRepository } from '../storage/repositories/settings-repository';
import type { SaveStatusManager } from './save-status.svelte';

export const UNNAMED_USER = 'Unnamed user';

export interface Clock {
  now(): Date;
}

/**
 * What the backup reminder needs to know, for this browser. "First real change" is the first record
 * written through the save queue that the user made (a grade, a narrative, an evidence item, an
 * action, an edit to one of the example's records...), not their own settings: loading the example,
 * restoring and merging write around the queue, so a workspace that only holds the example, or only
 * what a backup brought in, has nothing new to back up.
 */
export interface BackupReminderState {
  /** ISO timestamp of the first real change in this browser. */
  firstChangeAt?: string;
  /** ISO timestamp: when "Remind me later" was last chosen (it holds for BACKUP_SNOOZE_DAYS). */
  remindLaterAt?: string;
}

export const BACKUP_REMINDER_KEY = 'readiness-workbook:backup-reminder';

type DeviceStorage = () => Storage | undefined;

export class SettingsManager {
  #settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  #loaded = $state(false);
  #reminder = $state<BackupReminderState>({});
  /** Set by a settings write as it finishes, so the listener below can tell it from a record's. */
  #settingsWritten = false;

  constructor(
    private readonly repository: SettingsRepository,
    private readonly saves: SaveStatusManager,
    private readonly clock: Clock,
    private readonly device: DeviceStorage = () => globalThis.localStorage,
  ) {
    this.#reminder = this.#readReminder();
    // Writes run one at a time and this runs straight after each, so the flag is always this write's.
    saves.onWritten(() => {
      if (this.#settingsWritten) this.#settingsWritten = false;
      else if (!this.#readReminder().firstChangeAt) this.#saveReminder({ firstChangeAt: this.#now() });
    });
  }

  get settings(): Settings {
    return this.#settings;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get userName(): string {
    return this.#settings.userName.trim() || UNNAMED_USER;
  }

  /** Who is changing something, and when: stamped on records and history. */
  author(): { by: string; now: string } {
    return { by: this.userName, now: this.clock.now().toISOString() };
  }

  get backupReminder(): BackupReminderState {
    return this.#reminder;
  }

  async load(): Promise<void> {
    (await this.read())();
  }

  /** Reads the records; the step it returns puts them in state (see readForLater). */
  async read(): Promise<() => void> {
    const settings = await this.repository.getSettings();
    return () => {
      this.#settings = settings;
      this.#reminder = this.#readReminder();
      this.#loaded = true;
    };
  }

  async save(changes: Partial<Settings>): Promise<void> {
    this.#settings = { ...this.#settings, ...changes };
    // The page keeps what was typed; the stored copy is never written back over newer typing.
    const snapshot = $state.snapshot(changes) as Partial<Settings>;
    await this.saves.run(async () => {
      const saved = await this.repository.saveSettings(snapshot, this.author());
      this.#settingsWritten = true;
      return saved;
    });
  }

  /** "Remind me later", chosen at `at` (an ISO timestamp), in this browser. */
  remindAboutBackupLater(at: string): void {
    this.#saveReminder({ remindLaterAt: at });
  }

  #now(): string {
    return this.clock.now().toISOString();
  }

  #readReminder(): BackupReminderState {
    try {
      const stored: unknown = JSON.parse(this.device()?.getItem(BACKUP_REMINDER_KEY) ?? '{}');
      if (typeof stored !== 'object' || stored === null) return {};
      const { firstChangeAt, remindLaterAt } = stored as Record<string, unknown>;
      return {
        ...(typeof firstChangeAt === 'string' ? { firstChangeAt } : {}),
        ...(typeof remindLaterAt === 'string' ? { remindLaterAt } : {}),
      };
    } catch {
      return {};
    }
  }

  /** Merges into what is stored now: another tab may have written since this one read it. */
  #saveReminder(changes: BackupReminderState): void {
    const next = { ...this.#readReminder(), ...changes };
    this.#reminder = next;
    try {
      this.device()?.setItem(BACKUP_REMINDER_KEY, JSON.stringify(next));
    } catch {
      // Storage refused (private browsing, full): the reminder holds for this visit only.
    }
  }
}
