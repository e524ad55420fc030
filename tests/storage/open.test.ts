import { describe, expect, it, vi } from 'vitest';
import { openWorkbookDatabase } from '../../src/storage/db';
import { describeOpenError, openWorkspaceStorage } from '../../src/storage/open';

describe('openWorkspaceStorage', () => {
  it('opens the database', async () => {
    const db = openWorkbookDatabase(`open-${crypto.randomUUID()}`);
    const result = await openWorkspaceStorage(db, { onVersionChange: () => undefined });
    expect(result.ok).toBe(true);
    await db.delete();
  });

  it('closes and asks for a reload when another tab upgrades the database', async () => {
    const name = `open-${crypto.randomUUID()}`;
    const db = openWorkbookDatabase(name);
    const onVersionChange = vi.fn();
    await openWorkspaceStorage(db, { onVersionChange });
    const newer = indexedDB.open(name, Math.round(db.verno * 10) + 10);
    await new Promise((resolve, reject) => {
      newer.onsuccess = resolve;
      newer.onerror = reject;
    });
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);
    newer.result.close();
    indexedDB.deleteDatabase(name);
  });

  it('explains a browser that refuses storage (private browsing) without throwing', async () => {
    const refusing = {
      open() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const db = openWorkbookDatabase(`open-${crypto.randomUUID()}`, { indexedDB: refusing, IDBKeyRange });
    const result = await openWorkspaceStorage(db, { onVersionChange: () => undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('unavailable');
      expect(result.message).toContain('private');
    }
  });

  it('reports being blocked by an older tab that does not let go', async () => {
    const name = `open-${crypto.randomUUID()}`;
    const old = indexedDB.open(name, 1);
    await new Promise((resolve) => (old.onsuccess = resolve));
    // The old tab ignores versionchange and keeps its connection open.
    const result = await openWorkspaceStorage(openWorkbookDatabase(name), {
      onVersionChange: () => undefined,
    });
    expect(result).toMatchObject({ ok: false, reason: 'blocked' });
    if (!result.ok) expect(result.message).toContain('Close the other tabs');
    old.result.close();
  });
});

describe('describeOpenError', () => {
  it('looks inside Dexie’s wrapper for the browser’s reason', () => {
    const wrapped = Object.assign(new Error('open failed'), {
      name: 'OpenFailedError',
      inner: { name: 'InvalidStateError' },
    });
    expect(describeOpenError(wrapped)).toMatchObject({ ok: false, reason: 'unavailable' });
    const other = describeOpenError(Object.assign(new Error('disk on fire'), { name: 'UnknownError' }));
    expect(other).toMatchObject({ ok: false, reason: 'failed' });
    if (!other.ok) expect(other.message).toContain('UnknownError: disk on fire');
  });
});
