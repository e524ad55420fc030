// @vitest-environment node
/*
 * Cells as a spreadsheet reads them: dates in the workbook's own dd/mm/yyyy format (never a built-in
 * id that some locales show differently), dates typed in audits as real dates, case types in words,
 * and list items typed with "- " printed as written.
 */
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/domain/report/build-report';
import { renderWorkbook } from '../../src/export/xlsx/render-workbook';
import { makeCaseAudit } from '../helpers/builders';
import { demoReportInput } from '../helpers/demo-report';

const BULLETS = '- Strong management oversight\n- Plans are specific';

describe('cells of the workbook', () => {
  let bytes: Uint8Array;
  let book: XLSX.WorkBook;
  beforeAll(() => {
    const input = demoReportInput([
      makeCaseAudit({ caseReference: 'EX-0900', answers: { 'assessment-date': '2026-09-14' } }),
    ]);
    const narrative = input.bundle.narratives[0]!;
    const firstSection = Object.keys(narrative.answers)[0]!;
    narrative.answers = { ...narrative.answers, [firstSection]: BULLETS };
    bytes = renderWorkbook(buildReport(input));
    book = XLSX.read(bytes, { type: 'array', cellNF: true });
  });

  it('gives dates a number format of the workbook’s own (id 164 or more), dd/mm/yyyy', () => {
    const zip = XLSX.CFB.read(bytes, { type: 'array' });
    const index = zip.FullPaths.findIndex((path: string) => path.endsWith('xl/styles.xml'));
    const styles = new TextDecoder().decode(zip.FileIndex[index]!.content as Uint8Array);
    const formats = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)];
    const date = formats.find(([, , code]) => code === 'dd/mm/yyyy');
    expect(date).toBeDefined();
    expect(Number(date![1])).toBeGreaterThanOrEqual(164);
    const usedIds = [...styles.matchAll(/<xf numFmtId="(\d+)"/g)].map(([, id]) => Number(id));
    expect(usedIds).toContain(Number(date![1]));
    expect(usedIds.filter((id) => id > 0 && id < 164)).toEqual([]);
  });

  it('writes a date answered in an audit as a real date', () => {
    const sheet = book.Sheets['Audits']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    const header = rows[0] as string[];
    const c = header.findIndex(
      (h) => h.startsWith('Child in need') && /date/i.test(h) && /assessment/i.test(h),
    );
    expect(c).toBeGreaterThanOrEqual(0);
    const r = rows.findIndex((row) => (row as unknown[])[0] === 'EX-0900');
    const cell = sheet[XLSX.utils.encode_cell({ r, c })]!;
    expect(cell.t).toBe('n');
    expect(XLSX.SSF.format('dd/mm/yyyy', cell.v as number)).toBe('14/09/2026');
  });

  it('prints list items typed with "- " as written, with no apostrophe', () => {
    const narrative = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets['Narrative']!);
    expect(narrative.map((r) => r['Answer'])).toContain(BULLETS);
  });
});
