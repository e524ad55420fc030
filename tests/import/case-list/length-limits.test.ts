// @vitest-environment node
/*
 * A case list brings in only what a case audit can hold: a reference, case type, team or worker longer
 * than a line (domain/workspace/limits.ts) is refused at its row, from a CSV file or a spreadsheet alike,
 * so every case sampled from the list can be backed up and restored.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../src/domain/workspace/limits';
import { readCaseListCsv, readCaseListRows } from '../../../src/import/case-list/read-case-list';
import { readSpreadsheetRows } from '../../../src/import/case-list/spreadsheet-rows';

const HEADINGS = ['Case reference', 'Case type', 'Team', 'Worker'];
const longest = 'é'.repeat(TEXT_LIMITS.line);
const tooLong = '😀'.repeat(TEXT_LIMITS.line + 1);

describe('case list text lengths', () => {
  it('accepts every field at the longest a line may be, counting characters as the backup does', () => {
    const result = readCaseListRows([HEADINGS, [longest, 'CIN', longest, longest]]);
    expect(result.ok && result.entries[0]).toMatchObject({ caseReference: longest, team: longest });
  });

  it.each([
    [0, 'case reference'],
    [1, 'case type'],
    [2, 'team'],
    [3, 'worker'],
  ])('refuses a %s column one character too long, saying where', (column, heading) => {
    const row = ['EX-1', 'CIN', 'North', 'Worker A'];
    row[column] = tooLong;
    const result = readCaseListRows([HEADINGS, row]);
    expect(result).toEqual({
      ok: false,
      messages: [
        {
          severity: 'error',
          location: `Row 2, ${heading}`,
          text: 'is 2,001 characters long; at most 2,000 fit. Shorten it in the list and import it again.',
        },
      ],
    });
  });

  it('refuses a long reference from a spreadsheet, which has no cell limit of its own', () => {
    const sheet = XLSX.utils.aoa_to_sheet([HEADINGS, ['r'.repeat(5000), 'CIN', 'North', 'Worker A']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Cases');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const rows = readSpreadsheetRows(bytes);
    if (!rows.ok) throw new Error(rows.problem);
    const result = readCaseListRows(rows.rows);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages[0]!.text).toContain('is 5,000 characters long');
  });

  it('refuses a long reference from a CSV file', () => {
    const csv = `${HEADINGS.join(',')}\n${'r'.repeat(TEXT_LIMITS.line + 1)},CIN,North,Worker A\n`;
    const result = readCaseListCsv(new TextEncoder().encode(csv));
    expect(result.ok).toBe(false);
  });
});
