/*
 * The three boxes of a GOV.UK date input, read into a stored yyyy-mm-dd date or the Design System's
 * own error message (which boxes are wrong, and why). Pure: the range is passed in.
 */

import { MONTH_NAMES } from '../../domain/format/dates';
export type DatePart = 'day' | 'month' | 'year';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateRules {
  /** How the date is named in messages, with a capital: "Due date". */
  name: string;
  /** The earliest and latest dates allowed, yyyy-mm-dd. */
  min: string;
  max: string;
  /** When true, an empty date is an error ("Enter the due date"). */
  required?: boolean;
}

export type DateReading = { ok: true; value: string } | { ok: false; message: string; parts: DatePart[] };

export const DEFAULT_DATE_RANGE = { min: '2000-01-01', max: '2100-12-31' } as const;

/** '2025-03-07' → { day: '7', month: '3', year: '2025' }; anything else → empty boxes. */
export function splitIsoDate(value: string | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

/** '2000-01-01' → '1 January 2000', as GOV.UK writes dates in messages. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const name = MONTH_NAMES[month! - 1]!;
  return `${day} ${name[0]!.toUpperCase()}${name.slice(1)} ${year}`;
}

/** A month typed as 3, 03, Mar, march or Sept. */
function readMonth(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = text.toLowerCase();
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex(
    (name) => name.startsWith(word) || (word === 'sept' && name === 'september'),
  );
  return index === -1 ? undefined : index + 1;
}

function joinParts(missing: DatePart[]): string {
  return missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
}

function lowerFirst(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

export function readDateParts(input: DateParts, rules: DateRules): DateReading {
  const parts = { day: input.day.trim(), month: input.month.trim(), year: input.year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part] === '');
  if (missing.length === 3) {
    return rules.required
      ? { ok: false, message: `Enter the ${lowerFirst(rules.name)}`, parts: ['day', 'month', 'year'] }
      : { ok: true, value: '' };
  }
  if (missing.length) {
    return { ok: false, message: `${rules.name} must include a ${joinParts(missing)}`, parts: missing };
  }
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : undefined;
  const month = readMonth(parts.month);
  if (!/^\d+$/.test(parts.year)) {
    return { ok: false, message: `${rules.name} must be a real date`, parts: ['year'] };
  }
  if (parts.year.length !== 4) return { ok: false, message: 'Year must include 4 numbers', parts: ['year'] };
  const year = Number(parts.year);
  const wrong: DatePart[] = [];
  if (day === undefined || day < 1 || day > 31) wrong.push('day');
  if (month === undefined || month < 1 || month > 12) wrong.push('month');
  if (!wrong.length && day! > new Date(Date.UTC(year, month!, 0)).getUTCDate()) wrong.push('day', 'month');
  if (wrong.length) return { ok: false, message: `${rules.name} must be a real date`, parts: wrong };
  const value = `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (value < rules.min || value > rules.max) {
    return {
      ok: false,
      message: `${rules.name} must be between ${longDate(rules.min)} and ${longDate(rules.max)}`,
      parts: ['day', 'month', 'year'],
    };
  }
  return { ok: true, value };
}

/** A month and year (yyyy-mm), as the month-and-year form of the GOV.UK date input reads them. */
export function readMonthParts(
  input: { month: string; year: string },
  rules: DateRules,
): { ok: true; value: string } | { ok: false; message: string; parts: DatePart[] } {
  const blank = input.month.trim() === '' && input.year.trim() === '';
  const reading = readDateParts({ day: blank ? '' : '1', ...input }, rules);
  return reading.ok ? { ok: true, value: reading.value.slice(0, 7) } : reading;
}
