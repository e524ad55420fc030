/*
 * The door for indicator values (CSV rows, or spreadsheet rows from the worker): one row per
 * indicator and period, matched to the scorecard by the indicator's name. Every problem is located
 * by row and column; a file with any error changes nothing.
 */
import type { Comparator, Indicator, IndicatorValue } from '../../domain/scorecard/records';
import type { IssueMessage } from '../../validation/messages';
import { parseCsv } from '../case-list/parse-csv';
import { sniffFile } from '../sniff';

export const MAX_VALUES_BYTES = 5 * 1024 * 1024;

export type ValuesResult =
  | { ok: true; updates: Map<string, IndicatorValue[]>; rows: number }
  | { ok: false; messages: IssueMessage[] };

const COLUMNS = {
  indicator: ['indicator', 'measure', 'name'],
  period: ['period', 'month', 'quarter'],
  value: ['value', 'figure', 'result'],
  statisticalNeighbours: ['statistical neighbours', 'stat neighbours', 'statistical neighbour average'],
  region: ['region', 'regional'],
  england: ['england', 'national'],
} as const;
type Column = keyof typeof COLUMNS;

const error = (location: string, text: string): IssueMessage => ({ severity: 'error', location, text });

export function readIndicatorValuesCsv(bytes: Uint8Array, indicators: readonly Indicator[]): ValuesResult {
  if (bytes.length > MAX_VALUES_BYTES)
    return { ok: false, messages: [error('The file', 'is larger than the 5 MB a values file can be.')] };
  const sniffed = sniffFile(bytes, 'csv');
  if (sniffed) return { ok: false, messages: [sniffed] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      messages: [error('The file', 'is not UTF-8 text. Save it as “CSV UTF-8” and try again.')],
    };
  }
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { ok: false, messages: [error('The file', `could not be read: ${parsed.problem}.`)] };
  return readIndicatorValueRows(parsed.rows, indicators);
}

export function readIndicatorValueRows(
  rows: readonly (readonly unknown[])[],
  indicators: readonly Indicator[],
): ValuesResult {
  const [header, ...body] = rows;
  const normal = (header ?? []).map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  const at: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const index = normal.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(h));
    if (index >= 0) at[column] = index;
  }
  const missing = (['indicator', 'period', 'value'] as const).filter((c) => at[c] === undefined);
  if (missing.length)
    return {
      ok: false,
      messages: [
        error(
          'Heading row',
          `has no column for ${missing.map((m) => `“${m}”`).join(', ')}. The file needs Indicator, Period and Value columns (and optionally Statistical neighbours, Region, England).`,
        ),
      ],
    };
  const byName = new Map(indicators.map((i) => [i.name.trim().toLowerCase(), i]));
  const messages: IssueMessage[] = [];
  const updates = new Map<string, IndicatorValue[]>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: Column) => (at[c] === undefined ? '' : String(cells[at[c]!] ?? '').trim());
    for (const c of Object.keys(at) as Column[]) {
      if (/^[=+@\t\r]/.test(cell(c)) || /^-[^\d.]/.test(cell(c)))
        messages.push(
          error(
            `Row ${row}, ${c}`,
            `starts with “${cell(c).charAt(0)}”, which spreadsheets run as a formula. Values must be plain.`,
          ),
        );
    }
    const indicator = byName.get(cell('indicator').toLowerCase());
    if (!indicator) {
      messages.push(
        error(
          `Row ${row}, indicator`,
          `“${cell('indicator').slice(0, 80)}” is not on the scorecard. Use an indicator’s exact name, or add it to the scorecard first.`,
        ),
      );
      return;
    }
    const period = readPeriod(cell('period'));
    if (!period)
      messages.push(
        error(
          `Row ${row}, period`,
          `“${cell('period').slice(0, 40)}” is not a period: use yyyy-mm (for example 2025-06) or mm/yyyy.`,
        ),
      );
    const value = readNumber(cell('value'), `Row ${row}, value`, messages);
    const comparators: Partial<Record<Comparator, number>> = {};
    for (const c of ['statisticalNeighbours', 'region', 'england'] as const) {
      const n = readNumber(cell(c), `Row ${row}, ${c}`, messages);
      if (n !== null) comparators[c] = n;
    }
    if (period)
      updates.set(indicator.id, [...(updates.get(indicator.id) ?? []), { period, value, comparators }]);
  });
  if (messages.length) return { ok: false, messages: messages.slice(0, 50) };
  if (body.length === 0) return { ok: false, messages: [error('The file', 'has headings but no values.')] };
  return { ok: true, updates, rows: body.length };
}

function readPeriod(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : uk ? [Number(uk[2]), Number(uk[1])] : [0, 0];
  if (!year || month < 1 || month > 12) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A blank cell is a period with no figure (null), never zero. */
function readNumber(text: string, location: string, messages: IssueMessage[]): number | null {
  const clean = text.replace(/[%,\s]/g, '');
  if (clean === '') return null;
  const value = Number(clean);
  if (!Number.isFinite(value)) {
    messages.push(error(location, `“${text.slice(0, 40)}” is not a number.`));
    return null;
  }
  return value;
}

/** Merges imported values into an indicator: a period already recorded is replaced, others added. */
export function mergeValues(
  existing: readonly IndicatorValue[],
  incoming: readonly IndicatorValue[],
): IndicatorValue[] {
  const byPeriod = new Map(existing.map((v) => [v.period, v]));
  for (const v of incoming) byPeriod.set(v.period, v);
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}
