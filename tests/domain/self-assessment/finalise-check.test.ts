import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { buildCycleOverview } from '../../../src/domain/self-assessment/cycle-overview';
import { computeMissingForFinal } from '../../../src/domain/self-assessment/finalise-check';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import type { CycleBundle } from '../../../src/domain/workspace/records';
import { AUTHOR } from '../../helpers/builders';
import { completeRecords } from '../../helpers/complete-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const sif = shippedFramework('sif-2013');
const SHIPPED = ['sif-2013', 'ilacs-2018', 'ilacs-2023', 'ilacs-2026'].map(shippedFramework);

type Records = Pick<CycleBundle, 'criterionAssessments' | 'judgementAssessments' | 'narratives'>;

/** A complete cycle, then `change` applied to its records: the one way each test spoils it. */
function completeExcept(framework: Framework, change: (r: Records) => void = () => undefined): Records {
  const records = completeRecords(framework, 'cycle-test');
  change(records);
  return records;
}
const criterion = (r: Records, id: string) => r.criterionAssessments.find((a) => a.criterionId === id)!;
const judgement = (r: Records, id: string) => r.judgementAssessments.find((a) => a.judgementId === id)!;
const narrative = (r: Records, id: string) => r.narratives.find((n) => n.judgementId === id)!;

let n = 0;
const blankCycle = (framework: Framework) =>
  startCycle({ framework, startYear: 2025, author: AUTHOR, makeId: () => `id-${++n}` });

