/*
 * Whether this tab can use the workspace database: opening, ready, or a problem the user must act
 * on (private window, an old tab blocking, another tab upgraded the database).
 */
import type { WorkbookDatabase } from '../storage/db';
import { openWorkspaceStorage } from '../storage/open';

export type StorageStatus =
  { kind: 'opening' } | { kind: 'ready' } | { kind: 'problem'; title: string; message: string };

const RELOAD_MESSAGE =
  'Readiness Workbook was updated in another tab, and this tab must reload before it can save again. Everything saved so far is kept. Reload now.';

export class StorageStatusManager {
  #status = $state<StorageStatus>({ kind: 'opening' });

  get status(): StorageStatus {
    return this.#status;
  }

  async open(db: WorkbookDatabase): Promise<boolean> {
    const result = await openWorkspaceStorage(db, {
      onVersionChange: () => {
        this.#status = { kind: 'problem', title: 'Reload to carry on', message: RELOAD_MESSAGE };
      },
    });
    this.#status = result.ok
      ? { kind: 'ready' }
      : { kind: 'problem', title: 'Your workspace cannot be opened', message: result.message };
    return result.ok;
  }
}
