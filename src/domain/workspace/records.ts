/*
 * The records a workspace keeps (design.md §3). Every stored record carries an id (UUID), timestamps,
 * who changed it last and an optional soft-delete mark, so undo, merge and a later sync can work.
 * Grades are scale level ids, or NOT_YET_GRADED / NOT_APPLICABLE.
 */
import type { AuditRound, CaseAudit } from '../case-audit/records';
import type { HistoryEntry, RecordMeta } from './record-meta';
import type {
  ActionStatus,
  Confidence,
  CycleStatus,
  CycleStatusChangeKind,
  EvidenceType,
  RagBand,
  RecommendationSource,
  WorkflowStatus,
} from './vocabulary';

export type { Author, HistoryEntry, RecordMeta } from './record-meta';

export interface Settings {
  councilName: string;
  userName: string;
  protectiveMarking: string;
  /** A small PNG or JPEG as a data: URL, printed on exports. */
  logoDataUrl?: string;
  lastBackupAt?: string;
  /** yyyy-mm-dd: the day the lead inspector called (or the day being rehearsed), for the notification-week plan. */
  inspectionCallDate?: string;
  /** yyyy-mm-dd: the first day on site, when it is not the usual one for the kind of inspection. */
  inspectionOnSiteDate?: string;
  /**
   * The kind of inspection the notification week is planned for (an InspectionType of
   * domain/rehearsal/inspection-rhythm.ts); kept as text and checked when read, so an unknown one falls
   * back to the framework's usual kind.
   */
  inspectionType?: string;
}

/** Something from last year's cycle that could not be mapped to this year's framework; kept, never dropped. */
export interface ArchivedItem {
  kind: 'criterion-assessment' | 'judgement-assessment' | 'narrative';
  oldId: string;
  title: string;
  record: Record<string, unknown>;
}

/** A cycle marked final, or reopened (with the reason given), by whom and when. */
export interface CycleStatusChange {
  at: string;
  by: string;
  change: CycleStatusChangeKind;
  /** Why a final cycle was reopened; required for a reopening. */
  reason?: string;
}

export interface AssessmentCycle extends RecordMeta {
  frameworkId: string;
  frameworkVersion: number;
  /** April-to-March year by its first calendar year: 2025 for 2025–26. */
  startYear: number;
  status: CycleStatus;
  /** The latest finalisation, while the cycle is final; earlier ones are in `statusHistory`. */
  finalisedAt?: string;
  finalisedBy?: string;
  /** Every finalisation and reopening, oldest first. Absent on cycles that were never finalised. */
  statusHistory?: CycleStatusChange[];
  previousCycleId?: string;
  archive: ArchivedItem[];
}

export interface CriterionAssessment extends RecordMeta {
  cycleId: string;
  criterionId: string;
  /** A scale level id, NOT_YET_GRADED or NOT_APPLICABLE. */
  grade: string;
  confidence?: Confidence;
  strengths: string;
  areasForDevelopment: string;
  status: WorkflowStatus;
  assignee: string;
  evidenceIds: string[];
  /** Carried forward from last year and not yet looked at again. */
  toReEvaluate: boolean;
  history: HistoryEntry[];
  /** Review and sign-off (domain/self-assessment/review.ts); absent on criteria never sent for review. */
  review?: CriterionReview;
}

/**
 * The latest request for review of a criterion and its outcome. Signed off while `signedOffBy` is set;
 * `sentBack` keeps the reviewer's comment until the criterion is sent for review again.
 */
export interface CriterionReview {
  /** Absent when it was sent for review before review was recorded (an older workspace). */
  requestedBy?: string;
  requestedAt?: string;
  signedOffBy?: string;
  signedOffAt?: string;
  sentBack?: { by: string; at: string; comment: string };
}

export interface JudgementAssessment extends RecordMeta {
  cycleId: string;
  judgementId: string;
  /** The grade the team agreed; the proposal is always derived, never stored. */
  agreedGrade?: string;
  /** Required when the agreed grade differs from the proposal. */
  rationale: string;
  toReEvaluate: boolean;
  history: HistoryEntry[];
  /**
   * Sign-off of the agreed grade (domain/self-assessment/judgement-sign-off.ts): absent on judgements
   * agreed before sign-off was recorded; present without `signedOffBy` while it awaits sign-off.
   */
  review?: Pick<CriterionReview, 'signedOffBy' | 'signedOffAt'>;
}

export interface Narrative extends RecordMeta {
  cycleId: string;
  judgementId: string;
  /** Self-evaluation section id (what-we-know, how-we-know, plans) → plain text with paragraphs and lists. */
  answers: Record<string, string>;
  toReEvaluate: boolean;
  /** Who writes it (a head of service, say); in a team a contributor changes only what is assigned to them. */
  assignee?: string;
  /**
   * Review and sign-off (domain/self-assessment/narrative-review.ts): absent until it is first sent for
   * review, when its status follows its text.
   */
  status?: WorkflowStatus;
  review?: CriterionReview;
  /** Review steps and changes of assignee; absent on a narrative that has had neither. */
  history?: HistoryEntry[];
}

export interface EvidenceItem extends RecordMeta {
  title: string;
  type: EvidenceType;
  /** yyyy-mm-dd: when the evidence was produced. */
  date: string;
  owner: string;
  location: string;
  notes: string;
}

export interface ProgressNote {
  at: string;
  by: string;
  text: string;
}

export interface ImprovementAction extends RecordMeta {
  title: string;
  description: string;
  owner: string;
  /** yyyy-mm-dd */
  dueDate: string;
  status: ActionStatus;
  rag: RagBand;
  completedAt?: string;
  progressNotes: ProgressNote[];
  criterionIds: string[];
  judgementIds: string[];
  recommendationIds: string[];
  auditIds: string[];
}

export interface Recommendation extends RecordMeta {
  source: RecommendationSource;
  /** yyyy-mm-dd: date of the report or letter. */
  date: string;
  reference: string;
  text: string;
  priorityAction: boolean;
  judgementIds: string[];
  /** "What we have done so far", as reported to committees. */
  progressSummary: string;
  closed: boolean;
}

/** One cycle with everything that belongs to it. */
export interface CycleBundle {
  cycle: AssessmentCycle;
  criterionAssessments: CriterionAssessment[];
  judgementAssessments: JudgementAssessment[];
  narratives: Narrative[];
}

/** Every record of a workspace, as the example builder makes it and a backup will carry it. */
export interface WorkspaceContent {
  settings: Settings;
  cycles: AssessmentCycle[];
  criterionAssessments: CriterionAssessment[];
  judgementAssessments: JudgementAssessment[];
  narratives: Narrative[];
  evidence: EvidenceItem[];
  actions: ImprovementAction[];
  recommendations: Recommendation[];
  auditRounds?: AuditRound[];
  caseAudits?: CaseAudit[];
}
