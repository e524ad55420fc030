/*
 * One sheet of a workbook as a proper table: a header row (frozen when written, see write-workbook.ts),
 * an autofilter over every column, widths that follow the content, real dates shown dd/mm/yyyy (times
 * dd/mm/yyyy hh:mm), and no cell a spreadsheet would run as a formula.
 */
import * as XLSX from 'xlsx';
import { neutraliseFormula } from '../safe-text';

/** A date as yyyy-mm-dd, or a moment as an ISO time; empty strings leave the cell blank. */
export type Cell = string | number | boolean | { date: string } | { time: string } | null;

export interface SheetSpec {
  name: string;
  header: string[];
  rows: Cell[][];
}

/**
 * Dates carry their own number formats. SheetJS would file "dd/mm/yyyy" under id 60, which spreadsheets
 * reserve for a built-in (locale-dependent) format; ids from 164 up are the workbook's own, so Excel and
 * LibreOffice show dd/mm/yyyy in every locale.
 */
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_FORMAT_ID = 164;
export const TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const TIME_FORMAT_ID = 165;

export function loadDateFormats(): void {
  XLSX.SSF.load(DATE_FORMAT, DATE_FORMAT_ID);
  XLSX.SSF.load(TIME_FORMAT, TIME_FORMAT_ID);
}

export const date = (value: string | undefined): Cell => (value ? { date: value } : null);
export const time = (value: string | undefined): Cell => (value ? { time: value } : null);
export const yes = (flag: boolean): string => (flag ? 'Yes' : 'No');

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The sheet is dense: an array of rows of cells, which SheetJS 0.18 writes by index. A sheet keyed by
 * "A1" names costs the writer a string-key lookup for every slot of its range, empty or not: over three
 * million for the Audits sheet of a large council, whose answer columns are those of every tool in use.
 */
export function toSheet(spec: SheetSpec): XLSX.WorkSheet {
  let columnCount = spec.header.length;
  for (const row of spec.rows) columnCount = Math.max(columnCount, row.length);
  const longest = Array.from({ length: columnCount }, (_, c) => spec.header[c]?.length ?? 0);
  const data: XLSX.CellObject[][] = [
    spec.header.map((heading) => ({ t: 's', v: neutraliseFormula(heading) })),
  ];
  // One pass over the cells, each column's width found on the way.
  for (const row of spec.rows) {
    const cells: XLSX.CellObject[] = [];
    row.forEach((value, c) => {
      if (value === null) return;
      longest[c] = Math.max(longest[c]!, shownLength(value));
      const cell = toCell(value);
      if (cell) cells[c] = cell;
    });
    data.push(cells);
  }
  const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: spec.rows.length, c: columnCount - 1 } });
  return Object.assign(data, {
    '!ref': ref,
    '!autofilter': { ref },
    '!cols': spec.header.map((_, c) => ({ wch: Math.min(60, Math.max(10, longest[c]! + 2)) })),
  }) as unknown as XLSX.WorkSheet;
}

function toCell(value: Cell): XLSX.CellObject | undefined {
  if (value === null || value === '') return undefined;
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (typeof value === 'object') {
    if ('date' in value) {
      const day = Date.parse(`${value.date.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(day)) return { t: 's', v: neutraliseFormula(value.date) };
      return { t: 'n', v: (day - EXCEL_EPOCH) / DAY_MS, z: DATE_FORMAT };
    }
    const moment = new Date(value.time);
    if (Number.isNaN(moment.getTime())) return { t: 's', v: neutraliseFormula(value.time) };
    // A spreadsheet has no time zones: the clock time is the one the user reads in the app (local).
    const local = Date.UTC(
      moment.getFullYear(),
      moment.getMonth(),
      moment.getDate(),
      moment.getHours(),
      moment.getMinutes(),
    );
    return { t: 'n', v: (local - EXCEL_EPOCH) / DAY_MS, z: TIME_FORMAT };
  }
  return { t: 's', v: neutraliseFormula(value) };
}

/** How wide a cell's value shows: a date's or time's format, or a text's first line. */
function shownLength(value: Exclude<Cell, null>): number {
  if (typeof value === 'object') return 'date' in value ? 10 : 16;
  const text = String(value);
  const lineEnd = text.indexOf('\n');
  return lineEnd === -1 ? text.length : lineEnd;
}
