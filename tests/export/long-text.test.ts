// @vitest-environment node
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { CELL_TEXT_LIMIT, LONG_TEXT_SHEET, withLongTextSheet } from '../../src/export/xlsx/long-text';
import { buildReport } from '../../src/domain/report/build-report';
import { renderWorkbook } from '../../src/export/xlsx/render-workbook';
import { demoReportInput } from '../helpers/demo-report';

describe('texts longer than a spreadsheet cell holds', () => {
  it('keeps every character: the start in its cell, the rest in parts on the Long text sheet', () => {
    const text = Array.from({ length: 70_000 }, (_, i) => 'abcdefghij'[i % 10]).join('');
    const sheets = withLongTextSheet([{ name: 'Narrative', header: ['Answer'], rows: [[text], ['short']] }]);
    expect(sheets.map((s) => s.name)).toEqual(['Narrative', LONG_TEXT_SHEET]);
    const first = sheets[0]!.rows[0]![0] as string;
    expect(first.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(first).toContain('continues on the sheet “Long text”, Narrative!A2');
    expect(sheets[0]!.rows[1]).toEqual(['short']);
    const parts = sheets[1]!.rows.map((r) => r[4] as string);
    expect(first.slice(0, 32_000) + parts.join('')).toBe(text);
  });

  it('adds no sheet when every text fits', () => {
    expect(withLongTextSheet([{ name: 'A', header: ['x'], rows: [['y']] }]).map((s) => s.name)).toEqual([
      'A',
    ]);
  });

  it('writes a workbook whose long narrative reads back whole', () => {
    const input = demoReportInput();
    const narrative = input.bundle.narratives[0]!;
    const section = Object.keys(narrative.answers)[0]!;
    const long = 'Evaluative text. '.repeat(5_000);
    narrative.answers = { ...narrative.answers, [section]: long };
    const book = XLSX.read(renderWorkbook(buildReport(input)), { type: 'array' });
    const answers = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets['Narrative']!);
    const start = answers.map((a) => a['Answer'] ?? '').find((a) => a.includes('continues on the sheet'))!;
    const rest = XLSX.utils
      .sheet_to_json<Record<string, string>>(book.Sheets[LONG_TEXT_SHEET]!)
      .map((r) => r['Text']);
    expect(start.slice(0, 32_000) + rest.join('')).toBe(long);
  });
});
