/*
 * A cycle's status over time: marked final (locked), reopened with a reason (a draft again), final
 * again. Every change is kept in the cycle's `statusHistory`, oldest first, so an earlier finalisation
 * is never lost; cycles finalised before the history existed count their `finalisedAt` as its start.
 */
import type { AssessmentCycle, Author, CycleStatusChange } from '../workspace/records';

/** The cycle's status changes, oldest first, including a finalisation recorded only in `finalisedAt`. */
export function statusHistoryOf(
  cycle: Pick<AssessmentCycle, 'statusHistory' | 'finalisedAt' | 'finalisedBy'>,
): CycleStatusChange[] {
  const history = cycle.statusHistory ?? [];
  const { finalisedAt } = cycle;
  if (!finalisedAt || history.some((h) => h.change === 'finalised' && h.at === finalisedAt)) return history;
  const untracked: CycleStatusChange = { at: finalisedAt, by: cycle.finalisedBy ?? '', change: 'finalised' };
  return [...history, untracked].sort((a, b) => a.at.localeCompare(b.at));
}

/** The cycle marked final by `author`; the caller has checked it is complete (see finalise-check.ts). */
export function finalisedCycle(cycle: AssessmentCycle, author: Author): AssessmentCycle {
  return {
    ...cycle,
    status: 'final',
    finalisedAt: author.now,
    finalisedBy: author.by,
    statusHistory: [...statusHistoryOf(cycle), { at: author.now, by: author.by, change: 'finalised' }],
  };
}

export type ReopenProblem = 'reason-required' | 'not-final';

export type ReopenResult = { ok: true; cycle: AssessmentCycle } | { ok: false; problem: ReopenProblem };

/** A final cycle made a draft again, with who reopened it, when and why; a reason is required. */
export function reopenedCycle(cycle: AssessmentCycle, reason: string, author: Author): ReopenResult {
  if (cycle.status !== 'final') return { ok: false, problem: 'not-final' };
  const why = reason.trim();
  if (why === '') return { ok: false, problem: 'reason-required' };
  const change: CycleStatusChange = { at: author.now, by: author.by, change: 'reopened', reason: why };
  const draft: AssessmentCycle = {
    ...cycle,
    status: 'draft',
    statusHistory: [...statusHistoryOf(cycle), change],
  };
  // A draft has no current finalisation: "final on …" must not show for it anywhere.
  delete draft.finalisedAt;
  delete draft.finalisedBy;
  return { ok: true, cycle: draft };
}
