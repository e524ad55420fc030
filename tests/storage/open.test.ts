import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME, openWorkbookDatabase, SCHEMA_VERSIONS, workbookDatabase } from '../../src/storage/db';
import { describeOpenError, openWorkspaceStorage, STORAGE_MESSAGES } from '../../src/storage/open';

const LATEST = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));
const ALL_TABLES = [...new Set(SCHEMA_VERSIONS.flatMap((v) => Object.keys(v.stores)))].sort();
const ignore = () => undefined;
const uniqueName = () => `open-${crypto.randomUUID()}`;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A browser whose IndexedDB refuses to open anything, as private windows and blocked site data do. */
function refusingIndexedDB(name: string, message: string): IDBFactory {
  return {
    open() {
      throw new DOMException(message, name);
    },
  } as unknown as IDBFactory;
}

/** Another tab still running an older version of the app, holding the database at version 1. */
async function openOlderTab(name: string, onVersionChange: (old: Dexie) => void): Promise<Dexie> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  old.on('versionchange', () => {
    onVersionChange(old);
    return false;
  });
  await old.open();
  return old;
}

/** Another tab running a newer version of the app, which upgrades the database. */
async function openNewerTab(name: string): Promise<Dexie> {
  const newer = new Dexie(name);
  for (const { version, stores } of SCHEMA_VERSIONS) newer.version(version).stores(stores);
  newer.version(LATEST + 1).stores({ laterTable: 'id' });
  await newer.open();
  return newer;
}

describe('openWorkspaceStorage: success', () => {
  it('opens a named database at the latest version with every table', async () => {
    const result = await openWorkspaceStorage({ name: uniqueName(), onVersionChange: ignore });
    if (!result.ok) throw new Error(result.message);
    expect(result.db.isOpen()).toBe(true);
    expect(result.db.verno).toBe(LATEST);
    expect(result.db.tables.map((t) => t.name).sort()).toEqual(ALL_TABLES);
    await result.db.delete();
  });

  it('without a name, opens the app’s own database: the instance workbookDatabase() gives', async () => {
    const result = await openWorkspaceStorage({ onVersionChange: ignore });
    expect(result).toEqual({ ok: true, db: workbookDatabase() });
    expect(workbookDatabase().name).toBe(DATABASE_NAME);
    expect(workbookDatabase().isOpen()).toBe(true);
    await workbookDatabase().delete();
  });

  it('opens a database the caller already made', async () => {
    const db = openWorkbookDatabase(uniqueName());
    expect(await openWorkspaceStorage(db, { onVersionChange: ignore })).toEqual({ ok: true, db });
    await db.delete();
  });
});

describe('openWorkspaceStorage: another tab upgrades the database', () => {
  it('closes this connection for good and calls onVersionChange once', async () => {
    const name = uniqueName();
    const onVersionChange = vi.fn();
    const warn = vi.spyOn(console, 'warn');
    const result = await openWorkspaceStorage({ name, onVersionChange });
    if (!result.ok) throw new Error(result.message);
    const newer = await openNewerTab(name);
    expect(newer.verno).toBe(LATEST + 1);
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(result.db.isOpen()).toBe(false);
    await expect(result.db.settings.get('workspace')).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(warn).not.toHaveBeenCalled();
    await newer.delete();
  });
});

describe('openWorkspaceStorage: storage unavailable', () => {
  it('explains a browser that refuses storage (private browsing) without throwing', async () => {
    const indexedDB = refusingIndexedDB(
      'SecurityError',
      'The user denied permission to access the database.',
    );
    const result = await openWorkspaceStorage({ name: uniqueName(), onVersionChange: ignore, indexedDB });
    expect(result).toEqual({ ok: false, reason: 'unavailable', message: STORAGE_MESSAGES.unavailable });
    if (!result.ok) expect(result.message).toContain('private');
  });

  it('explains a browser with no IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const result = await openWorkspaceStorage({ onVersionChange: ignore });
    expect(result).toEqual({ ok: false, reason: 'unavailable', message: STORAGE_MESSAGES.unavailable });
  });

  it('explains a browser that throws on reading indexedDB (site data blocked)', async () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!;
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const result = await openWorkspaceStorage({ onVersionChange: ignore });
      expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', original);
    }
  });

  it('reports any other failure with the error’s name', async () => {
    const indexedDB = refusingIndexedDB('AbortError', 'The open was aborted.');
    const result = await openWorkspaceStorage({ name: uniqueName(), onVersionChange: ignore, indexedDB });
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    if (!result.ok) expect(result.message).toContain('(AbortError: The open was aborted.)');
  });
});

describe('openWorkspaceStorage: an older tab holds the database', () => {
  // Dexie warns on the console that the upgrade is blocked; that is expected here.
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(ignore);
  });

  it('reports being blocked by a tab that does not let go, and completes once it does', async () => {
    const name = uniqueName();
    const old = await openOlderTab(name, ignore);
    const db = openWorkbookDatabase(name);
    const onVersionChange = vi.fn();
    const result = await openWorkspaceStorage(db, { onVersionChange, blockedAfterMs: 50 });
    expect(result).toEqual({ ok: false, reason: 'blocked', message: STORAGE_MESSAGES.blocked });
    if (!result.ok) expect(result.message).toContain('Close the other tabs of Readiness Workbook');
    old.close();
    await vi.waitFor(() => expect(db.isOpen()).toBe(true));
    expect(db.verno).toBe(LATEST);
    const newer = await openNewerTab(name);
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    await newer.delete();
  });

  it('opens normally when the other tab lets go within the wait', async () => {
    const name = uniqueName();
    await openOlderTab(name, (old) => setTimeout(() => old.close(), 30));
    const result = await openWorkspaceStorage({ name, onVersionChange: ignore, blockedAfterMs: 2000 });
    expect(result.ok).toBe(true);
    if (result.ok) await result.db.delete();
  });
});

describe('describeOpenError', () => {
  it.each(['MissingAPIError', 'InvalidStateError', 'SecurityError', 'InvalidAccessError'])(
    '%s means storage is unavailable in this window',
    (name) => {
      expect(describeOpenError(Object.assign(new Error('x'), { name }))).toEqual({
        ok: false,
        reason: 'unavailable',
        message: STORAGE_MESSAGES.unavailable,
      });
    },
  );

  it('looks inside Dexie’s wrapper for the browser’s reason', () => {
    const wrapped = Object.assign(new Error('open failed'), {
      name: 'OpenFailedError',
      inner: { name: 'InvalidStateError' },
    });
    expect(describeOpenError(wrapped)).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('says when the disk is full', () => {
    const full = describeOpenError(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    expect(full).toMatchObject({ ok: false, reason: 'failed' });
    expect(full.message).toContain('no storage space left');
  });

  it('names anything else, and warns against clearing browser data', () => {
    const other = describeOpenError(Object.assign(new Error('disk on fire'), { name: 'UnknownError' }));
    expect(other).toMatchObject({ ok: false, reason: 'failed' });
    expect(other.message).toContain('(UnknownError: disk on fire)');
    expect(other.message).toContain('do not clear the browser’s data');
    expect(describeOpenError('odd').message).toContain('(Error: odd)');
  });
});
