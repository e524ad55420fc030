import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { evaluateJudgements } from '../../../src/domain/judgements/evaluate';
import { buildCycleOverview } from '../../../src/domain/self-assessment/cycle-overview';
import type { CycleBundle } from '../../../src/domain/workspace/records';
import { makeCriterionAssessment, makeJudgementAssessment, makeNarrative } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');

const HELP = 'The experiences and progress of children who need help and protection';

type Records = Pick<CycleBundle, 'criterionAssessments' | 'judgementAssessments' | 'narratives'>;
const overviewOf = (records: Partial<Records>, framework: Framework = ilacs) =>
  buildCycleOverview(framework, {
    criterionAssessments: [],
    judgementAssessments: [],
    narratives: [],
    ...records,
  });
const agreed = (judgementId: string, agreedGrade: string, rationale = '') =>
  makeJudgementAssessment({ judgementId, agreedGrade, rationale });
const graded = (criterionId: string, grade: string) => makeCriterionAssessment({ criterionId, grade });
const rowOf = (overview: ReturnType<typeof overviewOf>, id: string) =>
  overview.rows.find((r) => r.judgementId === id)!;

describe('buildCycleOverview', () => {
  it('has one row per judgement, in the framework’s order, before anything is graded', () => {
    const overview = overviewOf({});
    expect(overview.rows.map((r) => r.judgementId)).toEqual([
      'leaders',
      'help-and-protection',
      'children-in-care',
      'care-leavers',
      'overall-effectiveness',
    ]);
    expect(rowOf(overview, 'help-and-protection')).toEqual({
      judgementId: 'help-and-protection',
      title: HELP,
      proposal: {
        levelId: null,
        explanation: `No criteria graded yet: grade the criteria of ${HELP} to get a proposal.`,
        source: 'criteria',
      },
      agreedLevelId: undefined,
      rationale: '',
      rationaleMissing: false,
      criteriaTotal: 12,
      criteriaGraded: 0,
      criteriaDone: 0,
      narrative: 'not-started',
      findings: [],
    });
    const overall = rowOf(overview, 'overall-effectiveness');
    expect(overall.proposal).toMatchObject({ levelId: null, source: 'rules' });
    expect(overall.proposal.explanation).toMatch(/^Grade The impact of leaders .* first\.$/);
    expect(overall.criteriaTotal).toBe(0);
  });

  it('proposes from the criteria for judgements that have them', () => {
    const overview = overviewOf({
      criterionAssessments: [graded('cl-pathway-plans', 'good'), graded('cl-accommodation', 'good')],
    });
    expect(rowOf(overview, 'care-leavers').proposal).toEqual({
      levelId: 'good',
      explanation: 'Proposed Good because all 2 graded criteria are Good. 6 not graded yet.',
      source: 'criteria',
    });
  });

  it('proposes overall effectiveness from the rules, and blocks an overall grade that breaks the hard rule', () => {
    const judgementAssessments = [
      agreed('help-and-protection', 'inadequate'),
      agreed('overall-effectiveness', 'good'),
    ];
    const overview = overviewOf({ judgementAssessments });
    const overall = rowOf(overview, 'overall-effectiveness');
    const expected = evaluateJudgements(ilacs, {
      'help-and-protection': 'inadequate',
      'overall-effectiveness': 'good',
    });
    expect(overall.proposal).toEqual({
      levelId: 'inadequate',
      explanation: expected.proposals['overall-effectiveness']!.reasons.join(' '),
      source: 'rules',
    });
    expect(overall.proposal.explanation).toContain(
      `${HELP} is Inadequate, so Overall effectiveness must be Inadequate`,
    );

    const hard = overview.findings.find((f) => f.ruleId === 'practice-inadequate-overall-inadequate')!;
    expect(hard.severity).toBe('error');
    expect(overview.findings).toEqual(expected.findings);
    expect(overall.findings).toEqual([hard]);
    expect(rowOf(overview, 'help-and-protection').findings).toEqual([hard]);
    expect(rowOf(overview, 'leaders').findings).toEqual([]);
    expect(overall.rationaleMissing).toBe(true);
    expect(hard.message).toContain('but Overall effectiveness is Good');
  });

  it('wants a rationale only when the agreed grade differs from a proposal and none is written', () => {
    const criterionAssessments = [graded('cic-permanence', 'requires-improvement')];
    const missing = (rationale: string, grade = 'good') =>
      rowOf(
        overviewOf({
          criterionAssessments,
          judgementAssessments: [agreed('children-in-care', grade, rationale)],
        }),
        'children-in-care',
      ).rationaleMissing;
    expect(missing('')).toBe(true);
    expect(missing('  \n ')).toBe(true);
    expect(missing('Audits in the last quarter show stronger permanence planning.')).toBe(false);
    expect(missing('', 'requires-improvement')).toBe(false);
    const noProposal = overviewOf({ judgementAssessments: [agreed('care-leavers', 'good')] });
    expect(rowOf(noProposal, 'care-leavers').rationaleMissing).toBe(false);
    const notAgreed = overviewOf({ criterionAssessments });
    expect(rowOf(notAgreed, 'children-in-care').rationaleMissing).toBe(false);
  });

  it('ignores deleted judgement assessments, narratives and criterion grades', () => {
    const gone = { deletedAt: '2025-05-01T00:00:00Z' };
    const overview = overviewOf({
      criterionAssessments: [
        makeCriterionAssessment({ criterionId: 'cl-pathway-plans', grade: 'good', ...gone }),
      ],
      judgementAssessments: [
        makeJudgementAssessment({ judgementId: 'care-leavers', agreedGrade: 'good', ...gone }),
      ],
      narratives: [
        makeNarrative({
          judgementId: 'care-leavers',
          answers: { 'what-we-know': 'A', 'how-we-know': 'B', plans: 'C' },
          ...gone,
        }),
      ],
    });
    expect(rowOf(overview, 'care-leavers')).toMatchObject({
      agreedLevelId: undefined,
      criteriaGraded: 0,
      narrative: 'not-started',
    });
  });

  it('reports soft rules as warnings only', () => {
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
    const overview = overviewOf({ judgementAssessments });
    expect(overview.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['overall-within-range', 'warning'],
      ['overall-usually-equals-leaders', 'warning'],
    ]);
  });

  it('explains a judgement with neither criteria nor a rule that derives it', () => {
    const extra: Framework = {
      ...ilacs,
      judgements: [
        ...ilacs.judgements,
        {
          id: 'partnership',
          title: 'Safeguarding partnership',
          shortTitle: 'Partnership',
          kind: 'review',
          scaleId: 'ofsted-4',
        },
      ],
    };
    expect(rowOf(overviewOf({}, extra), 'partnership').proposal).toEqual({
      levelId: null,
      explanation:
        'Safeguarding partnership has no criteria and no rule that derives it: agree its grade from the evidence.',
      source: 'rules',
    });
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
      makeNarrative({
        judgementId: 'help-and-protection',
        answers: { 'what-we-know': '  ', 'other-section': 'X' },
      }),
    ];
    const overview = overviewOf({ narratives });
    expect(overview.rows.map((r) => r.narrative)).toEqual([
      'in-progress',
      'not-started',
      'not-started',
      'written',
      'not-started',
    ]);
  });

  it('counts not applicable criteria as done but not graded', () => {
    const overview = overviewOf({
      criterionAssessments: [
        graded('cic-unaccompanied', 'not-applicable'),
        graded('cic-permanence', 'good'),
        graded('cic-kinship-care', 'not-yet-graded'),
      ],
    });
    expect(rowOf(overview, 'children-in-care')).toMatchObject({
      criteriaTotal: 10,
      criteriaGraded: 1,
      criteriaDone: 2,
    });
  });
});
