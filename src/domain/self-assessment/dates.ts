/*
 * When evidence goes stale and an action is overdue. Dates are yyyy-mm-dd strings (a timestamp's
 * date part counts) and "today" is passed in, so answers never depend on the clock or time zone.
 * An empty or unreadable date is undated: never stale and never overdue.
 */
import type { ImprovementAction } from '../workspace/records';
import { STALE_AFTER_MONTHS } from '../workspace/vocabulary';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseDate(date: string | undefined): CalendarDate | undefined {
  const match = date === undefined ? null : ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function toIso({ year, month, day }: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A real calendar date, yyyy-mm-dd (optionally followed by a time). */
export function isDated(date: string | undefined): date is string {
  return parseDate(date) !== undefined;
}

/** The same day `months` calendar months earlier, clamped to the month's last day (29 Feb → 28 Feb). */
export function monthsBefore(date: string, months: number): string {
  const parsed = parseDate(date);
  if (!parsed) return date;
  const total = parsed.year * 12 + parsed.month - 1 - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return toIso({ year, month, day: Math.min(parsed.day, daysInMonth(year, month)) });
}

/** More than 12 calendar months old on `today`: evidence dated exactly a year ago is still current. */
export function isStale(evidenceDate: string, today: string): boolean {
  const evidence = parseDate(evidenceDate);
  if (!evidence || !isDated(today)) return false;
  return toIso(evidence) < monthsBefore(today, STALE_AFTER_MONTHS);
}

/** Due before today and still open (neither completed nor no longer needed). */
export function isOverdue(action: Pick<ImprovementAction, 'dueDate' | 'status'>, today: string): boolean {
  const due = parseDate(action.dueDate);
  const now = parseDate(today);
  if (!due || !now) return false;
  if (action.status === 'completed' || action.status === 'no-longer-needed') return false;
  return toIso(due) < toIso(now);
}
