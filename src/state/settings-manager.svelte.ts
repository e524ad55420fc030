/*
 * The workspace settings as the app sees them, and the author stamped on every change: the user name
 * set here, or a plain label until one is set. Saves go through the shared save status.
 */
import type { Settings } from '../domain/workspace/records';
import { DEFAULT_SETTINGS, type SettingsRepository } from '../storage/repositories/settings-repository';
import type { SaveStatusManager } from './save-status.svelte';

export const UNNAMED_USER = 'Unnamed user';

export interface Clock {
  now(): Date;
}

export class SettingsManager {
  #settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  #loaded = $state(false);

  constructor(
    private readonly repository: SettingsRepository,
    private readonly saves: SaveStatusManager,
    private readonly clock: Clock,
  ) {}

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

  async load(): Promise<void> {
    this.#settings = await this.repository.getSettings();
    this.#loaded = true;
  }

  async save(changes: Partial<Settings>): Promise<void> {
    this.#settings = { ...this.#settings, ...changes };
    // The page keeps what was typed; the stored copy is never written back over newer typing.
    const snapshot = $state.snapshot(changes) as Partial<Settings>;
    await this.saves.run(() => this.repository.saveSettings(snapshot, this.author()));
  }
}
