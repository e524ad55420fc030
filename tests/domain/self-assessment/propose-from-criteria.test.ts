import { describe, expect, it } from 'vitest';
import { proposeFromCriteria } from '../../../src/domain/self-assessment/propose-from-criteria';
import { makeCriterionAssessment } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const grade = (criterionId: string, g: string, extra = {}) =>
  makeCriterionAssessment({ criterionId, grade: g, ...extra });

describe('proposeFromCriteria', () => {
  it('proposes the lower median of the graded criteria, and says why, naming the weakest', () => {
    const proposal = proposeFromCriteria(ilacs, 'care-leavers', [
      grade('cl-personal-advisers', 'good'),
      grade('cl-pathway-plans', 'requires-improvement'),
      grade('cl-health-and-wellbeing', 'good'),
      grade('cl-accommodation', 'outstanding'),
    ]);
    // Ranks sorted: RI, G, G, O → lower median is the 2nd: Good.
    expect(proposal.levelId).toBe('good');
    expect(proposal.graded).toBe(4);
    expect(proposal.total).toBe(8);
    expect(proposal.counts).toEqual({ good: 2, 'requires-improvement': 1, outstanding: 1 });
    expect(proposal.explanation).toBe(
      'Proposed Good because it is the middle grade of the 4 graded criteria (1 Outstanding, 2 Good, 1 Requires improvement to be good; weakest: CL2 Pathway plans; CL1 Personal advisers allocated in time and in touch). 4 not graded yet.',
    );
  });

  it('is cautious with an even split: two RI and two Good propose RI', () => {
    const proposal = proposeFromCriteria(ilacs, 'help-and-protection', [
      grade('hp-front-door', 'requires-improvement'),
      grade('hp-assessment', 'good'),
      grade('hp-lado', 'good'),
      grade('hp-early-help', 'requires-improvement'),
    ]);
    expect(proposal.levelId).toBe('requires-improvement');
    expect(proposal.explanation).toContain(
      'the lower of the two middle grades of the 4 graded criteria (2 Good, 2 Requires improvement to be good;',
    );
    expect(proposal.explanation).toContain('HP1 Early help');
    expect(proposal.explanation).toContain('HP2 The front door');
  });

  it('says so plainly when every graded criterion has the same grade', () => {
    const proposal = proposeFromCriteria(ilacs, 'care-leavers', [
      grade('cl-personal-advisers', 'good'),
      grade('cl-pathway-plans', 'good'),
    ]);
    expect(proposal.explanation).toMatch(/^Proposed Good because all 2 graded criteria are Good\./);
  });

  it('leaves out not applicable, ungraded, deleted and other judgements’ criteria', () => {
    const proposal = proposeFromCriteria(ilacs, 'children-in-care', [
      grade('cic-unaccompanied', 'not-applicable'),
      grade('cic-permanence', 'inadequate', { deletedAt: '2025-01-01T00:00:00Z' }),
      grade('cic-kinship-care', 'not-yet-graded'),
      grade('hp-front-door', 'inadequate'),
      grade('cic-entering-care', 'good'),
    ]);
    expect(proposal).toMatchObject({ levelId: 'good', graded: 1, notApplicable: 1, total: 10 });
    expect(proposal.explanation).toBe(
      'Proposed Good because the only graded criterion is Good. 8 not graded yet, 1 not applicable.',
    );
  });

  it('has no proposal until a criterion is graded', () => {
    const proposal = proposeFromCriteria(ilacs, 'leaders', []);
    expect(proposal.levelId).toBeNull();
    expect(proposal.explanation).toContain('No criteria graded yet');
  });

  it('uses the framework’s own words: SIF prints “Requires improvement”', () => {
    const sif = shippedFramework('sif-2013');
    const criterion = sif.criteria.find((c) => c.judgementId === 'help-and-protection')!;
    const proposal = proposeFromCriteria(sif, 'help-and-protection', [
      grade(criterion.id, 'requires-improvement'),
    ]);
    expect(proposal.explanation).toMatch(/^Proposed Requires improvement because/);
  });
});
