/*
 * Two tabs on the same workspace stay consistent: after a write, a tab tells the others (a
 * BroadcastChannel, same origin only, never the network), and they re-read the workspace a moment
 * later. Fields being typed in keep their text: pages are not remounted, only their records change.
 */
import type { SaveStatusManager } from './save-status.svelte';

const CHANNEL = 'readiness-workbook-changes';
const SETTLE_MS = 250;

export class TabSync {
  #channel: BroadcastChannel | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly refresh: () => Promise<void>) {}

  start(saves: SaveStatusManager): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    this.#channel = channel;
    saves.onWritten(() => channel.postMessage('changed'));
    channel.onmessage = () => {
      clearTimeout(this.#timer);
      // Several writes arrive together when someone types; re-read once they settle.
      this.#timer = setTimeout(() => void this.refresh(), SETTLE_MS);
    };
  }
}
