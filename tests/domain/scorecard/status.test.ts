import { describe, expect, it } from 'vitest';
import { computeIndicatorChecks } from '../../../src/domain/scorecard/indicator-checks';
import type { Indicator } from '../../../src/domain/scorecard/records';
import { starterIndicators } from '../../../src/domain/scorecard/starter-set';
import {
  directionOf,
  formatValue,
  latestValue,
  periodLabel,
  ragOf,
} from '../../../src/domain/scorecard/status';
import { makeCriterionAssessment } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: 'i1',
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    name: 'Contacts with a decision within one working day',
    definition: '',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'month',
    target: 90,
    tolerance: 5,
    source: '',
    owner: '',
    criterionIds: ['hp-front-door'],
    values: [],
    ...overrides,
  };
}
const v = (period: string, value: number | null) => ({ period, value, comparators: {} });

describe('RAG against the target', () => {
  it.each([
    [95, 'green'],
    [90, 'green'],
    [86, 'amber'],
    [85, 'amber'],
    [84.9, 'red'],
  ])('higher is better: %s → %s', (value, rag) => expect(ragOf(indicator(), value)).toBe(rag));

  it.each([
    [15, 'green'],
    [20, 'green'],
    [23, 'amber'],
    [23.5, 'red'],
  ])('lower is better: %s → %s', (value, rag) =>
    expect(ragOf(indicator({ polarity: 'lower-is-better', target: 20, tolerance: 3 }), value)).toBe(rag),
  );

  it('has no RAG without a target or a value', () => {
    expect(ragOf(indicator({ target: undefined }), 50)).toBe('no-target');
    expect(ragOf(indicator(), null)).toBe('no-data');
  });
});

describe('direction of travel', () => {
  it('reads up as improving when higher is better, and as worsening when lower is better', () => {
    const values = [v('2025-04', 80), v('2025-05', 84)];
    expect(directionOf(indicator({ values }))).toBe('improving');
    expect(directionOf(indicator({ values, polarity: 'lower-is-better' }))).toBe('worsening');
  });

  it('skips missing periods rather than reading them as zero, and sorts by period', () => {
    const values = [v('2025-06', 84), v('2025-05', null), v('2025-04', 88)];
    expect(directionOf(indicator({ values }))).toBe('worsening');
    expect(latestValue(indicator({ values: [...values, v('2025-07', null)] }))?.period).toBe('2025-06');
    expect(directionOf(indicator({ values: [v('2025-04', 88), v('2025-05', null)] }))).toBe(
      'not-enough-data',
    );
    expect(directionOf(indicator({ values: [v('2025-04', 88), v('2025-05', 88)] }))).toBe('no-change');
  });
});

describe('labels', () => {
  it('names months and April-to-March quarters, and values in their unit', () => {
    expect(periodLabel('2025-05', 'month')).toBe('May 2025');
    expect(periodLabel('2025-04', 'quarter')).toBe('2025–26 Q1');
    expect(periodLabel('2026-01', 'quarter')).toBe('2025–26 Q4');
    expect(formatValue(indicator(), 84.25)).toBe('84.3%');
    expect(formatValue(indicator({ unit: 'days' }), 12)).toBe('12 days');
    expect(formatValue(indicator({ unit: 'days' }), 1)).toBe('1 day');
    expect(formatValue(indicator({ unit: 'weeks' }), 26.5)).toBe('26.5 weeks');
    expect(formatValue(indicator(), null)).toBe('–');
  });
});

describe('indicators as evidence', () => {
  const ilacs = shippedFramework('ilacs-2023');

  it('flags a criterion graded Good while a linked figure is red', () => {
    const red = indicator({ values: [v('2025-05', 78)] });
    const checks = computeIndicatorChecks(
      ilacs,
      [makeCriterionAssessment({ criterionId: 'hp-front-door', grade: 'good' })],
      [red],
    );
    expect(checks).toHaveLength(1);
    expect(checks[0]!.message).toContain(
      '“Contacts with a decision within one working day” is red: 78% in May 2025 against a target of 90%',
    );
    expect(
      computeIndicatorChecks(
        ilacs,
        [makeCriterionAssessment({ criterionId: 'hp-front-door', grade: 'requires-improvement' })],
        [red],
      ),
    ).toEqual([]);
    expect(
      computeIndicatorChecks(
        ilacs,
        [makeCriterionAssessment({ criterionId: 'hp-front-door', grade: 'good' })],
        [indicator({ values: [v('2025-05', 88)] })],
      ),
    ).toEqual([]);
  });

  it('has a starter set whose criteria exist in ILACS', () => {
    let n = 0;
    const starters = starterIndicators(() => ({
      id: `s${++n}`,
      createdAt: '',
      updatedAt: '',
      updatedBy: '',
    }));
    expect(starters.length).toBeGreaterThanOrEqual(11);
    expect(starters.every((s) => s.criterionIds.every((id) => ilacs.criteria.some((c) => c.id === id)))).toBe(
      true,
    );
  });
});
