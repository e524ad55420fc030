// @vitest-environment node
import { subjectOf } from '../../../src/domain/framework/lookup';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import {
  checkFrameworkForYear,
  cycleYearOptions,
  defaultFrameworkForYear,
  describeYearMismatch,
  frameworkForYear,
  isInForceForYear,
  isInForceOn,
} from '../../../src/domain/self-assessment/framework-for-year';
import { readFrameworkFile } from '../../../src/import/framework/import-framework';

/** Every framework the app ships, read from public/frameworks as the app reads them. */
const shipped: Framework[] = readdirSync('public/frameworks')
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .map((file) => {
    const result = readFrameworkFile(readFileSync(`public/frameworks/${file}`));
    if (!result.ok) throw new Error(`${file} does not validate`);
    return result.framework;
  });
const byId = (id: string) => shipped.find((f) => f.id === id)!;

describe('the framework in force on 1 April of a cycle’s year', () => {
  it.each([
    [2014, 'sif-2013'],
    [2017, 'sif-2013'],
    [2018, 'ilacs-2018'],
    [2022, 'ilacs-2018'],
    [2023, 'ilacs-2023'],
    [2025, 'ilacs-2023'],
    [2026, 'ilacs-2026'],
  ])('%i is assessed against %s', (startYear, id) => {
    expect(shipped.length).toBeGreaterThanOrEqual(4);
    expect(frameworkForYear(shipped, startYear)?.id).toBe(id);
    const councils = shipped.filter((f) => subjectOf(f) === 'local-authority');
    expect(councils.filter((f) => isInForceForYear(f, startYear)).map((f) => f.id)).toEqual([id]);
    expect(defaultFrameworkForYear(shipped, startYear)?.id).toBe(id);
  });

  it('suggests a safeguarding partnership’s framework only for a partnership’s own cycle', () => {
    const partnership = byId('safeguarding-partnership-2023');
    expect(isInForceForYear(partnership, 2025)).toBe(true);
    expect(frameworkForYear(shipped, 2025)?.id).toBe('ilacs-2023');
    expect(frameworkForYear(shipped, 2025, 'safeguarding-partnership')?.id).toBe(partnership.id);
    expect(defaultFrameworkForYear(shipped, 2026, 'safeguarding-partnership')?.id).toBe(partnership.id);
  });

  it('counts both ends of a framework’s period as in force', () => {
    const ilacs2023 = byId('ilacs-2023');
    expect(isInForceOn(ilacs2023, '2023-01-01')).toBe(true);
    expect(isInForceOn(ilacs2023, '2026-03-31')).toBe(true);
    expect(isInForceOn(ilacs2023, '2026-04-01')).toBe(false);
    expect(isInForceOn(ilacs2023, '2022-12-31')).toBe(false);
    expect(isInForceOn(byId('ilacs-2026'), '2099-04-01')).toBe(true);
  });

  it('finds none in force for 2013–14 and preselects the one that came into force during it', () => {
    expect(frameworkForYear(shipped, 2013)).toBeUndefined();
    expect(defaultFrameworkForYear(shipped, 2013)?.id).toBe('sif-2013');
  });

  it('prefers the most recently effective, then the highest version, when several are in force', () => {
    const base = byId('ilacs-2023');
    const v2 = { ...base, version: 2 };
    const council = { ...base, id: 'council-own', effectiveFrom: '2025-01-01' };
    expect(frameworkForYear([v2, base], 2025)).toBe(v2);
    expect(frameworkForYear([base, v2], 2025)).toBe(v2);
    expect(frameworkForYear([base, council], 2025)).toBe(council);
  });

  it('says why a pairing is not in force, in the user’s dates', () => {
    const ended = checkFrameworkForYear(byId('ilacs-2023'), 2026)!;
    expect(ended).toEqual({ reason: 'ended', effectiveTo: '2026-03-31', yearStart: '2026-04-01' });
    expect(describeYearMismatch(byId('ilacs-2023'), 2026, ended)).toBe(
      'ILACS 2023 ended on 31/03/2026; 2026–27 starts on 01/04/2026.',
    );
    const early = checkFrameworkForYear(byId('ilacs-2026'), 2025)!;
    expect(describeYearMismatch(byId('ilacs-2026'), 2025, early)).toBe(
      'ILACS 2026 is in force from 01/04/2026; 2025–26 starts on 01/04/2025.',
    );
    expect(checkFrameworkForYear(byId('ilacs-2023'), 2025)).toBeUndefined();
    expect(checkFrameworkForYear(byId('sif-2013'), 2014)).toBeUndefined();
  });
});

describe('cycleYearOptions', () => {
  it('offers every year from 2013–14 to next year, newest first', () => {
    const years = cycleYearOptions(2026, shipped);
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2013);
    expect(years).toHaveLength(2027 - 2013 + 1);
    expect(years).toContain(2014);
  });

  it('reaches back to an older imported framework’s year', () => {
    expect(cycleYearOptions(2026, [{ effectiveFrom: '2009-02-01' }]).at(-1)).toBe(2008);
  });
});
