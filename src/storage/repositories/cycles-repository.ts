/*
 * Assessment cycles and what belongs to one: criterion and judgement assessments and narratives.
 * A final cycle is locked: every write to it, or moving a record out of it, is refused here,
 * whatever the UI allowed; so is finalising an incomplete cycle, checked against what is stored.
 * Reopening needs a reason and is kept in the cycle's history. Multi-record writes are one transaction.
 */
import type { Table } from 'dexie';
import type { Framework } from '../../domain/framework/types';
import { finalisedCycle, reopenedCycle } from '../../domain/self-assessment/cycle-status';
import { computeMissingForFinal, type MissingForFinal } from '../../domain/self-assessment/finalise-check';
import type {
  AssessmentCycle,
  CriterionAssessment,
  CycleBundle,
  JudgementAssessment,
  Narrative,
} from '../../domain/workspace/records';
import type { WorkbookDatabase } from '../db';
import { isLive, plainCopy, stamp, type Author } from './stamp';

export type { CycleBundle };

export class CycleLockedError extends Error {
  override name = 'CycleLockedError';
  constructor(cycleId: string) {
    super(`Assessment cycle ${cycleId} is final and cannot be changed`);
  }
}

/** Finalising was refused because the stored cycle is not complete; `missing` says what is missing. */
export class CycleIncompleteError extends Error {
  override name = 'CycleIncompleteError';
  constructor(
    cycleId: string,
    readonly missing: MissingForFinal[],
  ) {
    super(
      `Assessment cycle ${cycleId} is not complete (${missing.length} missing) and cannot be marked final`,
    );
  }
}

type CycleRecord = CriterionAssessment | JudgementAssessment | Narrative;

