import { describe, expect, it } from 'vitest';
import {
  challengeableAudits,
  computeChallengeResult,
  withChallengeCases,
  withInspectorGrade,
  withoutChallengeCase,
} from '../../../src/domain/rehearsal/audit-challenge';
import { makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const frameworks = [shippedFramework('ilacs-2023')];
const GRADES = ['good', 'requires-improvement', 'inadequate', 'outstanding'];

describe("the inspectors' audit test", () => {
  const audits = Array.from({ length: 12 }, (_, i) =>
    makeCaseAudit({
      id: `a${i}`,
      caseReference: `C${i}`,
      overallGrade: GRADES[i % 4],
      auditDate: `2026-0${(i % 9) + 1}-01`,
    }),
  );
  const draft = makeCaseAudit({ id: 'draft', caseReference: 'D', status: 'draft', overallGrade: 'good' });

  it('offers completed, graded audits only, and adds each once', () => {
    expect(challengeableAudits([...audits, draft]).map((a) => a.id)).not.toContain('draft');
    const once = withChallengeCases(undefined, audits.slice(0, 2));
    expect(withChallengeCases(once, audits.slice(0, 3)).cases.map((c) => c.auditId)).toEqual([
      'a0',
      'a1',
      'a2',
    ]);
  });

  it('keeps the blind grade once submitted: a second submission and a removal change nothing', () => {
    let challenge = withChallengeCases(undefined, audits.slice(0, 2));
    challenge = withInspectorGrade(challenge, {
      auditId: 'a0',
      grade: 'inadequate',
      reason: ' Drift ',
      at: 't1',
    });
    const again = withInspectorGrade(challenge, { auditId: 'a0', grade: 'good', reason: 'x', at: 't2' });
    expect(again.cases[0]).toEqual({
      auditId: 'a0',
      caseReference: 'C0',
      inspectorGrade: 'inadequate',
      inspectorReason: 'Drift',
      submittedAt: 't1',
    });
    expect(withoutChallengeCase(again, 'a0').cases).toHaveLength(2);
    expect(withoutChallengeCase(again, 'a1').cases).toHaveLength(1);
  });

  it('shows agreement through the case-audit agreement function, a kappa only with enough pairs', () => {
    let challenge = withChallengeCases(undefined, audits);
    // The inspector agrees on all but two cases.
    audits.forEach((a, i) => {
      const grade = i < 2 ? 'inadequate' : a.overallGrade!;
      challenge = withInspectorGrade(challenge, { auditId: a.id, grade, reason: '', at: 't' });
    });
    const few = computeChallengeResult({
      challenge: { ...challenge, cases: challenge.cases.slice(0, 4) },
      audits,
      moderations: [],
      frameworks,
    });
    expect(few.agreements[0]!.agreement).toMatchObject({ n: 4, exact: 2 });
    expect(few.rows[0]).toMatchObject({
      caseReference: 'C0',
      council: 'Good',
      inspector: 'Inadequate',
      held: false,
    });
    const all = computeChallengeResult({ challenge, audits, moderations: [], frameworks });
    expect(all).toMatchObject({ held: 10, submitted: 12 });
    expect(all.agreements[0]!.agreement.kappa).not.toBeNull();
  });

  it('compares with the standing grade, the moderated one when moderation changed it', () => {
    let challenge = withChallengeCases(undefined, audits.slice(0, 1));
    challenge = withInspectorGrade(challenge, {
      auditId: 'a0',
      grade: 'requires-improvement',
      reason: '',
      at: 't',
    });
    const moderation = {
      id: 'm',
      createdAt: 't',
      updatedAt: 't',
      updatedBy: 'x',
      auditId: 'a0',
      moderator: 'M',
      domainGrades: {},
      moderatedOverallGrade: 'requires-improvement',
      agreement: 'disagree',
      reason: 'r',
      submittedAt: 't',
    };
    const result = computeChallengeResult({
      challenge,
      audits,
      moderations: [moderation as never],
      frameworks,
    });
    expect(result.rows[0]).toMatchObject({ council: 'Requires improvement to be good', held: true });
  });
});
