import { describe, expect, it } from 'vitest';
import { applyCriterionEdit } from '../../../src/domain/self-assessment/record-changes';
import {
  agreeReviewed,
  BEFORE_SIGN_OFF_RECORDED,
  describeSignOff,
  isSignedOff,
  sendBack,
  sendForReview,
  signOffWords,
  type ReviewOutcome,
} from '../../../src/domain/self-assessment/review';
import type { CriterionAssessment } from '../../../src/domain/workspace/records';
import { makeCriterionAssessment } from '../../helpers/builders';

const sam = { by: 'Sam Okafor', now: '2026-05-01T09:00:00.000Z' };
const priya = { by: 'Priya Shah', now: '2026-05-01T09:02:00.000Z' };
const later = { by: 'Sam Okafor', now: '2026-05-03T10:00:00.000Z' };

function done(outcome: ReviewOutcome): CriterionAssessment {
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem}`);
  return outcome.record;
}

const inProgress = () =>
  makeCriterionAssessment({ grade: 'good', status: 'in-progress', strengths: 'Visits.' });

describe('review and sign-off of a criterion', () => {
  it('sends a criterion for review, recording who and when in the review and the history', () => {
    const sent = done(sendForReview(inProgress(), sam));
    expect(sent.status).toBe('ready-for-review');
    expect(sent.review).toEqual({ requestedBy: 'Sam Okafor', requestedAt: sam.now });
    expect(sent.history.at(-1)).toEqual({
      at: sam.now,
      by: 'Sam Okafor',
      field: 'status',
      from: 'in-progress',
      to: 'ready-for-review',
    });
    expect(isSignedOff(sent)).toBe(false);
  });

  it('agrees a criterion ready for review: the sign-off names the reviewer, and no step folds into another', () => {
    const sent = done(sendForReview(inProgress(), sam));
    const agreed = done(agreeReviewed(sent, priya));
    expect(agreed.status).toBe('agreed');
    expect(agreed.review).toEqual({
      requestedBy: 'Sam Okafor',
      requestedAt: sam.now,
      signedOffBy: 'Priya Shah',
      signedOffAt: priya.now,
    });
    expect(agreed.history.map((h) => [h.by, h.from, h.to])).toEqual([
      ['Sam Okafor', 'in-progress', 'ready-for-review'],
      ['Priya Shah', 'ready-for-review', 'agreed'],
    ]);
    expect(describeSignOff(agreed)).toEqual({
      signedOff: true,
      by: 'Priya Shah',
      on: '01/05/2026',
      at: priya.now,
    });
    expect(signOffWords(describeSignOff(agreed))).toBe('Signed off by Priya Shah on 01/05/2026');
  });

  it('lets the person who sent it agree it too, and keeps both steps even within minutes', () => {
    const sent = done(sendForReview(inProgress(), sam));
    const agreed = done(agreeReviewed(sent, { ...sam, now: '2026-05-01T09:01:00.000Z' }));
    expect(agreed.review?.signedOffBy).toBe('Sam Okafor');
    expect(agreed.history).toHaveLength(2);
  });

  it('sends back with the comment kept, to in progress, until it is sent for review again', () => {
    const sent = done(sendForReview(inProgress(), sam));
    const back = done(sendBack(sent, '  Add the audit findings.  ', priya));
    expect(back.status).toBe('in-progress');
    expect(back.review?.sentBack).toEqual({
      by: 'Priya Shah',
      at: priya.now,
      comment: 'Add the audit findings.',
    });
    expect(back.review?.signedOffBy).toBeUndefined();
    expect(back.history.slice(-2)).toEqual([
      { at: priya.now, by: 'Priya Shah', field: 'status', from: 'ready-for-review', to: 'in-progress' },
      { at: priya.now, by: 'Priya Shah', field: 'reviewComment', from: '', to: 'Add the audit findings.' },
    ]);
    const again = done(sendForReview(back, later));
    expect(again.review).toEqual({ requestedBy: 'Sam Okafor', requestedAt: later.now });
    expect(again.history.filter((h) => h.field === 'reviewComment')).toHaveLength(1);
  });

  it('refuses a send-back without a comment, and changes nothing', () => {
    const sent = done(sendForReview(inProgress(), sam));
    expect(sendBack(sent, '', priya)).toEqual({ ok: false, problem: 'comment-required' });
    expect(sendBack(sent, ' \n ', priya)).toEqual({ ok: false, problem: 'comment-required' });
  });

  it('refuses steps out of order', () => {
    const record = inProgress();
    expect(agreeReviewed(record, priya)).toEqual({ ok: false, problem: 'not-ready-for-review' });
    expect(sendBack(record, 'Why', priya)).toEqual({ ok: false, problem: 'not-ready-for-review' });
    const sent = done(sendForReview(record, sam));
    expect(sendForReview(sent, sam)).toEqual({ ok: false, problem: 'already-sent' });
    const agreed = done(agreeReviewed(sent, priya));
    expect(sendForReview(agreed, sam)).toEqual({ ok: false, problem: 'already-sent' });
    expect(agreeReviewed(agreed, priya)).toEqual({ ok: false, problem: 'not-ready-for-review' });
    // 'ready-for-review' from before review was recorded can be agreed as it is, with no requester.
    const legacy = makeCriterionAssessment({ status: 'ready-for-review' });
    expect(sendForReview(legacy, sam)).toEqual({ ok: false, problem: 'already-sent' });
    expect(done(agreeReviewed(legacy, priya)).review).toEqual({
      signedOffBy: 'Priya Shah',
      signedOffAt: priya.now,
    });
    expect(done(sendBack(legacy, 'More.', priya)).review).toEqual({
      sentBack: { by: 'Priya Shah', at: priya.now, comment: 'More.' },
    });
  });

  it('an edit of the grade or text after sign-off returns it to in progress and withdraws the sign-off', () => {
    const agreed = done(agreeReviewed(done(sendForReview(inProgress(), sam)), priya));
    for (const edit of [
      { grade: 'outstanding' },
      { strengths: 'Visits, and more.' },
      { areasForDevelopment: 'Supervision.' },
      { confidence: 'high' as const },
    ]) {
      const edited = applyCriterionEdit(agreed, edit, later);
      expect(edited.status, JSON.stringify(edit)).toBe('in-progress');
      expect(edited.review).toEqual({ requestedBy: 'Sam Okafor', requestedAt: sam.now });
      expect(edited.history.at(-1)).toMatchObject({ field: 'status', from: 'agreed', to: 'in-progress' });
      expect(isSignedOff(edited)).toBe(false);
    }
  });

  it('keeps the sign-off when only the assignee or linked evidence changes', () => {
    const agreed = done(agreeReviewed(done(sendForReview(inProgress(), sam)), priya));
    const edited = applyCriterionEdit(agreed, { assignee: 'Head of service', evidenceIds: ['e1'] }, later);
    expect(edited.status).toBe('agreed');
    expect(edited.review?.signedOffBy).toBe('Priya Shah');
  });

  it('never reaches ready for review or agreed through an ordinary edit', () => {
    const record = inProgress();
    expect(applyCriterionEdit(record, { status: 'agreed' }, sam).status).toBe('in-progress');
    expect(applyCriterionEdit(record, { status: 'ready-for-review' }, sam).status).toBe('in-progress');
    expect(applyCriterionEdit(record, { status: 'to-do' }, sam).status).toBe('to-do');
    const sent = done(sendForReview(record, sam));
    expect(applyCriterionEdit(sent, { status: 'to-do' }, sam).status).toBe('ready-for-review');
  });

  it('counts a criterion agreed before sign-off was recorded as signed off', () => {
    const legacy = makeCriterionAssessment({ grade: 'good', status: 'agreed' });
    expect(describeSignOff(legacy)).toEqual({ signedOff: true, by: BEFORE_SIGN_OFF_RECORDED, on: '' });
    expect(signOffWords(describeSignOff(legacy))).toBe('Agreed before sign-off was recorded');
    expect(describeSignOff(undefined)).toEqual({ signedOff: false, by: '', on: '' });
    expect(signOffWords(describeSignOff(inProgress()))).toBe('Not signed off');
    // Editing it withdraws the agreement, as for any agreed criterion.
    const edited = applyCriterionEdit(legacy, { grade: 'requires-improvement' }, later);
    expect(edited.status).toBe('in-progress');
    expect(edited.review).toBeUndefined();
  });
});
