/*
 * Whole-workspace operations: is there anything here yet, and filling an empty workspace with the
 * example council. Never writes over existing work.
 */
import type { WorkspaceContent } from '../../domain/workspace/records';
import type { WorkbookDatabase } from '../db';

export type { WorkspaceContent };

export function workspaceRepository(db: WorkbookDatabase) {
  const recordTables = [
    db.cycles,
    db.criterionAssessments,
    db.judgementAssessments,
    db.narratives,
    db.evidence,
    db.actions,
    db.recommendations,
    db.auditRounds,
    db.caseAudits,
    db.moderations,
  ];
  return {
    async isEmpty(): Promise<boolean> {
      const counts = await Promise.all(recordTables.map((t) => t.count()));
      return counts.every((c) => c === 0);
    },

    /** Adds the example workspace if, and only if, the workspace holds no records. */
    async addExampleWorkspace(content: WorkspaceContent, updatedBy: string): Promise<boolean> {
      return db.transaction('rw', [...recordTables, db.settings], async () => {
        const counts = await Promise.all(recordTables.map((t) => t.count()));
        if (counts.some((c) => c > 0)) return false;
        await db.cycles.bulkAdd(content.cycles);
        await db.criterionAssessments.bulkAdd(content.criterionAssessments);
        await db.judgementAssessments.bulkAdd(content.judgementAssessments);
        await db.narratives.bulkAdd(content.narratives);
        await db.evidence.bulkAdd(content.evidence);
        await db.actions.bulkAdd(content.actions);
        await db.recommendations.bulkAdd(content.recommendations);
        const existing = await db.settings.get('workspace');
        const value = { ...content.settings, ...((existing?.value as object | undefined) ?? {}) };
        await db.settings.put({
          key: 'workspace',
          value,
          updatedAt: content.cycles[0]?.updatedAt ?? '',
          updatedBy,
        });
        return true;
      });
    },
  };
}

export type WorkspaceRepository = ReturnType<typeof workspaceRepository>;
