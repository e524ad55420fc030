import { describe, expect, it } from 'vitest';
import { frameworksRepository } from '../../src/storage/repositories/frameworks-repository';
import { useFreshDatabase } from './fresh-database';
import { minimalFramework } from './minimal-framework';

const database = useFreshDatabase('frameworks');

const details = (fileName: string) => ({
  fileName,
  importedBy: 'Test User',
  importedAt: '2025-06-01T09:00:00.000Z',
});

describe('frameworks repository', () => {
  it('stores an imported framework under its id and version', async () => {
    const repo = frameworksRepository(database());
    const framework = minimalFramework();
    expect(await repo.addImportedFramework(framework, details('adapted.json'))).toBe(true);
    expect(await repo.listImportedFrameworks()).toEqual([
      { key: 't@1', frameworkId: 't', version: 1, framework, ...details('adapted.json') },
    ]);
  });

  it('refuses the same id and version again and keeps the first one unchanged', async () => {
    const repo = frameworksRepository(database());
    await repo.addImportedFramework(minimalFramework(), details('first.json'));
    const again = minimalFramework({ title: 'A different body under the same key' });
    expect(await repo.addImportedFramework(again, details('second.json'))).toBe(false);
    const [stored, ...others] = await repo.listImportedFrameworks();
    expect(others).toEqual([]);
    expect(stored).toMatchObject({ fileName: 'first.json', framework: { title: 'T' } });
  });

  it('keeps versions of one framework side by side, listed by key', async () => {
    const repo = frameworksRepository(database());
    await repo.addImportedFramework(minimalFramework({ version: 2 }), details('v2.json'));
    await repo.addImportedFramework(minimalFramework(), details('v1.json'));
    expect((await repo.listImportedFrameworks()).map((f) => f.key)).toEqual(['t@1', 't@2']);
  });
});
