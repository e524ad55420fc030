/*
 * Imported frameworks: added beside each other by id and version, never overwritten or changed.
 */
import type { Framework } from '../../domain/framework/types';
import { frameworkKey } from '../../domain/framework/lookup';
import type { StoredFramework, WorkbookDatabase } from '../db';

export function frameworksRepository(db: WorkbookDatabase) {
  return {
    async listImportedFrameworks(): Promise<StoredFramework[]> {
      return db.frameworks.orderBy('key').toArray();
    },

    /** Adds a framework version; refuses (returns false) if that id and version is already stored. */
    async addImportedFramework(
      framework: Framework,
      details: { fileName: string; importedBy: string; importedAt: string },
    ): Promise<boolean> {
      const key = frameworkKey(framework);
      return db.transaction('rw', db.frameworks, async () => {
        if (await db.frameworks.get(key)) return false;
        await db.frameworks.add({
          key,
          frameworkId: framework.id,
          version: framework.version,
          framework,
          ...details,
        });
        return true;
      });
    },
  };
}

export type FrameworksRepository = ReturnType<typeof frameworksRepository>;
