/*
 * A strict, bounded CSV reader (RFC 4180: commas, double-quoted fields, doubled quotes, CRLF or LF).
 * Untrusted input: the row and cell limits stop a pathological file before it exhausts memory.
 */
export const CSV_LIMITS = { rows: 50_000, columns: 60, cellChars: 2_000 } as const;

export type CsvResult = { ok: true; rows: string[][] } | { ok: false; problem: string };

export function parseCsv(text: string): CsvResult {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endCell = (): string | undefined => {
    if (cell.length > CSV_LIMITS.cellChars)
      return `a cell on row ${rows.length + 1} is longer than ${CSV_LIMITS.cellChars} characters`;
    row.push(cell);
    cell = '';
    return row.length > CSV_LIMITS.columns
      ? `row ${rows.length + 1} has more than ${CSV_LIMITS.columns} columns`
      : undefined;
  };
  const endRow = (): string | undefined => {
    const problem = endCell();
    if (problem) return problem;
    if (row.some((c) => c.trim() !== '')) rows.push(row);
    row = [];
    return rows.length > CSV_LIMITS.rows
      ? `the file has more than ${CSV_LIMITS.rows.toLocaleString('en-GB')} rows`
      : undefined;
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    let problem: string | undefined;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      if (cell.length > CSV_LIMITS.cellChars)
        problem = `a cell on row ${rows.length + 1} is longer than ${CSV_LIMITS.cellChars} characters`;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') problem = endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      problem = endRow();
    } else cell += ch;
    if (problem) return { ok: false, problem };
  }
  if (quoted) return { ok: false, problem: `a quoted cell on row ${rows.length + 1} is never closed` };
  const last = endRow();
  return last ? { ok: false, problem: last } : { ok: true, rows };
}
