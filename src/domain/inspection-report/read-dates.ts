/*
 * Dates as reports print them ("8 July 2019", "8 to 19 July 2019", "29 January to 22 February 2018",
 * "12 and 13 June 2019"), read into yyyy-mm-dd. A day that does not exist is not a date.
 */
import { MONTH_NAMES } from '../format/dates';
import type { DateRange } from './types';

const MONTH = `(${MONTH_NAMES.join('|')})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const RANGE = new RegExp(
  `${DAY}(?:\\s+${MONTH})?(?:\\s+(\\d{4}))?\\s*(?:to|and|until|-|–|—)\\s*${DAY}\\s+${MONTH}\\s+(\\d{4})`,
  'i',
);
const SINGLE = new RegExp(`${DAY}\\s+${MONTH}\\s+(\\d{4})`, 'i');

export function isoDate(day: number, month: number, year: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

const monthNumber = (name: string) => MONTH_NAMES.indexOf(name.toLowerCase()) + 1;

/** Where in the text a date was read: `index` and `length` of the words. */
export interface Span {
  index: number;
  length: number;
}

/** The first date range in the text; a single date is a range of one day. */
export function readDateRange(text: string): (DateRange & Span) | undefined {
  const range = RANGE.exec(text);
  if (range) {
    const [, d1, m1, y1, d2, m2, y2] = range;
    const endYear = Number(y2);
    const endMonth = monthNumber(m2!);
    const startMonth = m1 ? monthNumber(m1) : endMonth;
    // "29 December to 9 January 2020" began the year before.
    const startYear = y1 ? Number(y1) : startMonth > endMonth ? endYear - 1 : endYear;
    const start = isoDate(Number(d1), startMonth, startYear);
    const end = isoDate(Number(d2), endMonth, endYear);
    if (start && end && start <= end) return { start, end, index: range.index, length: range[0].length };
  }
  const single = findDate(text);
  return single
    ? { start: single.date, end: single.date, index: single.index, length: single.length }
    : undefined;
}

export function readDate(text: string): string | undefined {
  return findDate(text)?.date;
}

export function findDate(text: string): ({ date: string } & Span) | undefined {
  const found = SINGLE.exec(text);
  const date = found ? isoDate(Number(found[1]), monthNumber(found[2]!), Number(found[3])) : undefined;
  return found && date ? { date, index: found.index, length: found[0].length } : undefined;
}
