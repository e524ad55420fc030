/*
 * The shapes the self-assessment domain hands to the UI, exports and rehearsal: proposals from
 * criteria, the judgement overview, readiness checks and the year-on-year comparison. Plain data only.
 */
import type { RuleFinding } from '../judgements/evaluate';

/** A judgement's proposal from the grades of its own criteria (cautious: the lower median). */
export interface CriteriaProposal {
  judgementId: string;
  /** Proposed level id, or null while no criterion is graded. */
  levelId: string | null;
  /** Criteria of this judgement (not applicable ones included). */
  total: number;
  /** Criteria with a grade on the scale. */
  graded: number;
  notApplicable: number;
  /** Level id → number of criteria graded at that level. */
  counts: Record<string, number>;
  /** Plain English, e.g. "Proposed Requires improvement to be good because 4 of 7 graded criteria are … including HP2 The front door." */
  explanation: string;
}

export type NarrativeState = 'not-started' | 'in-progress' | 'written';

export interface JudgementRow {
  judgementId: string;
  title: string;
  /** From its criteria for judgements that have criteria; from the rules for derived ones (overall). */
  proposal: { levelId: string | null; explanation: string; source: 'criteria' | 'rules' };
  agreedLevelId?: string;
  rationale: string;
  /** The agreed grade differs from a proposal and no rationale is written. */
  rationaleMissing: boolean;
  criteriaTotal: number;
  criteriaGraded: number;
  /** Criteria graded or marked not applicable. */
  criteriaDone: number;
  narrative: NarrativeState;
  /** Rule findings that name this judgement. */
  findings: RuleFinding[];
}

export interface CycleOverview {
  rows: JudgementRow[];
  /** All rule findings over the agreed grades. */
  findings: RuleFinding[];
}

export type ReadinessCheckCode =
  | 'good-without-evidence'
  | 'only-stale-evidence'
  | 'judgement-better-than-criteria'
  | 'judgement-breaks-rule'
  | 'overdue-action'
  | 'recommendation-without-action'
  | 'never-graded'
  | 'graded-better-than-audits'
  | 'indicator-off-target'
  | 'lower-than-last-inspection'
  | 'weak-at-last-inspection-not-agreed'
  | 'weak-at-last-inspection-no-action';

export interface ReadinessCheck {
  code: ReadinessCheckCode;
  severity: 'error' | 'warning';
  /** Plain UK English, in Ofsted's terms. */
  message: string;
  judgementId?: string;
  criterionId?: string;
  actionId?: string;
  recommendationId?: string;
}

export type ChangeDirection = 'up' | 'down' | 'same' | 'newly-graded' | 'no-longer-graded';

export interface GradeChange {
  /** Criterion or judgement id in the current cycle's framework. */
  id: string;
  kind: 'criterion' | 'judgement';
  from?: string;
  to?: string;
  direction: ChangeDirection;
}

export interface ChangesSinceLastYear {
  grades: GradeChange[];
  /** Evidence dated within the current cycle's year and linked in it, not linked last year. */
  newEvidenceIds: string[];
  /** Evidence linked last year and no longer linked this year. */
  retiredEvidenceIds: string[];
  /** Actions completed since last year's cycle began. */
  closedActionIds: string[];
}
