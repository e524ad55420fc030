// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCaseListCsv } from '../../../src/import/case-list/read-case-list';
import { readSpreadsheetRows } from '../../../src/import/case-list/spreadsheet-rows';
import { inflatedSizeOf } from '../../../src/import/case-list/zip-size';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/invalid/case-lists/${name}`));

describe('hostile case lists are refused with a clear message', () => {
  it.each([
    ['wrong-columns.csv', 'Heading row', 'has no column for'],
    ['formula.csv', 'Row 3, case reference', 'which spreadsheets run as a formula'],
    ['unclosed-quote.csv', 'Line 2', 'a quote opens a cell here and is never closed'],
    ['not-utf8.csv', 'The file', 'is not UTF-8 text'],
    ['no-data.csv', 'Heading row', 'has no column for'],
    ['status-not-case-type.csv', 'Heading row', 'has no column for “case type”'],
    ['child-id-nhs-numbers.csv', 'Heading row, column “Child ID”', 'holds NHS numbers'],
    [
      'two-reference-columns.csv',
      'Heading row',
      'has 2 columns that could be the case reference: “Case reference” and “Pseudonymised reference”',
    ],
    ['two-worker-columns.csv', 'Heading row', 'could be the worker: “Social worker” and “Personal adviser”'],
    ['stray-quote-never-closed.csv', 'Line 3', 'is never closed'],
    ['quote-swallows-rows.csv', 'Row 2, team', 'runs over more than one line'],
    ['text-after-closing-quote.csv', 'Line 2', 'straight after a closing quote'],
  ])('%s', (name, location, text) => {
    const result = readCaseListCsv(fixture(name));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.messages[0]!.location).toBe(location);
      expect(result.messages[0]!.text).toContain(text);
    }
  });

  it('a zip bomb dressed as a spreadsheet is refused from its directory, without inflating it', () => {
    const bomb = fixture('zip-bomb.xlsx');
    expect(bomb.length).toBeLessThan(400 * 1024);
    const started = performance.now();
    expect(inflatedSizeOf(bomb)).toMatchObject({ ok: false });
    expect(readSpreadsheetRows(bomb)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/expands to more than/),
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a 50 MB file is refused before it is read', () => {
    const result = readCaseListCsv(new Uint8Array(50 * 1024 * 1024).fill(0x41));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages[0]!.text).toMatch(/is 50\.0 MB, larger than the 10 MB/);
  });

  it('a file that is not a spreadsheet at all is refused', () => {
    expect(readSpreadsheetRows(new TextEncoder().encode('PK not really a zip'))).toMatchObject({ ok: false });
  });
});

describe('a spreadsheet whose zip directory lies', () => {
  it('is called damaged at once, before any worker reads it', async () => {
    const XLSX = await import('xlsx');
    const { inflatedSizeOf } = await import('../../../src/import/case-list/zip-size');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Case reference'], ['EX-1']]), 'Cases');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(inflatedSizeOf(bytes).ok).toBe(true);
    const lying = bytes.slice();
    lying.set([0x58, 0x58, 0x58, 0x58], 0); // the first file's own header is no longer there
    expect(inflatedSizeOf(lying)).toEqual({ ok: false, problem: 'its zip directory is damaged' });
  });
});
