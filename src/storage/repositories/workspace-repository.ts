/*
 * Whole-workspace operations: is there anything here yet, and filling an empty workspace with the
 * example council. Never writes over existing work: a workspace with any record, even a deleted one
 * that could be restored, is not empty, and settings the user filled in win over the example's.
 */
import type { WorkspaceContent } from '../../domain/workspace/records';
import type { WorkbookDatabase } from '../db';
import { storedObject } from './settings-repository';
import { plainCopy } from './stamp';

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
    db.indicators,
    db.rehearsals,
    db.notificationItems,
  ];
  return {
    async isEmpty(): Promise<boolean> {
      const counts = await Promise.all(recordTables.map((t) => t.count()));
      return counts.every((c) => c === 0);
    },

    /** Adds the example workspace if, and only if, the workspace holds no records. */
    async addExampleWorkspace(content: WorkspaceContent, updatedBy: string): Promise<boolean> {
      const plain = plainCopy(content);
      return db.transaction('rw', [...recordTables, db.settings], async () => {
        const counts = await Promise.all(recordTables.map((t) => t.count()));
        if (counts.some((c) => c > 0)) return false;
        await addRecords(db, plain);
        const existing = await db.settings.get('workspace');
        await db.settings.put({
          key: 'workspace',
          value: withFilledIn(plain.settings, storedObject(existing?.value)),
          updatedAt: plain.cycles[0]?.updatedAt ?? '',
          updatedBy,
        });
        return true;
      });
    },
  };
}

async function addRecords(db: WorkbookDatabase, content: WorkspaceContent): Promise<void> {
  await db.cycles.bulkAdd(content.cycles);
  await db.criterionAssessments.bulkAdd(content.criterionAssessments);
  await db.judgementAssessments.bulkAdd(content.judgementAssessments);
  await db.narratives.bulkAdd(content.narratives);
  await db.evidence.bulkAdd(content.evidence);
  await db.actions.bulkAdd(content.actions);
  await db.recommendations.bulkAdd(content.recommendations);
  await db.auditRounds.bulkAdd(content.auditRounds ?? []);
  await db.caseAudits.bulkAdd(content.caseAudits ?? []);
}

/** The example's settings, except where the stored ones say something: a non-empty text. */
function withFilledIn(example: object, stored: Record<string, unknown>): Record<string, unknown> {
  const filledIn = Object.entries(stored).filter(([, value]) => typeof value === 'string' && value !== '');
  return { ...stored, ...example, ...Object.fromEntries(filledIn) };
}

export type WorkspaceRepository = ReturnType<typeof workspaceRepository>;
