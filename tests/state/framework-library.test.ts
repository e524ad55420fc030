/*
 * The library reads the shipped framework files once (a restore reloads the library, and checking five
 * framework files again would only delay the pages), but reads the imported ones every time.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/domain/framework/types';
import { FrameworkLibraryManager } from '../../src/state/framework-library.svelte';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { frameworksRepository } from '../../src/storage/repositories/frameworks-repository';

let db: WorkbookDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function library(fetchBytes: (path: string) => Promise<Uint8Array>) {
  db = openWorkbookDatabase(`library-${crypto.randomUUID()}`);
  const repository = frameworksRepository(db);
  return { manager: new FrameworkLibraryManager(repository, fetchBytes), repository };
}

const shippedFile = async (path: string) => new Uint8Array(readFileSync(`public/${path}`));
const council = (): Framework => ({
  ...(JSON.parse(readFileSync('tests/fixtures/frameworks/minimal.json', 'utf8')) as Framework),
  id: 'council-own',
});
const DETAILS = { fileName: 'own.json', importedBy: 'Ann Example', importedAt: '2026-12-04T10:00:00.000Z' };

describe('the framework library', () => {
  it('checks the shipped files once, and reads the imported frameworks again on each load', async () => {
    const fetched: string[] = [];
    const { manager, repository } = library(async (path) => {
      fetched.push(path);
      return shippedFile(path);
    });
    await manager.load();
    const shipped = manager.entries.filter((e) => e.origin === 'shipped');
    expect(shipped.length).toBeGreaterThan(3);
    const files = fetched.length;

    // A restore writes an imported framework behind the library's back, then reloads it.
    await repository.addImportedFramework(council(), DETAILS);
    await manager.load();
    expect(fetched).toHaveLength(files);
    expect(manager.entries.filter((e) => e.origin === 'imported').map((e) => e.framework.id)).toEqual([
      'council-own',
    ]);
    // The same checked objects: nothing was read or checked again.
    expect(manager.entries.filter((e) => e.origin === 'shipped').map((e) => e.framework)).toEqual(
      shipped.map((e) => e.framework),
    );
    for (const [i, entry] of manager.entries.filter((e) => e.origin === 'shipped').entries())
      expect(entry.framework).toBe(shipped[i]!.framework);
  });

  it('tries the shipped files again after a read that failed', async () => {
    let offline = true;
    const { manager } = library(async (path) => {
      if (offline) throw new TypeError('Failed to fetch');
      return shippedFile(path);
    });
    await manager.load();
    expect(manager.entries).toEqual([]);
    expect(manager.problems[0]).toContain('could not be read');
    offline = false;
    await manager.load();
    expect(manager.entries.filter((e) => e.origin === 'shipped').length).toBeGreaterThan(3);
    expect(manager.problems).toEqual([]);
  });
});
