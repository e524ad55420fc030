import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { buildCycleOverview, checkCanFinalise } from '../../../src/domain/self-assessment/cycle-overview';
import { makeCriterionAssessment, makeJudgementAssessment, makeNarrative } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const agreed = (judgementId: string, agreedGrade: string, rationale = '') =>
  makeJudgementAssessment({ judgementId, agreedGrade, rationale });
const allAgreed = (grade: string) => ilacs.judgements.map((j) => agreed(j.id, grade));

describe('buildCycleOverview', () => {
  it('has one row per judgement, in the framework’s order', () => {
    const overview = buildCycleOverview(ilacs, {
      criterionAssessments: [],
      judgementAssessments: [],
      narratives: [],
    });
    expect(overview.rows.map((r) => r.judgementId)).toEqual(ilacs.judgements.map((j) => j.id));
    expect(overview.rows[1]).toMatchObject({
      criteriaTotal: 12,
      criteriaGraded: 0,
      narrative: 'not-started',
    });
  });

  it('proposes overall effectiveness from the rules over the agreed grades', () => {
    const overview = buildCycleOverview(ilacs, {
      criterionAssessments: [],
      judgementAssessments: [
        agreed('help-and-protection', 'inadequate'),
        agreed('leaders', 'requires-improvement'),
      ],
      narratives: [],
    });
    const overall = overview.rows.find((r) => r.judgementId === 'overall-effectiveness')!;
    expect(overall.proposal).toMatchObject({ levelId: 'inadequate', source: 'rules' });
    expect(overall.proposal.explanation).toMatch(/^Proposed Inadequate: /);
  });

  it('blocks finalising on a broken hard rule, a missing agreed grade or a missing rationale', () => {
    const judgementAssessments = [
      agreed('leaders', 'good'),
      agreed('help-and-protection', 'inadequate'),
      agreed('children-in-care', 'good'),
      agreed('overall-effectiveness', 'good'),
    ];
    const criterionAssessments = [
      makeCriterionAssessment({ criterionId: 'cic-permanence', grade: 'requires-improvement' }),
    ];
    const overview = buildCycleOverview(ilacs, {
      criterionAssessments,
      judgementAssessments,
      narratives: [],
    });
    const { ok, blockers } = checkCanFinalise(overview);
    expect(ok).toBe(false);
    expect(blockers.some((b) => b.includes('Overall effectiveness must also be Inadequate'))).toBe(true);
    expect(blockers).toContain('Agree a grade for The experiences and progress of care leavers.');
    expect(blockers).toContain(
      'Write a rationale for The experiences and progress of children in care: the agreed grade differs from the proposal.',
    );
  });

  it('lets a cycle with agreed grades and rationales be finalised, whatever the soft warnings', () => {
    const judgementAssessments = [
      ...['leaders', 'help-and-protection', 'children-in-care', 'care-leavers'].map((id) =>
        agreed(id, 'good'),
      ),
      agreed(
        'overall-effectiveness',
        'requires-improvement',
        'Help and protection is weaker than the grades suggest.',
      ),
    ];
    const overview = buildCycleOverview(ilacs, {
      criterionAssessments: [],
      judgementAssessments,
      narratives: [],
    });
    expect(overview.findings.length).toBeGreaterThan(0);
    expect(overview.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(checkCanFinalise(overview)).toEqual({ ok: true, blockers: [] });
  });

  it('does not require an optional judgement to be agreed', () => {
    const optional: Framework = {
      ...ilacs,
      judgements: ilacs.judgements.map((j) => (j.id === 'care-leavers' ? { ...j, optional: true } : j)),
    };
    const judgementAssessments = allAgreed('good').filter((a) => a.judgementId !== 'care-leavers');
    const overview = buildCycleOverview(optional, {
      criterionAssessments: [],
      judgementAssessments,
      narratives: [],
    });
    expect(overview.blockers).toEqual([]);
  });

  it('tracks the narrative: not started, in progress, written', () => {
    const narratives = [
      makeNarrative({
        judgementId: 'leaders',
        answers: { 'what-we-know': 'Text', 'how-we-know': ' ', plans: '' },
      }),
      makeNarrative({
        judgementId: 'care-leavers',
        answers: { 'what-we-know': 'A', 'how-we-know': 'B', plans: 'C' },
      }),
    ];
    const overview = buildCycleOverview(ilacs, {
      criterionAssessments: [],
      judgementAssessments: [],
      narratives,
    });
    const state = (id: string) => overview.rows.find((r) => r.judgementId === id)!.narrative;
    expect([state('leaders'), state('care-leavers'), state('children-in-care')]).toEqual([
      'in-progress',
      'written',
      'not-started',
    ]);
  });

  it('counts not applicable criteria as done but not graded', () => {
    const criterionAssessments = [
      makeCriterionAssessment({ criterionId: 'cic-unaccompanied', grade: 'not-applicable' }),
      makeCriterionAssessment({ criterionId: 'cic-permanence', grade: 'good' }),
    ];
    const overview = buildCycleOverview(ilacs, {
      criterionAssessments,
      judgementAssessments: [],
      narratives: [],
    });
    expect(overview.rows.find((r) => r.judgementId === 'children-in-care')).toMatchObject({
      criteriaGraded: 1,
      criteriaDone: 2,
    });
  });
});
