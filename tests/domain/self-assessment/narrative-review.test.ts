import { describe, expect, it } from 'vitest';
import { computeMissingForFinal } from '../../../src/domain/self-assessment/finalise-check';
import {
  applyNarrativeAnswer,
  assignNarrative,
  describeNarrativeSignOff,
  isNarrativeReviewOpen,
  narrativeStatus,
  reviewNarrative,
  type ReviewableNarrative,
} from '../../../src/domain/self-assessment/narrative-review';
import { signOffWords, type ReviewOutcome } from '../../../src/domain/self-assessment/review';
import type { Narrative } from '../../../src/domain/workspace/records';
import { makeNarrative } from '../../helpers/builders';
import { completeRecords } from '../../helpers/complete-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const sam = { by: 'Sam Okafor', now: '2026-05-01T09:00:00.000Z' };
const priya = { by: 'Priya Shah', now: '2026-05-02T14:30:00.000Z' };

function done(outcome: ReviewOutcome<ReviewableNarrative>): Narrative {
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem}`);
  return outcome.record;
}
const written = () => makeNarrative({ answers: { 'what-we-know': 'Children are seen quickly.' } });

describe('review and sign-off of a narrative', () => {
  it('has no status of its own until reviewed: to do while empty, in progress once written', () => {
    expect(narrativeStatus(makeNarrative())).toBe('to-do');
    expect(narrativeStatus(makeNarrative({ answers: { 'what-we-know': '  \n' } }))).toBe('to-do');
    expect(narrativeStatus(written())).toBe('in-progress');
    expect(describeNarrativeSignOff(written())).toEqual({ signedOff: false, by: '', on: '' });
    expect(isNarrativeReviewOpen(written())).toBe(false);
  });

  it('goes for review, is sent back with a comment, revised, sent again and agreed, each step in its history', () => {
    const sent = done(reviewNarrative(written(), 'send', '', sam));
    expect(sent.status).toBe('ready-for-review');
    expect(isNarrativeReviewOpen(sent)).toBe(true);
    expect(reviewNarrative(sent, 'send-back', '  ', priya)).toEqual({
      ok: false,
      problem: 'comment-required',
    });

    const back = done(reviewNarrative(sent, 'send-back', 'Say how you know.', priya));
    expect(back.status).toBe('in-progress');
    expect(back.review?.sentBack).toEqual({ by: 'Priya Shah', at: priya.now, comment: 'Say how you know.' });
    expect(isNarrativeReviewOpen(back)).toBe(true);

    const revised = applyNarrativeAnswer(back, 'how-we-know', 'Audits and feedback.', sam);
    const again = done(reviewNarrative(revised, 'send', '', sam));
    expect(again.review?.sentBack).toBeUndefined();
    const agreed = done(reviewNarrative(again, 'agree', '', priya));
    expect(agreed.answers).toEqual({
      'what-we-know': 'Children are seen quickly.',
      'how-we-know': 'Audits and feedback.',
    });
    expect(isNarrativeReviewOpen(agreed)).toBe(false);
    expect(signOffWords(describeNarrativeSignOff(agreed))).toBe('Signed off by Priya Shah on 02/05/2026');
    expect(agreed.history?.map((h) => [h.field, h.from, h.to])).toEqual([
      ['status', 'in-progress', 'ready-for-review'],
      ['status', 'ready-for-review', 'in-progress'],
      ['reviewComment', '', 'Say how you know.'],
      ['status', 'in-progress', 'ready-for-review'],
      ['status', 'ready-for-review', 'agreed'],
    ]);
  });

  it('withdraws the sign-off when an agreed narrative’s answer changes, and only then', () => {
    const agreed = done(
      reviewNarrative(done(reviewNarrative(written(), 'send', '', sam)), 'agree', '', priya),
    );
    expect(applyNarrativeAnswer(agreed, 'what-we-know', 'Children are seen quickly.', sam)).toMatchObject({
      status: 'agreed',
    });
    const edited = applyNarrativeAnswer(agreed, 'what-we-know', 'Children are seen within a day.', sam);
    expect(edited.status).toBe('in-progress');
    expect(describeNarrativeSignOff(edited).signedOff).toBe(false);
    expect(edited.review).toEqual({ requestedBy: 'Sam Okafor', requestedAt: sam.now });
    expect(isNarrativeReviewOpen(edited)).toBe(true);
  });

  it('refuses to agree or send back a narrative not sent for review, or to send one twice', () => {
    expect(reviewNarrative(written(), 'agree', '', priya)).toEqual({
      ok: false,
      problem: 'not-ready-for-review',
    });
    const sent = done(reviewNarrative(written(), 'send', '', sam));
    expect(reviewNarrative(sent, 'send', '', sam)).toEqual({ ok: false, problem: 'already-sent' });
  });

  it('records a change of who writes it, and nothing when it is the same person', () => {
    const assigned = assignNarrative(written(), ' Sam Okafor ', priya);
    expect(assigned.assignee).toBe('Sam Okafor');
    expect(assigned.history).toEqual([
      { at: priya.now, by: 'Priya Shah', field: 'assignee', from: '', to: 'Sam Okafor' },
    ]);
    expect(assignNarrative(assigned, 'Sam Okafor', priya)).toBe(assigned);
  });

  it('keeps a cycle from being final while a narrative’s review is open, and lets it be once agreed', () => {
    const ilacs = shippedFramework('ilacs-2023');
    const records = completeRecords(ilacs, 'cycle-test');
    expect(computeMissingForFinal(ilacs, records)).toEqual([]);
    const index = records.narratives.findIndex((n) => n.judgementId === 'help-and-protection');
    const sent = done(reviewNarrative(records.narratives[index]!, 'send', '', sam));
    records.narratives[index] = sent;
    expect(computeMissingForFinal(ilacs, records)).toEqual([
      {
        code: 'narrative-review-open',
        judgementId: 'help-and-protection',
        message: expect.stringMatching(
          /^Have the self-evaluation for .+ agreed: it was sent for review and is not agreed yet\.$/,
        ),
      },
    ]);
    records.narratives[index] = done(reviewNarrative(sent, 'agree', '', priya));
    expect(computeMissingForFinal(ilacs, records)).toEqual([]);
  });
});
