/*
 * A new version of the app, ready in the background (the service worker has fetched it): the page
 * offers to update, and updating first writes everything typed and waits for every save, so a
 * reload never loses work. If a save has failed the update waits, and says why.
 */
import type { SaveStatusManager } from './save-status.svelte';

type UpdateServiceWorker = (reloadPage?: boolean) => Promise<void>;
export type RegisterServiceWorker = (callbacks: {
  onNeedRefresh: () => void;
  onOfflineReady: () => void;
}) => UpdateServiceWorker;

export class AppUpdateManager {
  #needRefresh = $state(false);
  #offlineReady = $state(false);
  #problem = $state('');
  #updating = $state(false);
  #update: UpdateServiceWorker | undefined;

  constructor(private readonly saves: SaveStatusManager) {}

  get needRefresh(): boolean {
    return this.#needRefresh;
  }
  get offlineReady(): boolean {
    return this.#offlineReady;
  }
  get problem(): string {
    return this.#problem;
  }
  get updating(): boolean {
    return this.#updating;
  }

  start(register: RegisterServiceWorker): void {
    this.#update = register({
      onNeedRefresh: () => (this.#needRefresh = true),
      onOfflineReady: () => (this.#offlineReady = true),
    });
  }

  async apply(): Promise<void> {
    this.#updating = true;
    this.#problem = '';
    await this.saves.idle();
    if (this.saves.state.kind === 'failed') {
      this.#problem = `Not updated yet: a change could not be saved (${this.saves.state.message}). Fix that first so nothing is lost.`;
      this.#updating = false;
      return;
    }
    await this.#update?.(true);
  }

  later(): void {
    this.#needRefresh = false;
  }

  dismissOfflineReady(): void {
    this.#offlineReady = false;
  }
}
