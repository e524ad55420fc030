import { describe, expect, it } from 'vitest';
import { formatValue, ragOf } from '../../../src/domain/scorecard/status';
import { starterIndicators } from '../../../src/domain/scorecard/starter-set';
import { shippedFramework } from '../../helpers/frameworks';

let n = 0;
const starters = starterIndicators(() => ({ id: `s${++n}`, createdAt: '', updatedAt: '', updatedBy: '' }));
const byName = (name: string) => {
  const found = starters.find((s) => s.name === name);
  if (!found) throw new Error(`No starter indicator named “${name}”`);
  return found;
};

describe('the starter scorecard', () => {
  it('has the national measures inspectors look at', () => {
    expect(byName('Initial child protection conferences within 15 working days')).toMatchObject({
      unit: 'percent',
      polarity: 'higher-is-better',
    });
    expect(byName('Child protection visits on time')).toMatchObject({ unit: 'percent' });
    expect(byName('Health assessments on time')).toMatchObject({ unit: 'percent' });
    expect(byName('Personal education plans on time')).toMatchObject({ source: 'Virtual school' });
    expect(byName('Return home interviews offered')).toMatchObject({ polarity: 'higher-is-better' });
    expect(byName('Return home interviews taken up')).toMatchObject({ polarity: 'higher-is-better' });
    expect(byName('Adoption timeliness: entering care to moving in')).toMatchObject({
      unit: 'days',
      polarity: 'lower-is-better',
      target: 426,
    });
    expect(byName('Care leavers in touch')).toMatchObject({ unit: 'percent', frequency: 'quarter' });
  });

  it('measures care proceedings in weeks against the 26-week limit, lower being better', () => {
    const proceedings = byName('Care proceedings duration');
    expect(proceedings).toMatchObject({ unit: 'weeks', polarity: 'lower-is-better', target: 26 });
    expect(formatValue(proceedings, 26)).toBe('26 weeks');
    expect(proceedings.definition).toContain('26 weeks');
    expect(ragOf(proceedings, 24)).toBe('green');
    expect(ragOf(proceedings, 29)).toBe('amber');
    expect(ragOf(proceedings, 45)).toBe('red');
  });

  it('gives every indicator a unique name, a definition, an owner and a source', () => {
    const names = starters.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const s of starters) {
      expect(s.definition.length, s.name).toBeGreaterThan(30);
      expect(s.source, s.name).not.toBe('');
      expect(s.owner, s.name).not.toBe('');
      expect(s.tolerance, s.name).toBeGreaterThanOrEqual(0);
      expect(s.values).toEqual([]);
    }
    expect(byName('Care leavers in touch').source).toBe('Case management system');
  });

  it('keeps percentage targets between 0 and 100, shown with a per cent sign', () => {
    for (const s of starters.filter((i) => i.unit === 'percent' && i.target !== undefined)) {
      expect(s.target!, s.name).toBeGreaterThan(0);
      expect(s.target!, s.name).toBeLessThanOrEqual(100);
      expect(formatValue(s, s.target!), s.name).toMatch(/%$/);
    }
  });

  it('links only to criteria present in every ILACS version, so links survive a carry-forward', () => {
    for (const id of ['ilacs-2018', 'ilacs-2023', 'ilacs-2026']) {
      const criteria = new Set(shippedFramework(id).criteria.map((c) => c.id));
      for (const s of starters) {
        expect(s.criterionIds.length, s.name).toBeGreaterThan(0);
        for (const criterionId of s.criterionIds)
          expect(criteria.has(criterionId), `${id}: ${s.name}`).toBe(true);
      }
    }
  });
});
