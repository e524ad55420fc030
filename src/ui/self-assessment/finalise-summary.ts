/*
 * What a cycle's "Check your answers" step totals, from the judgement overview's own figures
 * (domain/self-assessment/cycle-overview.ts), so the step and the overview can never disagree.
 */
import type { CycleOverview } from '../../domain/self-assessment/types';

export interface FinaliseSummary {
  criteria: number;
  graded: number;
  notApplicable: number;
  judgements: number;
  agreed: number;
  /** Judgements whose self-evaluation answers are all written. */
  narrativesWritten: number;
}

export function summariseForFinal(overview: CycleOverview): FinaliseSummary {
  const summary: FinaliseSummary = {
    criteria: 0,
    graded: 0,
    notApplicable: 0,
    judgements: overview.rows.length,
    agreed: 0,
    narrativesWritten: 0,
  };
  for (const row of overview.rows) {
    summary.criteria += row.criteriaTotal;
    summary.graded += row.criteriaGraded;
    summary.notApplicable += row.criteriaDone - row.criteriaGraded;
    if (row.agreedLevelId) summary.agreed += 1;
    if (row.narrative === 'written') summary.narrativesWritten += 1;
  }
  return summary;
}
