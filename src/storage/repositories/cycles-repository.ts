/*
 * Assessment cycles and what belongs to one: criterion and judgement assessments and narratives.
 * A final cycle is locked: every write to it is refused here, whatever the UI allowed.
 * Writes of several records happen in one transaction.
 */
import type {
  AssessmentCycle,
  CriterionAssessment,
  CycleBundle,
  JudgementAssessment,
  Narrative,
} from '../../domain/workspace/records';
import type { WorkbookDatabase } from '../db';
import { isLive, stamp, type Author } from './stamp';

export type { CycleBundle };

export class CycleLockedError extends Error {
  override name = 'CycleLockedError';
  constructor(cycleId: string) {
    super(`Assessment cycle ${cycleId} is final and cannot be changed`);
  }
}

export function cyclesRepository(db: WorkbookDatabase) {
  async function assertOpen(cycleId: string) {
    const cycle = await db.cycles.get(cycleId);
    if (!cycle || cycle.deletedAt) throw new Error(`No assessment cycle ${cycleId}`);
    if (cycle.status === 'final') throw new CycleLockedError(cycleId);
  }

  const cycleTables = [db.cycles, db.criterionAssessments, db.judgementAssessments, db.narratives];

  return {
    async listCycles(): Promise<AssessmentCycle[]> {
      return (await db.cycles.orderBy('startYear').reverse().toArray()).filter(isLive);
    },

    async loadCycle(cycleId: string): Promise<CycleBundle | undefined> {
      return db.transaction('r', cycleTables, async () => {
        const cycle = await db.cycles.get(cycleId);
        if (!cycle || cycle.deletedAt) return undefined;
        const [criterionAssessments, judgementAssessments, narratives] = await Promise.all([
          db.criterionAssessments.where('cycleId').equals(cycleId).toArray(),
          db.judgementAssessments.where('cycleId').equals(cycleId).toArray(),
          db.narratives.where('cycleId').equals(cycleId).toArray(),
        ]);
        return {
          cycle,
          criterionAssessments: criterionAssessments.filter(isLive),
          judgementAssessments: judgementAssessments.filter(isLive),
          narratives: narratives.filter(isLive),
        };
      });
    },

    /** Adds a new cycle with everything carried into it, all or nothing. */
    async addCycle(bundle: CycleBundle): Promise<void> {
      await db.transaction('rw', cycleTables, async () => {
        await db.cycles.add(bundle.cycle);
        await db.criterionAssessments.bulkAdd(bundle.criterionAssessments);
        await db.judgementAssessments.bulkAdd(bundle.judgementAssessments);
        await db.narratives.bulkAdd(bundle.narratives);
      });
    },

    async saveCriterionAssessment(record: CriterionAssessment, author: Author): Promise<CriterionAssessment> {
      return db.transaction('rw', db.cycles, db.criterionAssessments, async () => {
        await assertOpen(record.cycleId);
        const saved = stamp(record, author);
        await db.criterionAssessments.put(saved);
        return saved;
      });
    },

    async saveJudgementAssessment(record: JudgementAssessment, author: Author): Promise<JudgementAssessment> {
      return db.transaction('rw', db.cycles, db.judgementAssessments, async () => {
        await assertOpen(record.cycleId);
        const saved = stamp(record, author);
        await db.judgementAssessments.put(saved);
        return saved;
      });
    },

    async saveNarrative(record: Narrative, author: Author): Promise<Narrative> {
      return db.transaction('rw', db.cycles, db.narratives, async () => {
        await assertOpen(record.cycleId);
        const saved = stamp(record, author);
        await db.narratives.put(saved);
        return saved;
      });
    },

    /** Marks a cycle final, which locks it. The caller has checked that nothing blocks it. */
    async finaliseCycle(cycleId: string, author: Author): Promise<AssessmentCycle> {
      return db.transaction('rw', db.cycles, async () => {
        await assertOpen(cycleId);
        const cycle = (await db.cycles.get(cycleId))!;
        const saved = stamp(
          { ...cycle, status: 'final' as const, finalisedAt: author.now, finalisedBy: author.by },
          author,
        );
        await db.cycles.put(saved);
        return saved;
      });
    },
  };
}

export type CyclesRepository = ReturnType<typeof cyclesRepository>;
