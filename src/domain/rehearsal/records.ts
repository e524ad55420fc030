/*
 * What a rehearsal keeps: who took part and when, the lines of enquiry drill (each question with the
 * answer notes, confidence and evidence the rehearser gave), the inspectors' sample drawn that day, the
 * readiness ratings at the time (so a team can see readiness move across rehearsals) and the findings.
 * The notification-week checklist is a standing record per framework item, not part of one rehearsal.
 */
import type { RecordMeta } from '../workspace/record-meta';
import type { InspectionType } from './inspection-rhythm';
import type { ReadinessRating } from './readiness';

/** The columns an Annex A list can have (annex-a-lists.ts says which list has which). */
export type AnnexAField =
  | 'childId'
  | 'team'
  | 'worker'
  | 'gender'
  | 'ethnicity'
  | 'disability'
  | 'age'
  | 'dateOfBirth'
  | 'eventDate'
  | 'outcome'
  | 'previousReferrals'
  | 'planStartDate'
  | 'previousPlans'
  | 'lastVisitDate'
  | 'missingEpisodes'
  | 'placementMoves'
  | 'placementDistance'
  | 'placementType'
  | 'proceedingsStartDate';

export const ANSWER_CONFIDENCE_LEVELS = [
  'confident',
  'partly-confident',
  'not-confident',
  'could-not-answer',
] as const;
export type AnswerConfidence = (typeof ANSWER_CONFIDENCE_LEVELS)[number];

export const ANSWER_CONFIDENCE_LABELS: Record<AnswerConfidence, string> = {
  confident: 'Confident: a clear answer with evidence',
  'partly-confident': 'Partly confident: an answer, thin on evidence',
  'not-confident': 'Not confident',
  'could-not-answer': 'Could not answer',
};

/** Where a drill question came from. */
export const QUESTION_SOURCES = [
  'line-of-enquiry',
  'weak-criterion',
  'thin-evidence',
  'self-knowledge',
  'last-inspection',
] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];

export interface DrillQuestion {
  /** Stable within a rehearsal: the source, the criterion and the line's position in the framework. */
  id: string;
  judgementId: string;
  criterionId?: string;
  source: QuestionSource;
  question: string;
  /** Why the tool asked it, in a sentence. */
  why: string;
}

export interface DrillAnswer {
  questionId: string;
  notes: string;
  confidence?: AnswerConfidence;
  evidenceIds: string[];
  /** Seconds spent on the question, as the timer counted them. */
  seconds: number;
}

export interface SampledCaseInRehearsal {
  caseReference: string;
  cohort: InspectionCohort;
  caseType: string;
  team: string;
  worker: string;
  /** Why it was chosen, in words (risk-weighted samples); the Annex A lists it is on. */
  reasons?: string[];
  lists?: number[];
  /** Set when the user swapped this case in for another. */
  swap?: { replaced: string; reason: string; at: string };
}

export const INSPECTION_COHORTS = ['help-and-protection', 'children-in-care', 'care-leavers'] as const;
export type InspectionCohort = (typeof INSPECTION_COHORTS)[number];

export interface RehearsalSample {
  seed: number;
  perCohort: number;
  drawnAt: string;
  cases: SampledCaseInRehearsal[];
  /** Where it was drawn from: the rehearsal's Annex A lists, or the audit rounds' case lists (older samples). */
  source?: 'annex-a' | 'case-list';
}

/** One child (or adopter) on an imported Annex A list: a pseudonymised id and plain values, never a name. */
export interface AnnexARow {
  childId: string;
  team: string;
  worker: string;
  /** Dates as yyyy-mm-dd, counts as numbers; a date of birth is read only to give the age. */
  values: Partial<Record<AnnexAField, string | number>>;
}

export interface AnnexAListImport {
  list: number;
  setId: 'ilacs' | 'sif';
  fileName: string;
  importedAt: string;
  /** The months the list covers, ending the day the lists are drawn (yyyy-mm-dd). */
  periodFrom: string;
  periodTo: string;
  rows: AnnexARow[];
}

/** The inspectors' audit test: cases the council audited, re-graded blind by a colleague as the inspector. */
export interface AuditChallengeCase {
  auditId: string;
  caseReference: string;
  /** The inspector's grade (a level id of the audit tool's scale), set once, when submitted. */
  inspectorGrade?: string;
  inspectorReason?: string;
  submittedAt?: string;
}

export interface AuditChallenge {
  moderator: string;
  cases: AuditChallengeCase[];
}

export interface Rehearsal extends RecordMeta {
  title: string;
  /** yyyy-mm-dd */
  date: string;
  participants: string[];
  cycleId: string;
  frameworkId: string;
  frameworkVersion: number;
  /** The judgement rehearsed; for a themed rehearsal, the one most of the theme's criteria belong to. */
  judgementId: string;
  /** The kind of inspection rehearsed (rehearsals from before the choice have none: a full inspection). */
  inspectionType?: InspectionType;
  /** For a focused visit, its theme; for a JTAI, its deep-dive theme (theme-readiness.ts ids). */
  themeId?: string;
  questions: DrillQuestion[];
  answers: DrillAnswer[];
  /** Readiness rating per judgement id, as it stood when the rehearsal was started. */
  readiness: Record<string, ReadinessRating>;
  sample?: RehearsalSample;
  /** The Annex A lists imported for this rehearsal, at most one per list number. */
  annexA?: AnnexAListImport[];
  auditChallenge?: AuditChallenge;
  findings: string;
  status: 'in-progress' | 'complete';
}

export const NOTIFICATION_STATUSES = ['not-started', 'in-progress', 'ready', 'not-applicable'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  ready: 'Ready',
  'not-applicable': 'Not applicable',
};

/** One readiness checklist item's preparation: id is `${frameworkId}/${itemId}` so two devices agree. */
export interface NotificationItem extends RecordMeta {
  frameworkId: string;
  itemId: string;
  owner: string;
  status: NotificationStatus;
  /** Days after the call on which it must be done (0 = the day of the call). */
  dueDay: number;
  note: string;
}

export function notificationItemId(frameworkId: string, itemId: string): string {
  return `${frameworkId}/${itemId}`;
}

/** The rehearsal with this answer in place of any earlier answer to the same question. */
export function withAnswer(rehearsal: Rehearsal, answer: DrillAnswer): Rehearsal {
  const others = rehearsal.answers.filter((a) => a.questionId !== answer.questionId);
  return { ...rehearsal, answers: [...others, answer] };
}
