/*
 * Working days as councils and inspectorates count them: Monday to Friday, less the bank holidays of
 * England and Wales. Bank holidays follow the standing rules (with substitute days) plus the one-off
 * changes announced since 2011; a one-off announced later is not known here. Dates are yyyy-mm-dd, in UTC.
 */

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Royal and state occasions: extra days, and regular days moved for them. */
const EXTRA_HOLIDAYS = ['2011-04-29', '2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08'];
const MOVED_HOLIDAYS: Record<string, string> = {
  '2012-05-28': '2012-06-04',
  '2020-05-04': '2020-05-08',
  '2022-05-30': '2022-06-02',
};

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function weekdayName(date: string): string {
  return WEEKDAYS[weekday(date)]!;
}

/** "Friday 4 December 2026" */
export function longDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function isWeekend(date: string): boolean {
  return [0, 6].includes(weekday(date));
}

const ymd = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Easter Sunday (Gregorian calendar), by the anonymous algorithm. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(year: number, month: number, n: 1 | -1): string {
  if (n === 1) {
    const first = ymd(year, month, 1);
    return addDays(first, (8 - weekday(first)) % 7);
  }
  const last = addDays(month === 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1), -1);
  return addDays(last, -((weekday(last) + 6) % 7));
}

function christmas(year: number): string[] {
  const day = weekday(ymd(year, 12, 25));
  if (day === 6) return [ymd(year, 12, 27), ymd(year, 12, 28)];
  if (day === 0) return [ymd(year, 12, 26), ymd(year, 12, 27)];
  if (day === 5) return [ymd(year, 12, 25), ymd(year, 12, 28)];
  return [ymd(year, 12, 25), ymd(year, 12, 26)];
}

function newYear(year: number): string {
  const first = ymd(year, 1, 1);
  const day = weekday(first);
  return day === 6 ? addDays(first, 2) : day === 0 ? addDays(first, 1) : first;
}

const cache = new Map<number, ReadonlySet<string>>();

/** The bank holidays of England and Wales in one year. */
export function bankHolidays(year: number): ReadonlySet<string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const regular = [
    newYear(year),
    addDays(easter, -2),
    addDays(easter, 1),
    monday(year, 5, 1),
    monday(year, 5, -1),
    monday(year, 8, -1),
    ...christmas(year),
  ].map((d) => MOVED_HOLIDAYS[d] ?? d);
  const days = new Set([...regular, ...EXTRA_HOLIDAYS.filter((d) => d.startsWith(`${year}-`))]);
  cache.set(year, days);
  return days;
}

export function isBankHoliday(date: string): boolean {
  return bankHolidays(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(date: string): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/** The date itself if it is a working day, otherwise the next one. */
export function workingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The working day `n` working days after `date` (n ≥ 0; 0 is `date` itself, moved to a working day). */
export function addWorkingDays(date: string, n: number): string {
  let day = workingDayFrom(date);
  for (let left = n; left > 0; left -= 1) day = workingDayFrom(addDays(day, 1));
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

/** The working days from `from` to `to`, both included when they are working days. */
export function workingDaysFromTo(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day);
  return days;
}
