import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CASE_TYPES } from '../../../src/domain/framework/types';
import {
  CASE_TYPE_LABELS,
  describeCaseType,
  describeCode,
  describeTopic,
} from '../../../src/domain/workspace/labels';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)+$/;

describe('words for codes', () => {
  it('has words for every case type the framework format knows', () => {
    expect(Object.keys(CASE_TYPE_LABELS).sort()).toEqual([...CASE_TYPES].sort());
    for (const type of CASE_TYPES) expect(describeCaseType(type)).not.toMatch(CODE);
  });

  it('turns codes into a sentence-case phrase, keeping abbreviations in capitals', () => {
    expect(describeTopic('child-sexual-exploitation')).toBe('Child sexual exploitation');
    expect(describeTopic('political-leadership')).toBe('Political leadership');
    expect(describeTopic('lado')).toBe('LADO');
    expect(describeTopic('camhs-waiting-times')).toBe('CAMHS waiting times');
    expect(describeCaseType('secure-orders')).toBe('Secure orders');
    expect(describeCode('')).toBe('');
  });

  it('keeps a case type typed in a case list as it was typed', () => {
    expect(describeCaseType('Child in Need (S17)')).toBe('Child in Need (S17)');
    expect(describeCaseType('  SGO support ')).toBe('SGO support');
    expect(describeCaseType('private_fostering')).toBe('Private fostering');
  });

  it('leaves no shipped topic tag looking like a code', () => {
    for (const file of ['ilacs-2018', 'ilacs-2023', 'ilacs-2026', 'sif-2013']) {
      const framework = JSON.parse(readFileSync(`public/frameworks/${file}.json`, 'utf8')) as {
        criteria: { tags?: string[] }[];
      };
      for (const tag of framework.criteria.flatMap((c) => c.tags ?? [])) {
        expect(describeTopic(tag)).not.toMatch(CODE);
        expect(describeTopic(tag)).not.toContain('-');
      }
    }
  });
});
