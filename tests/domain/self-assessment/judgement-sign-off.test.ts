import { describe, expect, it } from 'vitest';
import {
  describeJudgementSignOff,
  signOffAgreedGrade,
  type JudgementSignOffOutcome,
} from '../../../src/domain/self-assessment/judgement-sign-off';
import { applyJudgementEdit } from '../../../src/domain/self-assessment/record-changes';
import { BEFORE_SIGN_OFF_RECORDED, signOffWords } from '../../../src/domain/self-assessment/review';
import type { JudgementAssessment } from '../../../src/domain/workspace/records';
import { makeJudgementAssessment } from '../../helpers/builders';

const sam = { by: 'Sam Okafor', now: '2026-05-01T09:00:00.000Z' };
const priya = { by: 'Priya Shah', now: '2026-05-02T09:02:00.000Z' };
const later = { by: 'Sam Okafor', now: '2026-05-03T10:00:00.000Z' };

function done(outcome: JudgementSignOffOutcome): JudgementAssessment {
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem}`);
  return outcome.record;
}

const agreedBySam = () =>
  applyJudgementEdit(makeJudgementAssessment({ rationale: '' }), { agreedGrade: 'good' }, sam);

describe('sign-off of a judgement’s agreed grade', () => {
  it('needs signing off once a grade is agreed, then names the reviewer and the date', () => {
    const agreed = agreedBySam();
    expect(describeJudgementSignOff(agreed).signedOff).toBe(false);
    expect(signOffWords(describeJudgementSignOff(agreed))).toBe('Not signed off');

    const signed = done(signOffAgreedGrade(agreed, priya));
    expect(signOffWords(describeJudgementSignOff(signed))).toBe('Signed off by Priya Shah on 02/05/2026');
    expect(signed.history.at(-1)).toEqual({
      at: priya.now,
      by: 'Priya Shah',
      field: 'signOff',
      from: '',
      to: 'Priya Shah',
    });
  });

  it('refuses to sign off a judgement with no agreed grade, or one already signed off', () => {
    expect(signOffAgreedGrade(makeJudgementAssessment(), priya)).toEqual({
      ok: false,
      problem: 'no-agreed-grade',
    });
    const signed = done(signOffAgreedGrade(agreedBySam(), priya));
    expect(signOffAgreedGrade(signed, priya)).toEqual({ ok: false, problem: 'already-signed-off' });
  });

  it('withdraws the sign-off when the agreed grade or the rationale changes, with a history entry', () => {
    const signed = done(signOffAgreedGrade(agreedBySam(), priya));
    for (const edit of [{ agreedGrade: 'requires-improvement' }, { rationale: 'A new reason.' }]) {
      const edited = applyJudgementEdit(signed, edit, later);
      expect(describeJudgementSignOff(edited).signedOff).toBe(false);
      expect(edited.history.at(-1)).toMatchObject({ field: 'signOff', from: 'Priya Shah', to: '' });
      expect(done(signOffAgreedGrade(edited, priya)).review?.signedOffBy).toBe('Priya Shah');
    }
  });

  it('keeps the sign-off when an edit changes nothing', () => {
    const signed = done(signOffAgreedGrade(agreedBySam(), priya));
    expect(applyJudgementEdit(signed, { agreedGrade: 'good' }, later)).toEqual(signed);
  });

  it('counts a grade agreed before sign-off was recorded as signed off, until it is changed', () => {
    const older = makeJudgementAssessment({ agreedGrade: 'good' });
    expect(older.review).toBeUndefined();
    expect(describeJudgementSignOff(older)).toEqual({
      signedOff: true,
      by: BEFORE_SIGN_OFF_RECORDED,
      on: '',
    });
    const changed = applyJudgementEdit(older, { agreedGrade: 'outstanding' }, later);
    expect(describeJudgementSignOff(changed).signedOff).toBe(false);
  });
});
