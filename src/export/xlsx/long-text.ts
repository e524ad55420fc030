/*
 * Excel and LibreOffice hold at most 32,767 characters in a cell, and SheetJS refuses to write more,
 * while the app keeps up to 100,000 in a text. So every character still reaches the workbook: a longer
 * text keeps its start in its own cell, says where it continues, and the rest goes, in parts, to a
 * "Long text" sheet that names the sheet, row and column each part belongs to.
 */
import * as XLSX from 'xlsx';

export const CELL_TEXT_LIMIT = 32_767;
/** Parts are a little shorter than the limit, so a part never needs splitting again. */
const PART = 32_000;
export const LONG_TEXT_SHEET = 'Long text';

export interface TextSheet<C> {
  name: string;
  header: string[];
  rows: C[][];
}

/** The sheets with every over-long text cut at PART and continued on the "Long text" sheet. */
export function withLongTextSheet<C>(sheets: TextSheet<C>[]): TextSheet<C | string>[] {
  const overflow: (string | number)[][] = [];
  const shortened = sheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row, r) =>
      row.map((value, c) => {
        if (typeof value !== 'string' || value.length <= CELL_TEXT_LIMIT) return value;
        const where = `${sheet.name}!${XLSX.utils.encode_cell({ r: r + 1, c })}`;
        const [first, ...rest] = partsOf(value);
        rest.forEach((text, p) =>
          overflow.push([where, sheet.header[c] ?? '', p + 2, rest.length + 1, text]),
        );
        return `${first}… [continues on the sheet “${LONG_TEXT_SHEET}”, ${where}]`;
      }),
    ),
  }));
  if (overflow.length === 0) return shortened;
  return [
    ...shortened,
    {
      name: LONG_TEXT_SHEET,
      header: ['Cell', 'Column', 'Part', 'Of', 'Text'],
      rows: overflow as (C | string)[][],
    },
  ];
}

/** Cuts of at most PART code units, never between the two halves of a character such as an emoji. */
function partsOf(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + PART);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}
