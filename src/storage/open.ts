/*
 * Opening the workspace database and saying plainly when that cannot happen: IndexedDB missing or
 * refused (private browsing, site data blocked), held at an older version by another tab, or failing.
 * Expected failures are results, never throws. Once open, an upgrade started by another tab closes
 * this connection for good (no silent reopening on an old schema) and asks the user to reload.
 */
import { Dexie } from 'dexie';
import { DATABASE_NAME, openWorkbookDatabase, workbookDatabase, type WorkbookDatabase } from './db';

export type StorageProblem = 'unavailable' | 'blocked' | 'failed';

export type StorageOpenFailure = { ok: false; reason: StorageProblem; message: string };
export type StorageOpenResult = { ok: true; db: WorkbookDatabase } | StorageOpenFailure;

export interface OpenWorkspaceOptions {
  /** Left out, with no `indexedDB` either: the app's own database, the instance `workbookDatabase()` shares. */
  name?: string;
  /** Another tab is upgrading the database: this tab must reload before it can save again. */
  onVersionChange: () => void;
  /** Left out: the browser's own. */
  indexedDB?: IDBFactory;
  /** How long an open held up by another tab may wait for it to let go before the user is told. */
  blockedAfterMs?: number;
}

export type OpenDatabaseOptions = Pick<OpenWorkspaceOptions, 'onVersionChange' | 'blockedAfterMs'>;

const BLOCKED_AFTER_MS = 3000;

const UNAVAILABLE = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError', 'InvalidAccessError']);

export const STORAGE_MESSAGES: Record<StorageProblem, string> = {
  unavailable:
    'This browser window cannot store data, so nothing you enter could be saved. This happens in private or incognito windows and when the browser is set to block site data. Open Readiness Workbook in a normal (not private) window, check that the browser allows this site to store data, then reload.',
  blocked:
    'Readiness Workbook is open in another tab with an older version, which stops this tab opening your workspace. Close the other tabs of Readiness Workbook, then reload this one. Nothing has been lost.',
  failed: 'Your workspace could not be opened',
};

/** Opens the workspace database, by name or the app's own. */
export function openWorkspaceStorage(options: OpenWorkspaceOptions): Promise<StorageOpenResult>;
/** Opens a database the caller already made (the form src/state uses today). */
export function openWorkspaceStorage(
  db: WorkbookDatabase,
  options: OpenDatabaseOptions,
): Promise<StorageOpenResult>;
export async function openWorkspaceStorage(
  target: WorkbookDatabase | OpenWorkspaceOptions,
  options?: OpenDatabaseOptions,
): Promise<StorageOpenResult> {
  if (target instanceof Dexie) {
    if (!options) throw new TypeError('openWorkspaceStorage(db, options) needs its options');
    return openDatabase(target, options);
  }
  const indexedDB = target.indexedDB ?? browserIndexedDB();
  if (!indexedDB) return problem('unavailable');
  const useShared = target.name === undefined && target.indexedDB === undefined;
  const db = useShared
    ? workbookDatabase()
    : openWorkbookDatabase(target.name ?? DATABASE_NAME, { indexedDB });
  return openDatabase(db, target);
}

function openDatabase(db: WorkbookDatabase, options: OpenDatabaseOptions): Promise<StorageOpenResult> {
  // Also when the open completes after being reported blocked: the connection is live from then on.
  const whenOpen = () => closeOnVersionChange(db, options.onVersionChange);
  return openUnlessBlocked(db, options.blockedAfterMs ?? BLOCKED_AFTER_MS, whenOpen);
}

/**
 * Resolves when the open succeeds or fails, or once another tab has held it up for `blockedAfterMs`.
 * A blocked open keeps waiting in the background and completes if the other tab lets go.
 */
function openUnlessBlocked(
  db: WorkbookDatabase,
  blockedAfterMs: number,
  whenOpen: () => void,
): Promise<StorageOpenResult> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onBlocked = () => {
      timer ??= setTimeout(() => resolve(problem('blocked')), blockedAfterMs);
    };
    db.on('blocked', onBlocked);
    db.open()
      .then(
        () => {
          whenOpen();
          resolve({ ok: true, db });
        },
        (error: unknown) => resolve(describeOpenError(error)),
      )
      .finally(() => {
        clearTimeout(timer);
        db.on.blocked.unsubscribe(onBlocked);
      });
  });
}

/** Replaces Dexie's default, which closes but reopens on the next query, at the old schema. */
function closeOnVersionChange(db: WorkbookDatabase, onVersionChange: () => void): void {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    onVersionChange();
    return false;
  });
}

/** Firefox throws SecurityError on reading `indexedDB` when site data is blocked. */
function browserIndexedDB(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}

/** Maps an error from opening the database to what the user is told. */
export function describeOpenError(error: unknown): StorageOpenFailure {
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
  // Dexie appends the inner error to its message on a new line: the first line says it all.
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim();
  return {
    ok: false,
    reason: 'failed',
    message: `${STORAGE_MESSAGES.failed} (${names[0] ?? 'Error'}: ${detail}). Reload the page. If it happens again, do not clear the browser’s data, which would delete your work: ask your IT support for help.`,
  };
}

function problem(reason: 'unavailable' | 'blocked'): StorageOpenFailure {
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
