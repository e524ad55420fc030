/*
 * The first sheet of a spreadsheet as rows of plain values, with row and column limits checked on the
 * sheet's declared range before any cell is converted. Runs only inside the spreadsheet worker.
 */
import * as XLSX from 'xlsx';
import { inflatedSizeOf } from './zip-size';

const MAX_ROWS = 50_000;
const MAX_COLUMNS = 60;

export type Reply =
  { ok: true; rows: (string | number | boolean | null)[][] } | { ok: false; problem: string };

export function readSpreadsheetRows(bytes: Uint8Array): Reply {
  const size = inflatedSizeOf(bytes);
  if (!size.ok) return { ok: false, problem: size.problem };
  const workbook = XLSX.read(bytes, {
    type: 'array',
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    dense: true,
  });
  const name = workbook.SheetNames[0];
  const sheet = name ? workbook.Sheets[name] : undefined;
  if (!sheet || !sheet['!ref']) return { ok: false, problem: 'the first sheet is empty' };
  const range = XLSX.utils.decode_range(sheet['!ref']);
  if (range.e.r - range.s.r + 1 > MAX_ROWS + 1)
    return { ok: false, problem: `the first sheet has more than ${MAX_ROWS.toLocaleString('en-GB')} rows` };
  if (range.e.c - range.s.c + 1 > MAX_COLUMNS)
    return { ok: false, problem: `the first sheet has more than ${MAX_COLUMNS} columns` };
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: false,
  });
  return {
    ok: true,
    rows: rows.map((row) =>
      row.map((cell) => (typeof cell === 'object' ? null : (cell as string | number | boolean))),
    ),
  };
}
