/*
 * When evidence goes stale and an action is overdue. Dates are yyyy-mm-dd strings and "today" is
 * passed in, so the answers never depend on the machine's clock or time zone.
 */
import type { ImprovementAction } from '../workspace/records';
import { STALE_AFTER_MONTHS } from '../workspace/vocabulary';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function isDated(date: string | undefined): date is string {
  return date !== undefined && ISO_DATE.test(date);
}

/** The same day `months` calendar months earlier, clamped to the month's last day (29 Feb → 28 Feb). */
export function monthsBefore(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  const total = Number(match[1]) * 12 + Number(match[2]) - 1 - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** More than 12 months old on `today`. Undated evidence is not stale: it is undated. */
export function isStale(evidenceDate: string, today: string): boolean {
  if (!isDated(evidenceDate) || !isDated(today)) return false;
  return evidenceDate.slice(0, 10) < monthsBefore(today, STALE_AFTER_MONTHS);
}

/** Due before today and still open (neither completed nor no longer needed). */
export function isOverdue(action: Pick<ImprovementAction, 'dueDate' | 'status'>, today: string): boolean {
  if (!isDated(action.dueDate) || !isDated(today)) return false;
  if (action.status === 'completed' || action.status === 'no-longer-needed') return false;
  return action.dueDate.slice(0, 10) < today.slice(0, 10);
}
