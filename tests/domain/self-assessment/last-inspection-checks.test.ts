import { describe, expect, it } from 'vitest';
import {
  computeReadinessChecks,
  type ReadinessInput,
} from '../../../src/domain/self-assessment/readiness-checks';
import type { ReadinessCheck } from '../../../src/domain/self-assessment/types';
import { makeAction, makeJudgementAssessment, makeRecommendation } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';
import { makeLastInspection } from './last-inspection-fixture';

const ilacs2023 = shippedFramework('ilacs-2023');
const ilacs2026 = shippedFramework('ilacs-2026');

function checks(overrides: Partial<ReadinessInput>) {
  return computeReadinessChecks({
    framework: ilacs2026,
    inspectionFramework: ilacs2023,
    criterionAssessments: [],
    judgementAssessments: [],
    evidence: [],
    actions: [],
    recommendations: [],
    today: '2025-06-01',
    ...overrides,
  });
}
const LAST_INSPECTION_CODES: ReadinessCheck['code'][] = [
  'lower-than-last-inspection',
  'weak-at-last-inspection-not-agreed',
  'weak-at-last-inspection-no-action',
];
const fromLastInspection = (list: ReadinessCheck[]) =>
  list.filter((c) => LAST_INSPECTION_CODES.includes(c.code));

describe('readiness checks against the last inspection', () => {
  it('checks nothing against an inspection when none is recorded', () => {
    const list = checks({
      judgementAssessments: [makeJudgementAssessment({ judgementId: 'leaders', agreedGrade: 'inadequate' })],
    });
    expect(fromLastInspection(list)).toEqual([]);
  });

  it('warns when a judgement is now self-assessed lower than it was judged, in the framework’s words', () => {
    const list = checks({
      lastInspection: makeLastInspection(),
      judgementAssessments: [
        makeJudgementAssessment({ judgementId: 'leaders', agreedGrade: 'requires-improvement' }),
      ],
    });
    const lower = list.filter((c) => c.code === 'lower-than-last-inspection');
    expect(lower).toHaveLength(1);
    expect(lower[0]).toMatchObject({ severity: 'warning', judgementId: 'leaders' });
    expect(lower[0]!.message).toContain('was judged Good at the last inspection (01/12/2024)');
    expect(lower[0]!.message).toContain('is now agreed as Requires improvement to be good');
  });

  it('asks for an agreed grade and an open action for each judgement judged less than good', () => {
    const list = checks({ lastInspection: makeLastInspection() });
    const weak = fromLastInspection(list).map((c) => [c.code, c.judgementId]);
    expect(weak).toEqual(
      expect.arrayContaining([
        ['weak-at-last-inspection-no-action', 'help-and-protection'],
        ['weak-at-last-inspection-no-action', 'children-in-care'],
        ['weak-at-last-inspection-not-agreed', 'help-and-protection'],
        ['weak-at-last-inspection-not-agreed', 'children-in-care'],
      ]),
    );
    expect(weak).toHaveLength(4);
    const inadequate = list.find(
      (c) => c.code === 'weak-at-last-inspection-no-action' && c.judgementId === 'children-in-care',
    );
    expect(inadequate).toMatchObject({ severity: 'error' });
    expect(inadequate!.message).toContain(
      'The experiences and progress of children in care was judged Inadequate',
    );
  });

  it('is satisfied by an agreed grade and an open action on the judgement or one of its criteria', () => {
    const criterion = ilacs2026.criteria.find((c) => c.judgementId === 'children-in-care')!;
    const list = checks({
      lastInspection: makeLastInspection(),
      judgementAssessments: [
        makeJudgementAssessment({ judgementId: 'help-and-protection', agreedGrade: 'requires-improvement' }),
        makeJudgementAssessment({ judgementId: 'children-in-care', agreedGrade: 'inadequate' }),
      ],
      actions: [
        makeAction({ judgementIds: ['help-and-protection'], status: 'not-started' }),
        makeAction({ criterionIds: [criterion.id], status: 'in-progress' }),
        // Finished or withdrawn actions are no plan for what is still to improve.
        makeAction({ judgementIds: ['children-in-care'], status: 'completed' }),
      ],
    });
    expect(fromLastInspection(list)).toEqual([]);
  });

  it('does not count a completed, withdrawn or deleted action as open', () => {
    const list = checks({
      lastInspection: makeLastInspection(),
      actions: [
        makeAction({ judgementIds: ['help-and-protection'], status: 'completed' }),
        makeAction({ judgementIds: ['help-and-protection'], status: 'no-longer-needed' }),
        makeAction({ judgementIds: ['help-and-protection'], deletedAt: '2025-01-01T00:00:00Z' }),
      ],
    });
    expect(
      list.some(
        (c) => c.code === 'weak-at-last-inspection-no-action' && c.judgementId === 'help-and-protection',
      ),
    ).toBe(true);
  });

  it('names the last inspection on each of its recommendations that has no action', () => {
    const list = checks({
      lastInspection: makeLastInspection(),
      recommendations: [
        makeRecommendation({ reference: 'R2', source: 'inspection', date: '2024-12-01' }),
        makeRecommendation({ reference: 'FV1', source: 'focused-visit', date: '2024-12-01' }),
      ],
    });
    const messages = list.filter((c) => c.code === 'recommendation-without-action').map((c) => c.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Recommendation R2 from the last inspection \(01\/12\/2024\) \(/),
        expect.stringMatching(/^Recommendation FV1 \(/),
      ]),
    );
  });
});
