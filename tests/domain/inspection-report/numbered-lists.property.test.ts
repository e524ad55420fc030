// @vitest-environment node
/*
 * Property: every item of a list, however many and however long (wrapping over lines and pages), is
 * read exactly once, in order, with the report's own number and its whole text.
 */
import { describe, expect, it } from 'vitest';
import {
  ilacsReport,
  randomItems,
  seededRandom,
  sifReport,
} from '../../fixtures/inspection-reports/build-reports.mjs';
import { readFixture } from '../../fixtures/inspection-reports/read-fixture';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('numbered lists', () => {
  it.each(SEEDS)('ILACS lists, seed %i: each item once, in order', async (seed) => {
    const random = seededRandom(seed);
    const priority = randomItems(random, Math.floor(random() * 4));
    const improve = randomItems(random, 1 + Math.floor(random() * 14));
    const result = await readFixture(
      ilacsReport({ priority, improve, bullets: seed % 3 === 0, padding: seed % 4 }),
    );
    if (!result.ok) throw new Error(result.message);
    const read = (list: string) => result.report.items.filter((i) => i.list === list);
    expect(read('priority-action').map((i) => i.text)).toEqual(priority);
    expect(read('improve').map((i) => i.text)).toEqual(improve);
    expect(read('improve').map((i) => i.number)).toEqual(improve.map((_, i) => i + 1));
    expect(result.report.warnings).toEqual([]);
  });

  it.each(SEEDS)('SIF lists, seed %i: council and LSCB numbers run on without a gap', async (seed) => {
    const random = seededRandom(100 + seed);
    const priority = randomItems(random, 1 + Math.floor(random() * 3));
    const improvement = randomItems(random, 1 + Math.floor(random() * 20));
    const lscbImprovement = randomItems(random, 1 + Math.floor(random() * 12));
    const result = await readFixture(sifReport({ priority, improvement, lscbImprovement }));
    if (!result.ok) throw new Error(result.message);
    const items = result.report.items;
    expect(items.map((i) => i.text)).toEqual([...priority, ...improvement, ...lscbImprovement]);
    expect(items.map((i) => i.number)).toEqual(items.map((_, i) => i + 1));
    expect(items.map((i) => i.list)).toEqual([
      ...priority.map(() => 'priority-immediate-action'),
      ...improvement.map(() => 'improvement'),
      ...lscbImprovement.map(() => 'lscb-improvement'),
    ]);
  });
});