export function cyclesRepository(db: WorkbookDatabase) {
  /** The cycle, if it exists, is not deleted and is still a draft; throws otherwise. */
  async function openCycle(cycleId: string): Promise<AssessmentCycle> {
    const cycle = await db.cycles.get(cycleId);
    if (!cycle || cycle.deletedAt) throw new Error(`No assessment cycle ${cycleId}`);
    if (cycle.status === 'final') throw new CycleLockedError(cycleId);
    return cycle;
  }

  /** Checks the cycle the record is saved into and, if it was stored in another, that one too. */
  /**
   * `fields`, when given, are the ones this edit changed: only they are written over the stored record,
   * so two tabs editing different fields of one record both keep their change. History is merged.
   */
  async function saveIntoOpenCycle<T extends CycleRecord>(
    table: Table<T, string>,
    record: T,
    author: Author,
    fields?: readonly (keyof T)[],
  ): Promise<T> {
    const edited = stamp(record, author);
    return db.transaction('rw', db.cycles, table, async () => {
      await openCycle(edited.cycleId);
      const stored = await table.get(edited.id);
      if (stored && stored.cycleId !== edited.cycleId) await openCycle(stored.cycleId);
      const saved = stored && fields ? mergeFields(stored, edited, fields) : edited;
      await table.put(saved);
      return saved;
    });
  }

  const cycleTables = [db.cycles, db.criterionAssessments, db.judgementAssessments, db.narratives];

  async function liveRecordsOf(cycleId: string) {
    const [criterionAssessments, judgementAssessments, narratives] = await Promise.all([
      db.criterionAssessments.where('cycleId').equals(cycleId).toArray(),
      db.judgementAssessments.where('cycleId').equals(cycleId).toArray(),
      db.narratives.where('cycleId').equals(cycleId).toArray(),
    ]);
    return {
      criterionAssessments: criterionAssessments.filter(isLive),
      judgementAssessments: judgementAssessments.filter(isLive),
      narratives: narratives.filter(isLive),
    };
  }

  return {
    async listCycles(): Promise<AssessmentCycle[]> {
      return (await db.cycles.orderBy('startYear').reverse().toArray()).filter(isLive);
    },

    async loadCycle(cycleId: string): Promise<CycleBundle | undefined> {
      return db.transaction('r', cycleTables, async () => {
        const cycle = await db.cycles.get(cycleId);
        if (!cycle || cycle.deletedAt) return undefined;
        return { cycle, ...(await liveRecordsOf(cycleId)) };
      });
    },

    /** Adds a new cycle with everything carried into it, all or nothing. */
    async addCycle(bundle: CycleBundle): Promise<void> {
      const plain = plainCopy(bundle);
      assertOneCycle(plain);
      await db.transaction('rw', cycleTables, async () => {
        await db.cycles.add(plain.cycle);
        await db.criterionAssessments.bulkAdd(plain.criterionAssessments);
        await db.judgementAssessments.bulkAdd(plain.judgementAssessments);
        await db.narratives.bulkAdd(plain.narratives);
      });
    },

    async saveCriterionAssessment(
      record: CriterionAssessment,
      author: Author,
      fields?: readonly (keyof CriterionAssessment)[],
    ): Promise<CriterionAssessment> {
      return saveIntoOpenCycle(db.criterionAssessments, record, author, fields);
    },

    async saveJudgementAssessment(record: JudgementAssessment, author: Author): Promise<JudgementAssessment> {
      return saveIntoOpenCycle(db.judgementAssessments, record, author);
    },

    async saveNarrative(record: Narrative, author: Author): Promise<Narrative> {
      return saveIntoOpenCycle(db.narratives, record, author);
    },

    /**
     * Marks a cycle final, which locks it, recording who and when in its history. `framework` is the
     * version the cycle is pinned to; the stored records must be complete against it, or
     * CycleIncompleteError is thrown and nothing changes.
     */
    async finaliseCycle(cycleId: string, framework: Framework, author: Author): Promise<AssessmentCycle> {
      return db.transaction('rw', cycleTables, async () => {
        const cycle = await openCycle(cycleId);
        if (cycle.frameworkId !== framework.id || cycle.frameworkVersion !== framework.version) {
          throw new Error(
            `Assessment cycle ${cycleId} is pinned to ${cycle.frameworkId} version ${cycle.frameworkVersion}, not ${framework.id} version ${framework.version}`,
          );
        }
        const missing = computeMissingForFinal(framework, await liveRecordsOf(cycleId));
        if (missing.length) throw new CycleIncompleteError(cycleId, missing);
        const saved = stamp(finalisedCycle(cycle, author), author);
        await db.cycles.put(saved);
        return saved;
      });
    },

    /** Makes a final cycle a draft again, recording who, when and why; a blank reason is refused. */
    async reopenCycle(cycleId: string, reason: string, author: Author): Promise<AssessmentCycle> {
      return db.transaction('rw', db.cycles, async () => {
        const cycle = await db.cycles.get(cycleId);
        if (!cycle || cycle.deletedAt) throw new Error(`No assessment cycle ${cycleId}`);
        const result = reopenedCycle(cycle, reason, author);
        if (!result.ok) {
          throw new Error(
            result.problem === 'not-final'
              ? `Assessment cycle ${cycleId} is not final, so it cannot be reopened`
              : `A reason is needed to reopen assessment cycle ${cycleId}`,
          );
        }
        const saved = stamp(result.cycle, author);
        // put, not update: the finalisation fields reopening removed must go from the stored record too.
        await db.cycles.put(saved);
        return saved;
      });
    },
  };
}

/** A bundle's records all belong to its cycle, so adding one can never reach into another cycle. */
function assertOneCycle({ cycle, criterionAssessments, judgementAssessments, narratives }: CycleBundle) {
  const records = [...criterionAssessments, ...judgementAssessments, ...narratives];
  const stray = records.find((record) => record.cycleId !== cycle.id);
  if (stray) throw new Error(`Record ${stray.id} belongs to cycle ${stray.cycleId}, not to ${cycle.id}`);
}

export type CyclesRepository = ReturnType<typeof cyclesRepository>;

function mergeFields<T extends CycleRecord>(stored: T, edited: T, fields: readonly (keyof T)[]): T {
  const merged: T = { ...stored, updatedAt: edited.updatedAt, updatedBy: edited.updatedBy };
  for (const field of fields) merged[field] = edited[field];
  const history = (r: T) => (r as { history?: unknown[] }).history;
  const storedHistory = history(stored);
  const editedHistory = history(edited);
  if (Array.isArray(storedHistory) && Array.isArray(editedHistory)) {
    const seen = new Set(storedHistory.map((h) => JSON.stringify(h)));
    (merged as { history?: unknown[] }).history = [
      ...storedHistory,
      ...editedHistory.filter((h) => !seen.has(JSON.stringify(h))),
    ];
  }
  return merged;
}
