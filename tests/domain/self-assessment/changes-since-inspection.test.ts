import { describe, expect, it } from 'vitest';
import {
  compareWithLastInspection,
  lastLetterProgress,
  recommendationProgress,
  type InspectionComparisonInput,
} from '../../../src/domain/self-assessment/changes-since-inspection';
import {
  makeAction,
  makeCriterionAssessment,
  makeJudgementAssessment,
  makeRecommendation,
} from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';
import { makeLastInspection } from './last-inspection-fixture';

const ilacs2023 = shippedFramework('ilacs-2023');
const ilacs2026 = shippedFramework('ilacs-2026');

function compare(overrides: Partial<InspectionComparisonInput> = {}) {
  return compareWithLastInspection({
    framework: ilacs2026,
    inspectionFramework: ilacs2023,
    lastInspection: makeLastInspection(),
    current: {
      criterionAssessments: [],
      judgementAssessments: [
        makeJudgementAssessment({ judgementId: 'leaders', agreedGrade: 'requires-improvement' }),
        makeJudgementAssessment({ judgementId: 'help-and-protection', agreedGrade: 'good' }),
      ],
      narratives: [],
    },
    recommendations: [],
    actions: [],
    ...overrides,
  });
}

describe('compareWithLastInspection', () => {
  it('sets each judgement’s grade at the inspection beside its agreed grade now, in the framework’s words', () => {
    const result = compare();
    expect(result).toMatchObject({ kind: 'ilacs-report', date: '2024-12-01', fieldworkStart: '2024-10-07' });
    const leaders = result.judgements.find((j) => j.judgementId === 'leaders')!;
    expect(leaders).toMatchObject({
      atInspection: { levelId: 'good', label: 'Good' },
      now: { levelId: 'requires-improvement', label: 'Requires improvement to be good', source: 'agreed' },
      direction: 'down',
    });
    expect(result.judgements.find((j) => j.judgementId === 'help-and-protection')?.direction).toBe('up');
  });

  it('uses the grade proposed from the criteria where none is agreed, and says so', () => {
    const criteria = ilacs2026.criteria.filter((c) => c.judgementId === 'children-in-care');
    const result = compare({
      current: {
        criterionAssessments: criteria.map((c) =>
          makeCriterionAssessment({ criterionId: c.id, grade: 'inadequate' }),
        ),
        judgementAssessments: [],
        narratives: [],
      },
    });
    expect(result.judgements.find((j) => j.judgementId === 'children-in-care')).toMatchObject({
      now: { label: 'Inadequate', source: 'proposed' },
      direction: 'same',
    });
    expect(result.judgements.find((j) => j.judgementId === 'leaders')).toMatchObject({
      direction: 'no-longer-graded',
    });
    expect(result.judgements.find((j) => j.judgementId === 'leaders')?.now).toBeUndefined();
  });

  it('keeps a judgement the cycle’s framework no longer has, with the words the report printed', () => {
    const overall = compare().judgements.find((j) => j.title === 'Overall effectiveness');
    expect(overall).toMatchObject({
      direction: 'not-compared',
      atInspection: { label: 'Requires improvement to be good' },
    });
    expect(overall?.judgementId).toBeUndefined();
  });

  it('counts only the recommendations filed from that inspection, by how far they have got', () => {
    const r = (reference: string, extra = {}) =>
      makeRecommendation({ reference, source: 'inspection', date: '2024-12-01', ...extra });
    const recs = [
      r('R1'),
      r('R2', { closed: true }),
      r('R3'),
      r('R4'),
      r('R5', { deletedAt: '2025-01-01T00:00:00Z' }),
      makeRecommendation({ reference: 'R9', source: 'inspection', date: '2021-05-01' }),
      makeRecommendation({ reference: 'FV1', source: 'focused-visit', date: '2024-12-01' }),
    ];
    const actions = [
      makeAction({ recommendationIds: [recs[2]!.id], status: 'in-progress' }),
      makeAction({ recommendationIds: [recs[3]!.id], status: 'completed' }),
      makeAction({ recommendationIds: [recs[0]!.id], status: 'no-longer-needed' }),
      makeAction({ recommendationIds: [recs[0]!.id], deletedAt: '2025-01-01T00:00:00Z' }),
    ];
    const progress = compare({ recommendations: recs, actions }).recommendations;
    expect(progress.total).toBe(4);
    expect(progress.counts).toEqual({ 'no-action': 1, 'in-progress': 1, 'actions-complete': 1, closed: 1 });
    expect(progress.items.map((i) => [i.reference, i.status])).toEqual([
      ['R1', 'no-action'],
      ['R2', 'closed'],
      ['R3', 'in-progress'],
      ['R4', 'actions-complete'],
    ]);
  });

  it('files recommendations under the last day of fieldwork when the report has no publication date', () => {
    const { published: _, ...unpublished } = makeLastInspection();
    const recs = [makeRecommendation({ source: 'inspection', date: '2024-10-18' })];
    const result = compare({ lastInspection: unpublished, recommendations: recs });
    expect(result.date).toBe('2024-10-18');
    expect(result.recommendations.total).toBe(1);
  });
});

describe('recommendation progress', () => {
  it('always adds up to the recommendations counted', () => {
    const statuses = ['not-started', 'in-progress', 'completed', 'no-longer-needed'] as const;
    for (let seed = 0; seed < 50; seed++) {
      const recs = Array.from({ length: seed % 7 }, (_, i) =>
        makeRecommendation({ closed: (seed + i) % 3 === 0 }),
      );
      const actions = recs.flatMap((r, i) =>
        Array.from({ length: (seed + i) % 3 }, (_, k) =>
          makeAction({ recommendationIds: [r.id], status: statuses[(seed + i + k) % 4]! }),
        ),
      );
      const { total, counts } = recommendationProgress(recs, actions, () => true);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
      expect(total).toBe(recs.length);
    }
  });

  it('finds the latest annual engagement letter', () => {
    const recs = [
      makeRecommendation({ source: 'annual-engagement-letter', date: '2025-05-01', reference: 'AEM1' }),
      makeRecommendation({ source: 'annual-engagement-letter', date: '2026-05-01', reference: 'AEM1' }),
      makeRecommendation({
        source: 'annual-engagement-letter',
        date: '2026-05-01',
        reference: 'AEM2',
        closed: true,
      }),
    ];
    const letter = lastLetterProgress(recs, []);
    expect(letter?.date).toBe('2026-05-01');
    expect(letter?.progress.counts).toMatchObject({ 'no-action': 1, closed: 1 });
    expect(lastLetterProgress([makeRecommendation()], [])).toBeUndefined();
  });
});
