// @vitest-environment node
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/import/case-list/parse-csv';
import {
  MAX_CASE_LIST_BYTES,
  readCaseListCsv,
  readCaseListRows,
} from '../../../src/import/case-list/read-case-list';
import { readSpreadsheetRows } from '../../../src/import/case-list/spreadsheet-rows';

const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER = 'Case reference,Case type,Team,Worker\n';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    const result = parseCsv('\ufeffa,"b, c","say ""hi"""\r\n"multi\nline",2,3\n');
    expect(result).toEqual({
      ok: true,
      rows: [
        ['a', 'b, c', 'say "hi"'],
        ['multi\nline', '2', '3'],
      ],
    });
  });

  it('refuses an unclosed quote and pathological rows', () => {
    expect(parseCsv('a,"b\n')).toMatchObject({ ok: false });
    expect(parseCsv(`${'x,'.repeat(100)}x\n`)).toMatchObject({
      ok: false,
      problem: 'row 1 has more than 60 columns',
    });
    expect(parseCsv(`"${'y'.repeat(3000)}"`)).toMatchObject({ ok: false });
  });
});

describe('readCaseListCsv', () => {
  it('reads a council export: headings recognised, case types normalised, UK dates read', () => {
    const result = readCaseListCsv(readFileSync('tests/fixtures/case-lists/exampleshire-open-cases.csv'));
    if (!result.ok) throw new Error(JSON.stringify(result.messages));
    expect(result.entries).toHaveLength(7);
    expect(result.entries[1]).toEqual({
      caseReference: 'CIN-0002',
      caseType: 'child-in-need-child-protection',
      team: 'North',
      worker: 'Worker 02',
      startDate: '2025-01-15',
      lastAuditedDate: '2024-08-12',
    });
    expect(result.entries.map((e) => e.caseType)).toEqual([
      'child-in-need-child-protection',
      'child-in-need-child-protection',
      'child-in-need-child-protection',
      'children-in-care',
      'children-in-care',
      'care-leavers',
      'early-help',
    ]);
    expect(result.entries[6]).toMatchObject({ team: 'Early help, East', worker: 'Worker "07"' });
    expect(result.warnings).toEqual([]);
  });

  it('refuses a file without the columns it needs, naming them and what it found', () => {
    const result = readCaseListCsv(bytes('Name,Date of birth\nA,01/01/2010\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.messages[0]!.location).toBe('Heading row');
      expect(result.messages[0]!.text).toContain('“case reference”, “case type”, “team”, “worker”');
      expect(result.messages[0]!.text).toContain('Found: Name, Date of birth');
    }
  });

  it.each(['=HYPERLINK("http://x.invalid","click")', '+1+1', '-2+3', '@SUM(A1)'])(
    'refuses a formula string (%s), saying where it is',
    (formula) => {
      const result = readCaseListCsv(
        bytes(`${HEADER}CIN-1,CIN,North,W1\n"${formula.replace(/"/g, '""')}",CIN,North,W2\n`),
      );
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.messages[0]!.location).toBe('Row 3, case reference');
        expect(result.messages[0]!.text).toContain('which spreadsheets run as a formula');
      }
    },
  );

  it('refuses a file over 10 MB before reading it', () => {
    const big = new Uint8Array(MAX_CASE_LIST_BYTES + 1);
    const result = readCaseListCsv(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages[0]!.text).toContain('larger than the 10 MB');
  });

  it('refuses text that is not UTF-8, and an empty file', () => {
    expect(readCaseListCsv(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toMatchObject({ ok: false });
    expect(readCaseListCsv(bytes(''))).toMatchObject({ ok: false });
    expect(readCaseListCsv(bytes(HEADER))).toMatchObject({ ok: false });
  });

  it('warns about references that look like names, NHS numbers or dates of birth, and repeated cases', () => {
    const result = readCaseListCsv(
      bytes(
        `${HEADER}Jane Smith,CIN,North,W1\n943 476 5919,CIN,North,W1\nCIN-9,CIN,North,W1\nCIN-9,CIN,South,W2\n`,
      ),
    );
    if (!result.ok) throw new Error('should be read');
    expect(result.entries).toHaveLength(3);
    expect(result.warnings.map((w) => w.text)).toEqual([
      expect.stringContaining('looks like a person’s name'),
      expect.stringContaining('looks like an NHS number'),
      'case CIN-9 is listed twice; the first is kept.',
    ]);
  });
});

describe('spreadsheets (the code the worker runs)', () => {
  function workbook(rows: unknown[][]): Uint8Array {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Cases');
    return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  }

  it('reads the first sheet into plain rows the case-list door accepts', () => {
    const reply = readSpreadsheetRows(
      workbook([
        ['Case ref', 'Type', 'Team', 'Worker', 'Start date'],
        ['CIC-1', 'LAC', 'CIC', 'W', 45000],
      ]),
    );
    if (!reply.ok) throw new Error(reply.problem);
    const result = readCaseListRows(reply.rows);
    expect(result).toMatchObject({
      ok: true,
      entries: [{ caseReference: 'CIC-1', caseType: 'children-in-care', startDate: '2023-03-15' }],
    });
  });

  it('refuses a sheet that declares more rows than a case list can have, before reading cells', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['Case ref']]);
    sheet['!ref'] = 'A1:B1048576';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Huge');
    const reply = readSpreadsheetRows(
      new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
    );
    expect(reply).toEqual({ ok: false, problem: 'the first sheet has more than 50,000 rows' });
  });
});
