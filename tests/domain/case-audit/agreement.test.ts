import { describe, expect, it } from 'vitest';
import {
  computeAgreement,
  describeKappa,
  MIN_PAIRS_FOR_KAPPA,
  pairsNeededForKappa,
  type GradePair,
} from '../../../src/domain/case-audit/agreement';
import type { Scale } from '../../../src/domain/framework/types';
import { shippedFramework } from '../../helpers/frameworks';

const ofsted = shippedFramework('ilacs-2023').scales.find((s) => s.id === 'ofsted-4')!;
const binary: Scale = {
  id: 'yes-no',
  title: 'Yes or no',
  kind: 'binary',
  levels: [
    { id: 'yes', label: 'Yes', short: 'Y', rank: 2 },
    { id: 'no', label: 'No', short: 'N', rank: 1 },
  ],
};

function pairs(cells: [string, string, number][]): GradePair[] {
  return cells.flatMap(([first, second, count]) => Array.from({ length: count }, () => ({ first, second })));
}

describe('computeAgreement', () => {
  it('matches the textbook two-rater example: 70% observed, 50% by chance, kappa 0.4', () => {
    // 50 cases: both yes 20, first yes/second no 5, first no/second yes 10, both no 15.
    const result = computeAgreement(
      pairs([
        ['yes', 'yes', 20],
        ['yes', 'no', 5],
        ['no', 'yes', 10],
        ['no', 'no', 15],
      ]),
      binary,
    );
    expect(result.n).toBe(50);
    expect(result.exactShare).toBeCloseTo(0.7, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
    // With two levels, linear weights are the same as no weights.
    expect(result.weightedKappa).toBeCloseTo(0.4, 10);
  });

  it('weights near misses: a three-grade example worked by hand', () => {
    // Confusion (first × second), best first: [10 2 0; 3 15 2; 0 1 7], n = 40.
    // Unweighted: po = 32/40 = 0.8, pe = 0.3675, kappa = 0.4325 / 0.6325 = 0.68379…
    // Linear weights (1, ½, 0): po = 0.9, pe = 0.6175, kappa = 0.2825 / 0.3825 = 0.73856…
    const threeLevels: Scale = { ...ofsted, levels: ofsted.levels.filter((l) => l.id !== 'outstanding') };
    const result = computeAgreement(
      pairs([
        ['good', 'good', 10],
        ['good', 'requires-improvement', 2],
        ['requires-improvement', 'good', 3],
        ['requires-improvement', 'requires-improvement', 15],
        ['requires-improvement', 'inadequate', 2],
        ['inadequate', 'requires-improvement', 1],
        ['inadequate', 'inadequate', 7],
      ]),
      threeLevels,
    );
    expect(result.kappa).toBeCloseTo(0.4325 / 0.6325, 10);
    expect(result.weightedKappa).toBeCloseTo(0.2825 / 0.3825, 10);
    expect(result.confusion).toEqual([
      [10, 2, 0],
      [3, 15, 2],
      [0, 1, 7],
    ]);
    expect(result.withinOne).toBe(40);
  });

  it('counts exact and within-one agreement on the four-point scale', () => {
    const result = computeAgreement(
      [
        { first: 'good', second: 'good' },
        { first: 'good', second: 'requires-improvement' },
        { first: 'outstanding', second: 'inadequate' },
        { first: 'inadequate', second: 'inadequate' },
      ],
      ofsted,
    );
    expect([result.exact, result.withinOne, result.n]).toEqual([2, 3, 4]);
    expect(result.levels).toEqual(['outstanding', 'good', 'requires-improvement', 'inadequate']);
  });

  it('leaves out not applicable and missing grades, and counts them', () => {
    const result = computeAgreement(
      [
        { first: 'good', second: 'good' },
        { first: 'not-applicable', second: 'good' },
        { first: 'good', second: undefined },
      ],
      ofsted,
    );
    expect(result.n).toBe(1);
    expect(result.excluded).toBe(2);
  });

  it('has no kappa without pairs, or when chance agreement is total', () => {
    expect(computeAgreement([], ofsted).kappa).toBeNull();
    expect(computeAgreement([], ofsted).exactShare).toBeNull();
    const allGood = computeAgreement(pairs([['good', 'good', 5]]), ofsted);
    expect(allGood.exactShare).toBe(1);
    expect(allGood.kappa).toBeNull();
  });
});

describe('whether a kappa means something', () => {
  it('says how many more pairs are needed instead of printing 0.00 from two cases', () => {
    // One agreement and one disagreement: kappa computes to exactly 0, which would read as "no better than chance".
    const two = computeAgreement(
      pairs([
        ['good', 'good', 1],
        ['good', 'requires-improvement', 1],
      ]),
      ofsted,
    );
    expect(two.kappa).toBe(0);
    expect(pairsNeededForKappa(two)).toBe(MIN_PAIRS_FOR_KAPPA - 2);
    expect(describeKappa(two, 'kappa')).toBe('8 more pairs needed');
    expect(describeKappa(two, 'weightedKappa')).toBe('8 more pairs needed');
    const nine = computeAgreement(pairs([['good', 'good', 9]]), ofsted);
    expect(describeKappa(nine, 'kappa')).toBe('1 more pair needed');
  });

  it('shows the number from ten pairs, and says when chance agreement is total', () => {
    const ten = computeAgreement(
      pairs([
        ['good', 'good', 5],
        ['inadequate', 'inadequate', 3],
        ['good', 'requires-improvement', 2],
      ]),
      ofsted,
    );
    expect(pairsNeededForKappa(ten)).toBe(0);
    expect(describeKappa(ten, 'kappa')).toBe(ten.kappa!.toFixed(2));
    expect(describeKappa(computeAgreement(pairs([['good', 'good', 10]]), ofsted), 'kappa')).toBe(
      'Not enough variety',
    );
  });
});
