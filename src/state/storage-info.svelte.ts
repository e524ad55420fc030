/*
 * What the browser says about this site's storage: space used and available, and whether it has
 * agreed to keep the data (persistent storage) rather than clear it when space runs low.
 */
export interface StorageFacts {
  usedBytes?: number;
  quotaBytes?: number;
  persisted?: boolean;
  supported: boolean;
}

export class StorageInfoManager {
  #facts = $state<StorageFacts>({ supported: false });

  get facts(): StorageFacts {
    return this.#facts;
  }

  async refresh(): Promise<void> {
    const storage = globalThis.navigator?.storage;
    if (!storage?.estimate) {
      this.#facts = { supported: false };
      return;
    }
    const [estimate, persisted] = await Promise.all([
      storage.estimate(),
      storage.persisted?.() ?? Promise.resolve(undefined),
    ]);
    this.#facts = { supported: true, usedBytes: estimate.usage, quotaBytes: estimate.quota, persisted };
  }

  /** Asks the browser to keep this site's data; returns whether it agreed. */
  async requestPersistence(): Promise<boolean> {
    const granted = (await globalThis.navigator?.storage?.persist?.()) ?? false;
    await this.refresh();
    return granted;
  }
}

export const storageInfo = new StorageInfoManager();
