/*
 * The CSV reader the case-list and indicator-value doors use: parseCsv's limits and RFC 4180 rules, but
 * every record keeps the file line it starts on, and a quote that is never closed, or text after a
 * closing quote, is refused naming the line — a stray quote must never swallow the rows after it.
 */
import { CSV_LIMITS } from './parse-csv';

export interface CsvRecords {
  rows: string[][];
  /** The file line (1-based) each row starts on; blank lines are skipped but counted. */
  lines: number[];
}
export type CsvRecordsResult = ({ ok: true } & CsvRecords) | { ok: false; line: number; problem: string };

export function parseCsvRecords(text: string): CsvRecordsResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  let afterQuote = false;
  const fail = (at: number, problem: string): CsvRecordsResult => ({ ok: false, line: at, problem });
  const endCell = (): string | undefined => {
    row.push(cell);
    cell = '';
    afterQuote = false;
    return row.length > CSV_LIMITS.columns ? `it has more than ${CSV_LIMITS.columns} columns` : undefined;
  };
  const endRow = (): string | undefined => {
    const problem = endCell();
    if (problem) return problem;
    if (row.some((c) => c.trim() !== '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    return rows.length > CSV_LIMITS.rows
      ? `the file has more than ${CSV_LIMITS.rows.toLocaleString('en-GB')} rows`
      : undefined;
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    const newline = ch === '\n' || ch === '\r';
    if (newline && ch === '\r' && source[i + 1] === '\n') i += 1;
    let problem: string | undefined;
    if (quoteLine) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoteLine = 0;
        afterQuote = true;
      } else cell += newline ? '\n' : ch;
    } else if (ch === '"' && cell === '' && !afterQuote) quoteLine = line;
    else if (ch === ',') problem = endCell();
    else if (newline) problem = endRow();
    else if (afterQuote)
      problem = `there is text (“${ch}”) straight after a closing quote. Put the whole cell in quotes and double any quote inside it ("")`;
    else cell += ch;
    if (!problem && cell.length > CSV_LIMITS.cellChars)
      problem = `a cell is longer than ${CSV_LIMITS.cellChars.toLocaleString('en-GB')} characters`;
    if (problem) return fail(line, problem);
    if (newline) {
      line += 1;
      if (!quoteLine) rowLine = line;
    }
  }
  if (quoteLine)
    return fail(
      quoteLine,
      'a quote opens a cell here and is never closed, so every row after it would be read as one cell. Close the quote, or remove it',
    );
  const last = endRow();
  return last ? fail(line, last) : { ok: true, rows, lines };
}