describe('computeMissingForFinal', () => {
  it('lists every criterion, judgement and answer of a blank cycle, each with the ids to link to', () => {
    const missing = computeMissingForFinal(ilacs, blankCycle(ilacs));
    const sections = ilacs.selfEvaluation.length;
    expect(missing).toHaveLength(ilacs.criteria.length + ilacs.judgements.length * (1 + sections));
    expect(missing.slice(0, 2)).toEqual([
      {
        code: 'criterion-not-graded',
        judgementId: 'leaders',
        criterionId: 'lead-governance',
        message: 'Grade L1 Political and corporate leadership and governance, or mark it not applicable.',
      },
      {
        code: 'criterion-not-graded',
        judgementId: 'leaders',
        criterionId: 'lead-partnerships',
        message: 'Grade L2 Partnerships, or mark it not applicable.',
      },
    ]);
    const overall = missing.filter((m) => m.judgementId === 'overall-effectiveness');
    expect(overall).toEqual([
      {
        code: 'grade-not-agreed',
        judgementId: 'overall-effectiveness',
        message: 'Agree a grade for Overall effectiveness.',
      },
      {
        code: 'answer-missing',
        judgementId: 'overall-effectiveness',
        sectionId: 'what-we-know',
        message:
          'Answer “What do you know about the quality and impact of social work practice?” for Overall effectiveness.',
      },
      {
        code: 'answer-missing',
        judgementId: 'overall-effectiveness',
        sectionId: 'how-we-know',
        message: 'Answer “How do you know it?” for Overall effectiveness.',
      },
      {
        code: 'answer-missing',
        judgementId: 'overall-effectiveness',
        sectionId: 'plans',
        message:
          'Answer “What are your plans for the next 12 months to maintain or improve practice?” for Overall effectiveness.',
      },
    ]);
  });

  it('finds nothing missing in a complete cycle of every shipped framework', () => {
    for (const framework of SHIPPED) {
      expect(computeMissingForFinal(framework, completeExcept(framework)), framework.id).toEqual([]);
    }
  });

  it('lists exactly what is missing: one ungraded criterion, an unagreed grade and a blank answer', () => {
    const records = completeExcept(ilacs, (r) => {
      criterion(r, 'hp-front-door').grade = 'not-yet-graded';
      criterion(r, 'cic-unaccompanied').grade = 'not-applicable';
      delete judgement(r, 'care-leavers').agreedGrade;
      narrative(r, 'leaders').answers['how-we-know'] = ' \n ';
    });
    expect(
      computeMissingForFinal(ilacs, records).map((m) => [
        m.code,
        m.judgementId,
        'criterionId' in m ? m.criterionId : 'sectionId' in m ? m.sectionId : '',
      ]),
    ).toEqual([
      ['answer-missing', 'leaders', 'how-we-know'],
      ['criterion-not-graded', 'help-and-protection', 'hp-front-door'],
      ['grade-not-agreed', 'care-leavers', ''],
    ]);
  });

  it('counts a criterion with no record, or a grade off the scale, as not graded', () => {
    const records = completeExcept(ilacs, (r) => {
      r.criterionAssessments = r.criterionAssessments.filter((a) => a.criterionId !== 'cl-pathway-plans');
      criterion(r, 'cl-accommodation').grade = 'excellent';
    });
    expect(computeMissingForFinal(ilacs, records).map((m) => 'criterionId' in m && m.criterionId)).toEqual([
      'cl-pathway-plans',
      'cl-accommodation',
    ]);
  });

  it('wants every graded criterion signed off, counting one agreed before sign-off was recorded', () => {
    const records = completeExcept(ilacs, (r) => {
      criterion(r, 'hp-front-door').status = 'ready-for-review';
      criterion(r, 'cl-accommodation').status = 'in-progress';
      // Agreed in a workspace from before sign-off was recorded: no review record, still signed off.
      delete criterion(r, 'cl-pathway-plans').review;
      // Not graded: asked to grade it, not also to sign it off.
      criterion(r, 'cl-entitlements-and-local-offer').grade = 'not-yet-graded';
      criterion(r, 'cl-entitlements-and-local-offer').status = 'to-do';
    });
    const missing = computeMissingForFinal(ilacs, records).map((m) => [
      m.code,
      'criterionId' in m ? m.criterionId : '',
    ]);
    expect(missing).toEqual(
      expect.arrayContaining([
        ['criterion-not-signed-off', 'hp-front-door'],
        ['criterion-not-signed-off', 'cl-accommodation'],
        ['criterion-not-graded', 'cl-entitlements-and-local-offer'],
      ]),
    );
    expect(missing).toHaveLength(3);
    const message = computeMissingForFinal(ilacs, records).find((m) => m.code === 'criterion-not-signed-off');
    expect(message?.message).toMatch(/^Have \S+ .+ reviewed and signed off\.$/);
  });

  it('wants every agreed grade signed off, counting one agreed before sign-off was recorded', () => {
    const judgements = ilacs.judgements.map((j) => j.id);
    const [awaiting, older] = [judgements[0]!, judgements[1]!];
    const records = completeExcept(ilacs, (r) => {
      // Agreed, then the sign-off withdrawn or never given: present review, no signedOffBy.
      judgement(r, awaiting).review = {};
      // Agreed in a workspace from before sign-off was recorded: no review record, still signed off.
      delete judgement(r, older).review;
    });
    const missing = computeMissingForFinal(ilacs, records);
    expect(missing.map((m) => [m.code, m.judgementId])).toEqual([['grade-not-signed-off', awaiting]]);
    const title = ilacs.judgements[0]!.title;
    expect(missing[0]!.message).toBe(`Have the agreed grade for ${title} signed off by a reviewer.`);
  });

  it('wants a rationale where the agreed grade differs from the proposal', () => {
    const records = completeExcept(ilacs, (r) => {
      judgement(r, 'children-in-care').agreedGrade = 'outstanding';
      judgement(r, 'children-in-care').rationale = '';
      judgement(r, 'leaders').rationale = '';
    });
    expect(computeMissingForFinal(ilacs, records)).toEqual([
      {
        code: 'rationale-missing',
        judgementId: 'children-in-care',
        message:
          'Write a rationale for The experiences and progress of children in care: the agreed grade differs from the proposal.',
      },
    ]);
  });

  it('puts a broken firm rule first, linked to the judgement the rule constrains', () => {
    const records = completeExcept(ilacs, (r) => {
      for (const a of r.criterionAssessments.filter((c) => c.criterionId.startsWith('hp-')))
        a.grade = 'inadequate';
      judgement(r, 'help-and-protection').agreedGrade = 'inadequate';
      delete judgement(r, 'leaders').agreedGrade;
    });
    const overview = buildCycleOverview(ilacs, records);
    const hard = overview.findings.find((f) => f.severity === 'error')!;
    expect(computeMissingForFinal(ilacs, records, overview)).toEqual([
      {
        code: 'rule-broken',
        judgementId: 'overall-effectiveness',
        ruleId: 'practice-inadequate-overall-inadequate',
        message: hard.message,
      },
      {
        code: 'grade-not-agreed',
        judgementId: 'leaders',
        message: `Agree a grade for ${ilacs.judgements[0]!.title}.`,
      },
    ]);
  });

  it('ignores deleted records', () => {
    const gone = '2025-05-01T00:00:00Z';
    const records = completeExcept(ilacs, (r) => {
      criterion(r, 'hp-front-door').deletedAt = gone;
      judgement(r, 'care-leavers').deletedAt = gone;
      narrative(r, 'care-leavers').deletedAt = gone;
    });
    expect(computeMissingForFinal(ilacs, records).map((m) => m.code)).toEqual([
      'criterion-not-graded',
      'grade-not-agreed',
      'answer-missing',
      'answer-missing',
      'answer-missing',
    ]);
  });

  it('leaves out an optional judgement nobody has started (the SIF LSCB review), but not one begun', () => {
    const withoutLscb = completeExcept(sif, (r) => {
      const lscb = new Set(sif.criteria.filter((c) => c.judgementId === 'lscb').map((c) => c.id));
      for (const a of r.criterionAssessments) if (lscb.has(a.criterionId)) a.grade = 'not-yet-graded';
      delete judgement(r, 'lscb').agreedGrade;
      narrative(r, 'lscb').answers = {};
    });
    expect(computeMissingForFinal(sif, withoutLscb)).toEqual([]);

    criterion(withoutLscb, 'lscb-training').grade = 'good';
    const begun = computeMissingForFinal(sif, withoutLscb);
    expect(begun.every((m) => m.judgementId === 'lscb')).toBe(true);
    expect(begun.filter((m) => m.code === 'criterion-not-graded')).toHaveLength(
      sif.criteria.filter((c) => c.judgementId === 'lscb').length - 1,
    );
    expect(begun.map((m) => m.code)).toContain('grade-not-agreed');
  });

  it('still requires every judgement that is not optional: SIF adoption performance', () => {
    const records = completeExcept(sif, (r) => delete judgement(r, 'adoption-performance').agreedGrade);
    expect(computeMissingForFinal(sif, records)).toEqual([
      {
        code: 'grade-not-agreed',
        judgementId: 'adoption-performance',
        message: 'Agree a grade for Adoption performance.',
      },
    ]);
  });

  it('links only to criteria, judgements and sections of the framework, for every shipped framework', () => {
    for (const framework of SHIPPED) {
      const criteria = new Set(framework.criteria.map((c) => c.id));
      const judgements = new Set(framework.judgements.map((j) => j.id));
      const sections = new Set(framework.selfEvaluation.map((s) => s.id));
      for (const m of computeMissingForFinal(framework, blankCycle(framework))) {
        expect(judgements.has(m.judgementId), m.message).toBe(true);
        if (m.code === 'criterion-not-graded') expect(criteria.has(m.criterionId)).toBe(true);
        if (m.code === 'answer-missing') expect(sections.has(m.sectionId)).toBe(true);
      }
    }
  });
});
