/*
 * Moves a workspace in time, so the example council is always current: every date and timestamp by
 * the same whole number of days, "yyyy-mm" periods by the calendar months between the two days, and
 * April-to-March years (a cycle's startYear, the years named by a carried-forward history entry) by
 * the change in that year. Only a value that is wholly a date, a month or such a year moves: free
 * text never changes, and imported framework files (the `frameworks` table) are left as they are.
 */
import { cycleLabel, cycleStartYear } from '../format/dates';

export interface DateShift {
  /** yyyy-mm-dd: the day the records were written for (the example's anchor). */
  from: string;
  /** yyyy-mm-dd: the day they should look written for (today). */
  to: string;
  /**
   * An ISO instant (now, when the example is loaded): no timestamp may end up after it. Whole-day
   * steps can put a record written late on the anchor day hours into the future when it is loaded
   * early in the day; then every timestamp moves back by the same amount, so their order holds.
   */
  notAfter?: string;
}

interface Steps {
  days: number;
  months: number;
  years: number;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})((?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const CYCLE_LABEL = /^(\d{4})–(\d{2})(?=$|,)/;

/** A copy of `records` (a workspace's tables, or any record) moved from `shift.from` to `shift.to`. */
export function shiftWorkspaceDates<T>(records: T, shift: DateShift): T {
  const shifted = shiftValue(records, computeSteps(shift), true);
  const limit = shift.notAfter === undefined ? NaN : Date.parse(shift.notAfter);
  if (Number.isNaN(limit)) return shifted;
  const latest = latestTimestamp(shifted, true);
  return latest > limit ? moveTimestamps(shifted, limit - latest, true) : shifted;
}

function isTimestamp(text: string): boolean {
  const date = DATE.exec(text);
  return Boolean(date?.[4]) && !Number.isNaN(Date.parse(text));
}

function latestTimestamp(value: unknown, tables = false): number {
  if (typeof value === 'string') return isTimestamp(value) ? Date.parse(value) : -Infinity;
  if (!value || typeof value !== 'object') return -Infinity;
  const children = Array.isArray(value)
    ? value
    : Object.entries(value).flatMap(([key, v]) => (tables && key === 'frameworks' ? [] : [v]));
  return children.reduce<number>((latest, v) => Math.max(latest, latestTimestamp(v)), -Infinity);
}

function moveTimestamps<T>(value: T, byMs: number, tables = false): T {
  if (typeof value === 'string')
    return (isTimestamp(value) ? new Date(Date.parse(value) + byMs).toISOString() : value) as T;
  if (Array.isArray(value)) return value.map((v) => moveTimestamps(v, byMs)) as T;
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, v]) =>
    tables && key === 'frameworks' ? [key, v] : [key, moveTimestamps(v, byMs)],
  );
  return Object.fromEntries(entries) as T;
}

function computeSteps({ from, to }: DateShift): Steps {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  if (a === undefined || b === undefined) throw new Error(`Cannot shift dates from “${from}” to “${to}”.`);
  const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return {
    days: b - a,
    months: monthIndex(to) - monthIndex(from),
    years: cycleStartYear(to) - cycleStartYear(from),
  };
}

function shiftValue<T>(value: T, steps: Steps, tables = false): T {
  if (typeof value === 'string') return shiftString(value, steps) as T;
  if (Array.isArray(value)) return value.map((v) => shiftValue(v, steps)) as T;
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // A quarterly indicator stores each quarter as its first month: move it by whole quarters.
  const inner =
    record['frequency'] === 'quarter' ? { ...steps, months: Math.round(steps.months / 3) * 3 } : steps;
  const carried = record['field'] === 'carried-forward';
  const entries = Object.entries(record).map(([key, v]) => {
    if (tables && key === 'frameworks') return [key, v];
    if (key === 'startYear' && typeof v === 'number') return [key, v + steps.years];
    if (carried && (key === 'from' || key === 'to') && typeof v === 'string')
      return [key, shiftCycleLabel(v, steps.years)];
    return [key, shiftValue(v, inner)];
  });
  return Object.fromEntries(entries) as T;
}

function shiftString(text: string, steps: Steps): string {
  const date = DATE.exec(text);
  if (date) {
    const day = dayNumber(text.slice(0, 10));
    return day === undefined ? text : isoDay(day + steps.days) + date[4];
  }
  const month = MONTH.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const total = Number(month[1]) * 12 + Number(month[2]) - 1 + steps.months;
    const year = Math.floor(total / 12);
    return `${String(year).padStart(4, '0')}-${String(total - year * 12 + 1).padStart(2, '0')}`;
  }
  return text;
}

/** '2025–26, to re-evaluate' one year on is '2026–27, to re-evaluate'; anything else stays. */
function shiftCycleLabel(text: string, years: number): string {
  const match = CYCLE_LABEL.exec(text);
  if (!match || cycleLabel(Number(match[1])) !== match[0]) return text;
  return cycleLabel(Number(match[1]) + years) + text.slice(match[0].length);
}

/** Days since 1970-01-01 of a real calendar date yyyy-mm-dd; undefined for anything else. */
function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return undefined;
  return time / DAY_MS;
}

function isoDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}
