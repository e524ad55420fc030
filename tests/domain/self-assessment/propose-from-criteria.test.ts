import { describe, expect, it } from 'vitest';
import { proposeFromCriteria } from '../../../src/domain/self-assessment/propose-from-criteria';
import { makeCriterionAssessment } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const O = 'outstanding';
const G = 'good';
const RI = 'requires-improvement';
const I = 'inadequate';
const NA = 'not-applicable';
const RANK: Record<string, number> = { [O]: 4, [G]: 3, [RI]: 2, [I]: 1 };

const grade = (criterionId: string, g: string, extra = {}) =>
  makeCriterionAssessment({ criterionId, grade: g, ...extra });

const HP2 =
  'HP2 The front door: contacts, referrals, the multi-agency safeguarding hub, thresholds, consent and out of hours';

describe('proposeFromCriteria', () => {
  it('proposes the lower median and names the weakest criteria, with true counts', () => {
    const proposal = proposeFromCriteria(ilacs, 'help-and-protection', [
      grade('hp-early-help', G),
      grade('hp-front-door', I),
      grade('hp-strategy-and-section-47', RI),
      grade('hp-assessment', RI),
      grade('hp-plans-and-reviews', G),
      grade('hp-pre-proceedings', O),
      grade('hp-domestic-abuse-and-neglect', RI),
      grade('hp-disabled-children', NA),
      grade('hp-private-fostering-and-homeless-16-17', NA),
    ]);
    expect(proposal).toEqual({
      judgementId: 'help-and-protection',
      levelId: RI,
      total: 12,
      graded: 7,
      notApplicable: 2,
      counts: { [G]: 2, [I]: 1, [RI]: 3, [O]: 1 },
      explanation: `Proposed Requires improvement to be good because 4 of the 7 graded criteria are no better than Requires improvement to be good, including ${HP2}; HP3 Strategy discussions and section 47 enquiries. 3 not graded yet, 2 not applicable.`,
    });
  });

  it('takes the lower of the two middle grades for an even count', () => {
    const proposal = proposeFromCriteria(ilacs, 'care-leavers', [
      grade('cl-personal-advisers', G),
      grade('cl-pathway-plans', RI),
      grade('cl-health-and-wellbeing', G),
      grade('cl-accommodation', O),
    ]);
    // Ranks sorted: RI, G, G, O → the lower middle is Good (the upper would be Good too).
    expect(proposal.levelId).toBe(G);
    expect(proposal.explanation).toBe(
      'Proposed Good because 3 of the 4 graded criteria are no better than Good, including CL2 Pathway plans; CL1 Personal advisers allocated in time and in touch. 4 not graded yet.',
    );

    const split = proposeFromCriteria(ilacs, 'help-and-protection', [
      grade('hp-front-door', RI),
      grade('hp-assessment', G),
      grade('hp-lado', G),
      grade('hp-early-help', RI),
    ]);
    expect(split.levelId).toBe(RI);
    expect(split.explanation).toBe(
      `Proposed Requires improvement to be good because 2 of the 4 graded criteria are Requires improvement to be good (HP1 Early help, and stepping up and stepping down; ${HP2}). 8 not graded yet.`,
    );
  });

  it('takes the third of six: Inadequate, RI, RI, Good, Good, Outstanding proposes RI', () => {
    const proposal = proposeFromCriteria(ilacs, 'care-leavers', [
      grade('cl-personal-advisers', O),
      grade('cl-pathway-plans', G),
      grade('cl-health-and-wellbeing', G),
      grade('cl-entitlements-and-local-offer', RI),
      grade('cl-accommodation', RI),
      grade('cl-education-employment-training', I),
    ]);
    expect(proposal.levelId).toBe(RI);
    expect(proposal.explanation).toMatch(
      /^Proposed Requires improvement to be good because 3 of the 6 graded criteria are no better than Requires improvement to be good, including CL6 Education, employment and training; CL4 Entitlements/,
    );
  });

  it('says so plainly when every graded criterion has the same grade', () => {
    const proposal = proposeFromCriteria(
      ilacs,
      'care-leavers',
      ilacs.criteria.filter((c) => c.judgementId === 'care-leavers').map((c) => grade(c.id, G)),
    );
    expect(proposal.explanation).toBe('Proposed Good because all 8 graded criteria are Good.');
    const one = proposeFromCriteria(ilacs, 'care-leavers', [grade('cl-pathway-plans', I)]);
    expect(one.explanation).toBe(
      'Proposed Inadequate because the only graded criterion is Inadequate. 7 not graded yet.',
    );
  });

  it('never claims "no better than" of the worst grade, and says "all" when every graded criterion is at or below', () => {
    const lowest = proposeFromCriteria(ilacs, 'care-leavers', [
      grade('cl-pathway-plans', G),
      grade('cl-personal-advisers', I),
      grade('cl-accommodation', I),
    ]);
    expect(lowest.levelId).toBe(I);
    expect(lowest.explanation).toBe(
      'Proposed Inadequate because 2 of the 3 graded criteria are Inadequate (CL1 Personal advisers allocated in time and in touch; CL5 Suitable accommodation, including staying put and staying close). 5 not graded yet.',
    );
    const all = proposeFromCriteria(ilacs, 'care-leavers', [
      grade('cl-pathway-plans', G),
      grade('cl-personal-advisers', I),
      grade('cl-accommodation', G),
    ]);
    expect(all.levelId).toBe(G);
    expect(all.explanation).toMatch(
      /^Proposed Good because it is the middle grade of the 3 graded criteria \(2 Good, 1 Inadequate\), including CL1 /,
    );
    const single = proposeFromCriteria(ilacs, 'care-leavers', [
      grade('cl-pathway-plans', G),
      grade('cl-personal-advisers', RI),
    ]);
    expect(single.explanation).toBe(
      'Proposed Requires improvement to be good because 1 of the 2 graded criteria is Requires improvement to be good (CL1 Personal advisers allocated in time and in touch). 6 not graded yet.',
    );
  });

  it('names the weakest first and, among equals, in framework order whatever the records’ order', () => {
    const proposal = proposeFromCriteria(ilacs, 'help-and-protection', [
      grade('hp-lado', G),
      grade('hp-plans-and-reviews', I),
      grade('hp-management-oversight', G),
      grade('hp-strategy-and-section-47', I),
      grade('hp-early-help', RI),
    ]);
    expect(proposal.levelId).toBe(RI);
    expect(proposal.explanation).toContain(
      'including HP3 Strategy discussions and section 47 enquiries; HP5 Child in need and child protection plans, conferences, core groups and visits.',
    );
  });

  it('leaves out not applicable, ungraded, unknown, deleted and other judgements’ criteria', () => {
    const proposal = proposeFromCriteria(ilacs, 'children-in-care', [
      grade('cic-unaccompanied', NA),
      grade('cic-permanence', I, { deletedAt: '2025-01-01T00:00:00Z' }),
      grade('cic-kinship-care', 'not-yet-graded'),
      grade('cic-stability-and-sufficiency', 'excellent'),
      grade('hp-front-door', I),
      grade('cic-entering-care', G),
    ]);
    expect(proposal).toMatchObject({
      levelId: G,
      graded: 1,
      notApplicable: 1,
      total: 10,
      counts: { [G]: 1 },
    });
    expect(proposal.explanation).toBe(
      'Proposed Good because the only graded criterion is Good. 8 not graded yet, 1 not applicable.',
    );
  });

  it('has no proposal until a criterion is graded', () => {
    const proposal = proposeFromCriteria(ilacs, 'leaders', [grade('lead-governance', NA)]);
    expect(proposal).toEqual({
      judgementId: 'leaders',
      levelId: null,
      total: 9,
      graded: 0,
      notApplicable: 1,
      counts: {},
      explanation:
        'No criteria graded yet: grade the criteria of The impact of leaders on social work practice with children and families to get a proposal.',
    });
  });

  it('uses the framework’s own words: SIF prints “Requires improvement”', () => {
    const sif = shippedFramework('sif-2013');
    const proposal = proposeFromCriteria(sif, 'help-and-protection', [
      grade('sif-hp-early-help', RI),
      grade('sif-hp-front-door', G),
      grade('sif-hp-lado', RI),
    ]);
    expect(proposal.explanation).toBe(
      'Proposed Requires improvement because 2 of the 3 graded criteria are Requires improvement (1.1 Early help; 1.8 Allegations against adults who work with children (LADO)). 7 not graded yet.',
    );
  });

  it('always proposes the lower median and states a true count, for every mix of three grades', () => {
    const ids = ['cl-personal-advisers', 'cl-pathway-plans', 'cl-health-and-wellbeing'];
    const options = [O, G, RI, I, NA];
    for (const a of options) {
      for (const b of options) {
        for (const c of options) {
          const grades = [a, b, c];
          const proposal = proposeFromCriteria(
            ilacs,
            'care-leavers',
            grades.map((g, i) => grade(ids[i]!, g)),
          );
          const ranks = grades
            .filter((g) => g !== NA)
            .map((g) => RANK[g]!)
            .sort((x, y) => x - y);
          const expected = ranks[Math.floor((ranks.length - 1) / 2)];
          expect(proposal.levelId === null ? undefined : RANK[proposal.levelId]).toBe(expected);
          const stated = /because (\d+) of (\d+) graded/.exec(proposal.explanation);
          if (stated && expected !== undefined) {
            expect(Number(stated[1])).toBe(ranks.filter((r) => r <= expected).length);
            expect(Number(stated[2])).toBe(ranks.length);
          }
        }
      }
    }
  });
});
