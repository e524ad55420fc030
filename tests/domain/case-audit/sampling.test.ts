import { describe, expect, it } from 'vitest';
import type { CaseListEntry, SampleRule } from '../../../src/domain/case-audit/records';
import { drawSample, seededRandom } from '../../../src/domain/case-audit/sampling';

function caseList(): CaseListEntry[] {
  const list: CaseListEntry[] = [];
  const strata: [string, string, number][] = [
    ['child-in-need-child-protection', 'North', 40],
    ['child-in-need-child-protection', 'South', 20],
    ['children-in-care', 'North', 30],
    ['care-leavers', 'Leaving care', 10],
  ];
  let n = 0;
  for (const [caseType, team, count] of strata) {
    for (let i = 0; i < count; i += 1) {
      n += 1;
      list.push({
        caseReference: `C${String(n).padStart(4, '0')}`,
        caseType,
        team,
        worker: `Worker ${n % 7}`,
      });
    }
  }
  return list;
}

const rule = (overrides: Partial<SampleRule> = {}): SampleRule => ({
  seed: 20251,
  size: { kind: 'percentage', value: 10 },
  caseTypes: [],
  excludeAuditedWithinMonths: 12,
  stratifyBy: ['caseType', 'team'],
  ...overrides,
});

describe('drawSample', () => {
  it('is reproducible from its seed, and another seed draws other cases', () => {
    const input = { caseList: caseList(), rule: rule(), auditors: ['A', 'B'], today: '2025-06-01' };
    const first = drawSample(input).cases.map((c) => c.caseReference);
    expect(drawSample(input).cases.map((c) => c.caseReference)).toEqual(first);
    const other = drawSample({ ...input, rule: rule({ seed: 7 }) }).cases.map((c) => c.caseReference);
    expect(other).not.toEqual(first);
  });

  it('keeps each stratum’s share: 10% of 40/20/30/10 is 4/2/3/1', () => {
    const { cases } = drawSample({
      caseList: caseList(),
      rule: rule(),
      auditors: ['A'],
      today: '2025-06-01',
    });
    const count = (type: string, team: string) =>
      cases.filter((c) => c.caseType === type && c.team === team).length;
    expect(cases).toHaveLength(10);
    expect(count('child-in-need-child-protection', 'North')).toBe(4);
    expect(count('child-in-need-child-protection', 'South')).toBe(2);
    expect(count('children-in-care', 'North')).toBe(3);
    expect(count('care-leavers', 'Leaving care')).toBe(1);
    expect(new Set(cases.map((c) => c.caseReference)).size).toBe(10);
  });

  it('leaves out cases audited in the last 12 months, from the list or from this workspace', () => {
    const list = caseList().map((c, i) => (i < 30 ? { ...c, lastAuditedDate: '2024-09-01' } : c));
    const auditedOn = new Map([[list[50]!.caseReference, '2025-01-15']]);
    const result = drawSample({
      caseList: list,
      rule: rule({ size: { kind: 'count', value: 200 } }),
      auditors: ['A'],
      today: '2025-06-01',
      auditedOn,
    });
    expect(result.excludedRecentlyAudited).toBe(31);
    expect(result.cases).toHaveLength(69);
    expect(result.cases.some((c) => c.lastAuditedDate || c.caseReference === list[50]!.caseReference)).toBe(
      false,
    );
    expect(result.rationale).toContain('31 excluded as audited in the last 12 months');
  });

  it('samples only the chosen case types, by count', () => {
    const result = drawSample({
      caseList: caseList(),
      rule: rule({ caseTypes: ['children-in-care'], size: { kind: 'count', value: 5 } }),
      auditors: ['A'],
      today: '2025-06-01',
    });
    expect(result.cases).toHaveLength(5);
    expect(result.cases.every((c) => c.caseType === 'children-in-care')).toBe(true);
    expect(result.excludedByType).toBe(70);
    expect(result.rationale).toMatch(
      /^5 cases drawn at random from 30 eligible, stratified by case type and team, seed 20251\./,
    );
  });

  it('allocates round-robin and never to the case’s own worker', () => {
    const list = caseList()
      .slice(0, 6)
      .map((c) => ({ ...c, worker: 'B' }));
    const { cases } = drawSample({
      caseList: list,
      rule: rule({ size: { kind: 'count', value: 6 }, stratifyBy: [] }),
      auditors: ['A', 'B', 'C'],
      today: '2025-06-01',
    });
    expect(cases.map((c) => c.auditor)).toEqual(['A', 'C', 'A', 'C', 'A', 'C']);
  });

  it('draws uniform numbers from the seed', () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 1000 }, random);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
