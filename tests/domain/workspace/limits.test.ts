import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_LIMITS,
  BACKUP_RANGES,
  describeCharactersLeft,
  isDateInRange,
  isRealCalendarDate,
  isRealDateTime,
  textLength,
  TEXT_LIMITS,
} from '../../../src/domain/workspace/limits';
import { CSV_LIMITS } from '../../../src/import/case-list/parse-csv';

type Node = Record<string, unknown>;
const schema = JSON.parse(readFileSync('schemas/workspace-backup.schema.json', 'utf8')) as Node;

/** Every limit keyword in the schema, by the path limits.ts names it with ("cycles[].archive"). */
function limitsInSchema(keywords: readonly string[]): Record<string, Record<string, number>> {
  const found: Record<string, Record<string, number>> = {};
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    for (const keyword of keywords)
      if (typeof n[keyword] === 'number') (found[path] ??= {})[keyword] = n[keyword] as number;
    for (const [name, child] of Object.entries((n.properties as Node | undefined) ?? {}))
      walk(child, path ? `${path}.${name}` : name);
    if (n.items && typeof n.items === 'object') walk(n.items, `${path}[]`);
    if (n.additionalProperties && typeof n.additionalProperties === 'object')
      walk(n.additionalProperties, `${path}{}`);
  };
  const properties = schema.properties as Node;
  for (const [name, child] of Object.entries(properties)) walk(child, name === 'records' ? '' : name);
  return found;
}

describe('one vocabulary of limits', () => {
  it('gives every length and count in the backup schema, and nothing the schema lacks', () => {
    const inSchema = Object.fromEntries(
      Object.entries(limitsInSchema(['maxLength', 'maxItems'])).map(([path, k]) => [
        path,
        k.maxLength ?? k.maxItems,
      ]),
    );
    expect(inSchema).toEqual(BACKUP_LIMITS);
  });

  it('gives every minimum and maximum in the backup schema', () => {
    expect(limitsInSchema(['minimum', 'maximum'])).toEqual(BACKUP_RANGES);
  });

  it('lets a case list cell hold a whole line, and no more', () => {
    expect(CSV_LIMITS.cellChars).toBeGreaterThanOrEqual(TEXT_LIMITS.line);
  });

  it('counts characters as the schema does: an emoji or an accent with its mark', () => {
    expect(textLength('😀')).toBe(1);
    expect(textLength('e\u0301')).toBe(2);
    expect(textLength('👩‍👧')).toBe(3);
  });
});

describe('dates the app works with', () => {
  it('knows real days from impossible ones', () => {
    expect(isRealCalendarDate('2024-02-29')).toBe(true);
    expect(isRealCalendarDate('2026-02-29')).toBe(false);
    expect(isRealCalendarDate('2026-02-30')).toBe(false);
    expect(isRealCalendarDate('2026-04-31')).toBe(false);
    expect(isRealCalendarDate('2026-13-01')).toBe(false);
    expect(isRealCalendarDate('2026-00-10')).toBe(false);
    expect(isRealCalendarDate('26-04-01')).toBe(false);
    // Year 1 is a real day, though JavaScript's Date.UTC would read it as 1901.
    expect(isRealCalendarDate('0001-01-01')).toBe(true);
    expect(isRealCalendarDate('1900-02-29')).toBe(false);
    expect(isRealCalendarDate('2000-02-29')).toBe(true);
  });

  it('agrees with the calendar of the browser’s Date on every day of years that test the leap rules', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    for (const year of [4, 100, 400, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 1; month <= 12; month += 1)
        for (let day = 1; day <= 31; day += 1) {
          const date = new Date(0);
          date.setUTCFullYear(year, month - 1, day);
          const exists = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          expect(isRealCalendarDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(exists);
        }
  });

  it('keeps dates within the years 1900 to 2201', () => {
    expect(isDateInRange('1900-01-01')).toBe(true);
    expect(isDateInRange('2201-12-31')).toBe(true);
    expect(isDateInRange('0001-01-01')).toBe(false);
    expect(isDateInRange('9999-12-31')).toBe(false);
    expect(isDateInRange('2026-02-30')).toBe(false);
  });

  it('reads times as toISOString writes them, or with less precision, and nothing impossible', () => {
    for (const ok of [
      '2026-11-24T10:00:00.000Z',
      '2026-11-24T10:00:00Z',
      '2026-11-24T10:00',
      '2026-11-24',
      '2026-11-24T23:59:59+01:00',
    ])
      expect(isRealDateTime(ok), ok).toBe(true);
    for (const bad of [
      '2026-11-31T10:00:00.000Z',
      '2026-11-24T24:00:00Z',
      '2026-11-24T10:60:00Z',
      '2026-11-24 10:00',
      'yesterday',
      '',
    ])
      expect(isRealDateTime(bad), bad).toBe(false);
  });
});

describe('a character count', () => {
  it('says nothing until three quarters of the limit are used, then what is left', () => {
    expect(describeCharactersLeft(74, 100)).toBeUndefined();
    expect(describeCharactersLeft(75, 100)).toBe('You have 25 characters remaining');
    expect(describeCharactersLeft(99, 100)).toBe('You have 1 character remaining');
    expect(describeCharactersLeft(100_000, 100_000)).toBe(
      'You have reached the limit of 100,000 characters: anything more you type or paste is not added',
    );
    expect(describeCharactersLeft(102, 100)).toBe('You have 2 characters too many');
  });
});
