/*
 * Dates as UK users read them (dd/mm/yyyy) and years as councils run them (April to March).
 * Pure: "today" is always passed in.
 */

/** The months in lower case, January first: how dates are read from what people and reports write. */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** '2023-04-01' or an ISO timestamp → '01/04/2023'; anything unreadable is returned as it was. */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** The April-to-March year a date falls in, as its starting calendar year (2025 for 2025–26). */
export function cycleStartYear(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number);
  return month! >= 4 ? year! : year! - 1;
}

/** 2025 → '2025–26' (en dash, as councils write it). */
export function cycleLabel(startYear: number): string {
  return `${startYear}–${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function cyclePeriod(startYear: number): { from: string; to: string } {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

export function formatDateRange(from: string, to: string | undefined): string {
  return to ? `${formatDate(from)} to ${formatDate(to)}` : `from ${formatDate(from)}`;
}
