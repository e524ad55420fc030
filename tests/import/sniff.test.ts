// @vitest-environment node
/*
 * Files that are not what their name says are named for what they are: every fixture in
 * tests/fixtures/invalid/sniff is refused with exactly the message listed for it in expected.json,
 * through the door for its kind (.csv: the indicator-values door; .json: the sniffer, then the JSON
 * text reader both JSON doors use; .xlsx: the sniffer). Ordinary files pass the sniffer untouched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readFrameworkFile } from '../../src/import/framework/import-framework';
import { readIndicatorValuesCsv } from '../../src/import/indicator-values/read-indicator-values';
import { sniffFile, sniffIssue, type ExpectedFile } from '../../src/import/sniff';
import { parseJsonText } from '../../src/validation/json-text';
import { describeIssue, formatIssue } from '../../src/validation/messages';

const folder = 'tests/fixtures/invalid/sniff';
const fixtures = readdirSync(folder)
  .filter((name) => name !== 'expected.json')
  .sort();
const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, string>;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(folder, name)));
const kindOf = (name: string): ExpectedFile =>
  name.endsWith('.json') ? 'json' : name.endsWith('.csv') ? 'csv' : 'xlsx';
const wholeFile = () => ({ crumbs: [], consumed: 0 });

function messageFor(name: string): string {
  const bytes = bytesOf(name);
  const kind = kindOf(name);
  if (kind === 'csv') {
    const read = readIndicatorValuesCsv(bytes, []);
    if (read.ok) throw new Error(`${name} was accepted`);
    return formatIssue(read.messages[0]!);
  }
  const sniffed = sniffFile(bytes, kind);
  if (sniffed || kind === 'xlsx') return sniffed ? formatIssue(sniffed) : 'nothing';
  const parsed = parseJsonText(bytes, 5 * 1024 * 1024);
  return parsed.ok ? 'nothing' : formatIssue(describeIssue(parsed.issues[0]!, wholeFile));
}

describe('files that are not what their name says', () => {
  it('has an expected message for every fixture, and a fixture for every message', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
    expect(Object.keys(expected).sort()).toEqual(fixtures);
  });

  it.each(fixtures)('%s', (name) => {
    expect(messageFor(name)).toBe(expected[name]);
  });

  it('a 451-digit number is “too large” through the framework door, not a missing comma', () => {
    const result = readFrameworkFile(bytesOf('number-451-digits.json'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages.map(formatIssue)).toEqual([expected['number-451-digits.json']]);
  });

  it('a number just too large for a double is too large; long but readable numbers still parse', () => {
    const read = (text: string) => parseJsonText(new TextEncoder().encode(text), 1000);
    expect(read('{"a": 1e400}')).toMatchObject({ ok: false, issues: [{ code: 'json-number-too-large' }] });
    expect(read(`{"a": -${'9'.repeat(320)}}`)).toMatchObject({ ok: false });
    expect(read(`{"a": 0.${'0'.repeat(500)}1, "b": ${'9'.repeat(300)}}`)).toMatchObject({ ok: true });
  });
});

describe('ordinary files pass the sniffer', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  const workbook = () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Case reference'], ['EX-0001']]), 'Cases');
    return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };
  it.each<[string, Uint8Array, ExpectedFile]>([
    ['a CSV', text('Case reference,Team\nEX-0001,North\n'), 'csv'],
    ['a CSV with a byte-order mark and accents', text('\uFEFFRéférence,Équipe\nEX-1,Nord\n'), 'csv'],
    ['a CSV with semicolons inside quoted headings', text('"Ref; old",Team\nEX-1,North\n'), 'csv'],
    ['a CSV of one column', text('Case reference\nEX-0001\n'), 'csv'],
    ['a JSON file', text('{"formatName": "readiness-framework"}'), 'json'],
    ['an empty file (the door says so itself)', new Uint8Array(), 'json'],
    ['an Excel workbook', workbook(), 'xlsx'],
  ])('%s', (_what, bytes, kind) => {
    expect(sniffIssue(bytes, kind)).toBeUndefined();
  });

  it('names an Excel workbook chosen where a CSV or JSON file was expected', () => {
    expect(sniffIssue(workbook(), 'json')).toMatchObject({ params: { found: 'xlsx' } });
    expect(sniffFile(workbook(), 'csv')?.text).toMatch(
      /^this is an Excel workbook \(\.xlsx\), not a CSV file/,
    );
  });
});
