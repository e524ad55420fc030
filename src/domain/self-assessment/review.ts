/*
 * Review and sign-off of a criterion or a judgement's narrative (narrative-review.ts gives a narrative
 * the fields these rules read): sent for review, then agreed (signed off) or sent back with a
 * comment. A record becomes 'agreed' only by being agreed here; anyone may agree, and the sign-off
 * records who did and when. Each step is one history entry that never folds into another, so the record
 * of who signed off what stays complete. Editing the grade or text of an agreed criterion withdraws its
 * sign-off (see withdrawSignOffOnEdit). A criterion 'agreed' before sign-off was recorded counts as
 * signed off, so older workspaces are not blocked from being finalised; one 'ready for review' from
 * then can be agreed or sent back as it is (its review then has no requester).
 */
import { formatDate } from '../format/dates';
import type { Author, CriterionAssessment, CriterionReview, HistoryEntry } from '../workspace/records';
import type { WorkflowStatus } from '../workspace/vocabulary';

/** What review reads and writes: a criterion assessment has it all, a narrative gains it on review. */
export interface Reviewable {
  status: WorkflowStatus;
  review?: CriterionReview;
  history: HistoryEntry[];
  toReEvaluate: boolean;
}

export type ReviewProblem = 'comment-required' | 'not-ready-for-review' | 'already-sent';

export type ReviewOutcome<T extends Reviewable = CriterionAssessment> =
  { ok: true; record: T } | { ok: false; problem: ReviewProblem };

export type ReviewStep = 'send' | 'agree' | 'send-back';

/** The fields whose change means the signed-off judgement is no longer the one that was agreed. */
export const SIGN_OFF_FIELDS = ['grade', 'confidence', 'strengths', 'areasForDevelopment'] as const;

/** Who signed a criterion off, for legacy 'agreed' criteria that have no review record. */
export const BEFORE_SIGN_OFF_RECORDED = 'Before sign-off was recorded';

/** Carries out one review step: the one place the page's three buttons lead. */
export function applyReviewStep<T extends Reviewable>(
  record: T,
  step: ReviewStep,
  comment: string,
  author: Author,
): ReviewOutcome<T> {
  if (step === 'send') return sendForReview(record, author);
  if (step === 'agree') return agreeReviewed(record, author);
  return sendBack(record, comment, author);
}

/** Sends a record to do or in progress for review; the last sent-back comment is cleared. */
export function sendForReview<T extends Reviewable>(record: T, author: Author): ReviewOutcome<T> {
  if (record.status === 'ready-for-review' || record.status === 'agreed') return refused('already-sent');
  const review: CriterionReview = { requestedBy: author.by, requestedAt: author.now };
  return { ok: true, record: moveTo(record, 'ready-for-review', review, author) };
}

/** Agrees a record that is ready for review: the sign-off records the reviewer and the time. */
export function agreeReviewed<T extends Reviewable>(record: T, author: Author): ReviewOutcome<T> {
  if (record.status !== 'ready-for-review') return refused('not-ready-for-review');
  const review: CriterionReview = { ...requestOf(record), signedOffBy: author.by, signedOffAt: author.now };
  return { ok: true, record: moveTo(record, 'agreed', review, author) };
}

/** Sends a record back to in progress; a comment saying what to change is required and kept. */
export function sendBack<T extends Reviewable>(record: T, comment: string, author: Author): ReviewOutcome<T> {
  if (record.status !== 'ready-for-review') return refused('not-ready-for-review');
  const text = comment.trim();
  if (text === '') return refused('comment-required');
  const review: CriterionReview = {
    ...requestOf(record),
    sentBack: { by: author.by, at: author.now, comment: text },
  };
  const moved = moveTo(record, 'in-progress', review, author);
  const entry: HistoryEntry = { at: author.now, by: author.by, field: 'reviewComment', from: '', to: text };
  return { ok: true, record: { ...moved, history: [...moved.history, entry] } };
}

/**
 * Applied after an ordinary edit: if an agreed criterion's grade or text changed, it goes back to in
 * progress and its sign-off is withdrawn (the request is kept). Returns the record unchanged otherwise.
 */
export function withdrawSignOffOnEdit(
  before: CriterionAssessment,
  after: CriterionAssessment,
  author: Author,
): CriterionAssessment {
  return withdrawSignOffIf(
    SIGN_OFF_FIELDS.some((f) => before[f] !== after[f]),
    before,
    after,
    author,
  );
}

/** An agreed record whose signed-off content `changed` goes back to in progress, its sign-off withdrawn. */
export function withdrawSignOffIf<T extends Reviewable>(
  changed: boolean,
  before: T,
  after: T,
  author: Author,
): T {
  if (before.status !== 'agreed' || !changed) return after;
  return moveTo(after, 'in-progress', before.review && requestOf(before), author);
}

/** Statuses a person may choose freely; 'ready-for-review' and 'agreed' are reached only by review. */
export const FREE_STATUSES: readonly WorkflowStatus[] = ['to-do', 'in-progress'];

export function isFreeStatus(status: WorkflowStatus): boolean {
  return FREE_STATUSES.includes(status);
}

export interface SignOff {
  signedOff: boolean;
  /** The reviewer's name, or BEFORE_SIGN_OFF_RECORDED; '' when not signed off. */
  by: string;
  /** dd/mm/yyyy, or '' when not signed off or not recorded. */
  on: string;
  /** ISO time of the sign-off, for spreadsheets that keep real dates. */
  at?: string;
}

/** Who signed a record off and when, in words: the one answer the page, the PDF and the workbook show. */
export function describeSignOff(record: Reviewable | undefined): SignOff {
  if (!record || record.status !== 'agreed') return { signedOff: false, by: '', on: '' };
  const { signedOffBy, signedOffAt } = record.review ?? {};
  if (!signedOffBy) return { signedOff: true, by: BEFORE_SIGN_OFF_RECORDED, on: '' };
  return { signedOff: true, by: signedOffBy, on: formatDate(signedOffAt), at: signedOffAt };
}

/** The sign-off in one line, as the page and the PDF print it. */
export function signOffWords(signOff: SignOff): string {
  if (!signOff.signedOff) return 'Not signed off';
  if (!signOff.on) return `Agreed ${signOff.by.toLowerCase()}`;
  return `Signed off by ${signOff.by} on ${signOff.on}`;
}

/** Signed off, by a reviewer or (for older records) by being agreed before sign-off was recorded. */
export function isSignedOff(record: Reviewable | undefined): boolean {
  return describeSignOff(record).signedOff;
}

/** Who asked for the review and when: kept through its outcome (absent on older records). */
function requestOf(record: Reviewable): CriterionReview {
  const { requestedBy, requestedAt } = record.review ?? {};
  return {
    ...(requestedBy !== undefined && { requestedBy }),
    ...(requestedAt !== undefined && { requestedAt }),
  };
}

function moveTo<T extends Reviewable>(
  record: T,
  status: WorkflowStatus,
  review: CriterionReview | undefined,
  author: Author,
): T {
  const entry: HistoryEntry = {
    at: author.now,
    by: author.by,
    field: 'status',
    from: record.status,
    to: status,
  };
  const next: T = {
    ...record,
    status,
    history: [...record.history, entry],
    toReEvaluate: false,
  };
  if (review) next.review = review;
  return next;
}

function refused(problem: ReviewProblem): { ok: false; problem: ReviewProblem } {
  return { ok: false, problem };
}
