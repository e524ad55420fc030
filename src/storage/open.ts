/*
 * Opening the workspace database and saying plainly when that cannot happen: IndexedDB missing or
 * refused (private browsing, site data blocked), held at an older version by another tab, or failing.
 * Once open, an upgrade started by another tab closes this connection and asks the user to reload.
 */
import type { WorkbookDatabase } from './db';

export type StorageProblem = 'unavailable' | 'blocked' | 'failed';

export type StorageOpenResult =
  { ok: true; db: WorkbookDatabase } | { ok: false; reason: StorageProblem; message: string };

export interface OpenOptions {
  /** Another tab is upgrading the database: this tab must reload before it can save again. */
  onVersionChange: () => void;
}

const UNAVAILABLE = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError', 'InvalidAccessError']);

export const STORAGE_MESSAGES: Record<StorageProblem, string> = {
  unavailable:
    'This browser window cannot store data, so nothing you enter could be saved. This happens in private or incognito windows and when the browser is set to block site data. Open Readiness Workbook in a normal window, or allow site data for it, and reload.',
  blocked:
    'Readiness Workbook is open in another tab with an older version, which stops this tab opening your workspace. Close the other tabs of Readiness Workbook, then reload this one. Nothing has been lost.',
  failed: 'Your workspace could not be opened',
};

export async function openWorkspaceStorage(
  db: WorkbookDatabase,
  options: OpenOptions,
): Promise<StorageOpenResult> {
  db.on('versionchange', () => {
    db.close();
    options.onVersionChange();
    return false;
  });
  let reportBlocked: (() => void) | undefined;
  const blocked = new Promise<StorageOpenResult>((resolve) => {
    reportBlocked = () => resolve(problem('blocked'));
  });
  db.on('blocked', () => reportBlocked?.());
  const opened = db.open().then(
    (): StorageOpenResult => ({ ok: true, db }),
    (error: unknown): StorageOpenResult => describeOpenError(error),
  );
  return Promise.race([opened, blocked]);
}

export function describeOpenError(error: unknown): StorageOpenResult {
  const names = errorNames(error);
  if (names.some((name) => UNAVAILABLE.has(name))) return problem('unavailable');
  if (names.includes('QuotaExceededError')) {
    return {
      ok: false,
      reason: 'failed',
      message:
        'Your workspace could not be opened because the browser has no storage space left for this site. Free some disk space, then reload.',
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    reason: 'failed',
    message: `${STORAGE_MESSAGES.failed} (${names[0] ?? 'Error'}: ${detail}). Reload the page. If it happens again, do not clear the browser’s data, which would delete your work: ask your IT support for help.`,
  };
}

function problem(reason: 'unavailable' | 'blocked'): StorageOpenResult {
  return { ok: false, reason, message: STORAGE_MESSAGES[reason] };
}

/** Dexie wraps the browser's error (OpenFailedError with an inner one): look at both. */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 3; depth += 1) {
    if (typeof current === 'object' && 'name' in current && typeof current.name === 'string')
      names.push(current.name);
    current = typeof current === 'object' && 'inner' in current ? current.inner : undefined;
  }
  return names;
}
