/*
 * Sign-off of a judgement's agreed grade: a reviewer agrees it, and the sign-off records who and when.
 * Setting or changing the agreed grade or the rationale leaves `review` present without a sign-off (so
 * it needs signing off again); a judgement agreed before sign-off was recorded has no `review` at all and
 * counts as signed off (BEFORE_SIGN_OFF_RECORDED), so older workspaces are not blocked. Each step is a
 * history entry. The words shown come from describeJudgementSignOff and signOffWords (review.ts).
 */
import { formatDate } from '../format/dates';
import type { Author, HistoryEntry, JudgementAssessment } from '../workspace/records';
import { BEFORE_SIGN_OFF_RECORDED, type SignOff } from './review';

/** The fields whose change means the signed-off agreed grade is no longer the one that was agreed. */
export const JUDGEMENT_SIGN_OFF_FIELDS = ['agreedGrade', 'rationale'] as const;

export type JudgementSignOffOutcome =
  | { ok: true; record: JudgementAssessment }
  | { ok: false; problem: 'no-agreed-grade' | 'already-signed-off' };

/** A reviewer signs off the judgement's agreed grade. */
export function signOffAgreedGrade(record: JudgementAssessment, author: Author): JudgementSignOffOutcome {
  if (record.agreedGrade === undefined) return { ok: false, problem: 'no-agreed-grade' };
  if (describeJudgementSignOff(record).signedOff) return { ok: false, problem: 'already-signed-off' };
  const entry: HistoryEntry = { at: author.now, by: author.by, field: 'signOff', from: '', to: author.by };
  return {
    ok: true,
    record: {
      ...record,
      review: { signedOffBy: author.by, signedOffAt: author.now },
      history: [...record.history, entry],
    },
  };
}

/**
 * Applied after an ordinary edit: a changed agreed grade or rationale needs signing off again, so the
 * sign-off (if any) is withdrawn, with a history entry. Returns the record unchanged otherwise.
 */
export function withdrawJudgementSignOffOnEdit(
  before: JudgementAssessment,
  after: JudgementAssessment,
  author: Author,
): JudgementAssessment {
  if (!JUDGEMENT_SIGN_OFF_FIELDS.some((f) => before[f] !== after[f])) return after;
  const signedOffBy = before.review?.signedOffBy;
  if (!signedOffBy) return { ...after, review: {} };
  const entry: HistoryEntry = { at: author.now, by: author.by, field: 'signOff', from: signedOffBy, to: '' };
  return { ...after, review: {}, history: [...after.history, entry] };
}

/** Who signed the agreed grade off and when: the one answer the page, the PDF and the workbook show. */
export function describeJudgementSignOff(record: JudgementAssessment | undefined): SignOff {
  if (!record || record.agreedGrade === undefined) return { signedOff: false, by: '', on: '' };
  if (!record.review) return { signedOff: true, by: BEFORE_SIGN_OFF_RECORDED, on: '' };
  const { signedOffBy, signedOffAt } = record.review;
  if (!signedOffBy) return { signedOff: false, by: '', on: '' };
  return { signedOff: true, by: signedOffBy, on: formatDate(signedOffAt), at: signedOffAt };
}
