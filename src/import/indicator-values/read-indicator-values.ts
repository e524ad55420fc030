/*
 * The door for indicator values (CSV rows, or spreadsheet rows from the worker): one row per
 * indicator and period, matched to the scorecard by the indicator's name. Every problem is located
 * by row and column; a file with any error changes nothing. Figures are plain decimals (12.5, 12.5%):
 * no decimal commas, no thousands separators, no hex or exponents. Periods run from 2000-01 to
 * December of next year; one indicator and period appear once.
 */
import type { Comparator, Indicator, IndicatorValue } from '../../domain/scorecard/records';
import type { IssueMessage } from '../../validation/messages';
import { parseCsvRecords } from '../case-list/csv-records';
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
/** A column's name in messages, in the user's words. */
const LABELS: Record<Column, string> = {
  indicator: 'indicator',
  period: 'period',
  value: 'value',
  statisticalNeighbours: 'statistical neighbours',
  region: 'region',
  england: 'England',
};

const error = (location: string, text: string): IssueMessage => ({ severity: 'error', location, text });

export const FIRST_PERIOD = '2000-01';
/** December of the year after `today`'s: a target month may be entered ahead, no further. */
export const lastPeriod = (today: Date): string => `${today.getUTCFullYear() + 1}-12`;

export function readIndicatorValuesCsv(
  bytes: Uint8Array,
  indicators: readonly Indicator[],
  today: Date = new Date(),
): ValuesResult {
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
  const parsed = parseCsvRecords(text);
  if (!parsed.ok)
    return { ok: false, messages: [error(`Line ${parsed.line}`, `could not be read: ${parsed.problem}.`)] };
  return readIndicatorValueRows(parsed.rows, indicators, today, parsed.lines);
}

/** `lines` gives each row's line in the file (CSV); without it rows are numbered from 1. */
export function readIndicatorValueRows(
  rows: readonly (readonly unknown[])[],
  indicators: readonly Indicator[],
  today: Date = new Date(),
  lines?: readonly number[],
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
  const rowOf = new Map<string, number>();
  const last = lastPeriod(today);
  body.forEach((cells, i) => {
    const row = lines?.[i + 1] ?? i + 2;
    const cell = (c: Column) => (at[c] === undefined ? '' : String(cells[at[c]!] ?? '').trim());
    for (const c of Object.keys(at) as Column[]) {
      if (/^[=+@\t\r]/.test(cell(c)) || /^-[^\d.]/.test(cell(c)))
        messages.push(
          error(
            `Row ${row}, ${LABELS[c]}`,
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
    let period = readPeriod(cell('period'));
    if (!period)
      messages.push(
        error(
          `Row ${row}, period`,
          `“${cell('period').slice(0, 40)}” is not a period: use yyyy-mm (for example 2025-06) or mm/yyyy.`,
        ),
      );
    else if (period < FIRST_PERIOD || period > last) {
      messages.push(
        error(
          `Row ${row}, period`,
          `“${cell('period')}” is outside the periods this workbook holds (${FIRST_PERIOD} to ${last}). Check the year.`,
        ),
      );
      period = undefined;
    } else {
      const key = `${indicator.id}\u0000${period}`;
      const first = rowOf.get(key);
      if (first !== undefined) {
        messages.push(
          error(
            `Row ${row}, period`,
            `${period} for “${indicator.name}” is also on row ${first}. Keep one of rows ${first} and ${row}, so the import does not have to choose.`,
          ),
        );
        period = undefined;
      } else rowOf.set(key, row);
    }
    const value = readNumber(cell('value'), `Row ${row}, value`, messages);
    const comparators: Partial<Record<Comparator, number>> = {};
    for (const c of ['statisticalNeighbours', 'region', 'england'] as const) {
      const n = readNumber(cell(c), `Row ${row}, ${LABELS[c]}`, messages);
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

/**
 * A blank cell is a period with no figure (null), never zero. Only plain decimals are read: a comma
 * is refused rather than guessed at, since "1,250" is 1250 in England and 1.25 in much of Europe.
 */
export function readNumber(text: string, location: string, messages: IssueMessage[]): number | null {
  if (text === '') return null;
  const shown = `“${text.slice(0, 40)}”`;
  if (/^-?\d+(?:\.\d+)?\s?%?$/.test(text)) return Number(text.replace(/[\s%]/g, ''));
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$/.test(text))
    messages.push(
      error(
        location,
        `${shown} has a comma. Write the figure without thousands separators (${text.replace(/,/g, '')}), or with a full stop for the decimal point.`,
      ),
    );
  else if (/^-?\d+,\d+%?$/.test(text))
    messages.push(
      error(location, `${shown} uses a comma for the decimal point; write ${text.replace(',', '.')}.`),
    );
  else
    messages.push(
      error(
        location,
        `${shown} is not a number this import reads. Write digits with a full stop for the decimal point, for example 12.5 or 12.5%.`,
      ),
    );
  return null;
}

export { mergeValues } from '../../domain/scorecard/merge-values';
