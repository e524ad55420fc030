/*
 * The notification week: from the lead inspector's call (domain.md: a Friday) to the first day on
 * site (the Monday after), the framework's readiness checklist turned into a plan, day by day, with
 * an owner and a status per item. Dates are yyyy-mm-dd and computed in UTC so no time zone moves them.
 */
import type { ChecklistItem, Framework } from '../framework/types';
import { isDated } from '../self-assessment/dates';
import type { NotificationItem, NotificationStatus } from './records';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
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

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** "Friday 4 December 2026" */
export function longDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The first Monday after the call: inspectors arrive then when the call comes on a Friday. */
export function firstOnSiteDay(callDate: string): string {
  const untilMonday = (8 - weekday(callDate)) % 7 || 7;
  return addDays(callDate, untilMonday);
}

/** Annex A lists go on the day of the call, documents the day after, arrangements by the eve of the visit. */
export function defaultDueDay(item: ChecklistItem, callDate: string, onSiteDate: string): number {
  const lastDay = Math.max(0, daysBetween(callDate, onSiteDate) - 1);
  if (item.category === 'annex-a') return 0;
  if (item.category === 'documents') return Math.min(1, lastDay);
  return lastDay;
}

export interface PlannedItem {
  item: ChecklistItem;
  state: NotificationItem | undefined;
  owner: string;
  status: NotificationStatus;
  dueDay: number;
}

export interface PlanDay {
  date: string;
  label: string;
  offset: number;
  weekend: boolean;
  kind: 'call' | 'preparation' | 'on-site';
  items: PlannedItem[];
}

export interface NotificationPlan {
  callDate: string;
  onSiteDate: string;
  days: PlanDay[];
  ready: number;
  applicable: number;
  /** Items due on a day already past and not ready, for the "behind" warning. */
  late: PlannedItem[];
}

export function planNotificationWeek(input: {
  framework: Framework;
  states: readonly NotificationItem[];
  callDate: string;
  onSiteDate?: string;
  today: string;
}): NotificationPlan | undefined {
  const { callDate } = input;
  if (!isDated(callDate)) return undefined;
  const onSiteDate =
    input.onSiteDate && isDated(input.onSiteDate) && input.onSiteDate > callDate
      ? input.onSiteDate
      : firstOnSiteDay(callDate);
  const span = daysBetween(callDate, onSiteDate);
  const lastPreparationDay = Math.max(0, span - 1);
  const planned = plannedItems(input.framework, input.states, callDate, onSiteDate);
  const days: PlanDay[] = Array.from({ length: span + 1 }, (_, offset) => {
    const date = addDays(callDate, offset);
    return {
      date,
      label: longDate(date),
      offset,
      weekend: [0, 6].includes(weekday(date)),
      kind: offset === 0 ? 'call' : offset === span ? 'on-site' : 'preparation',
      items: planned.filter((p) => Math.min(p.dueDay, lastPreparationDay) === offset),
    };
  });
  const applicable = planned.filter((p) => p.status !== 'not-applicable');
  const todayOffset = daysBetween(callDate, input.today);
  return {
    callDate,
    onSiteDate,
    days,
    ready: applicable.filter((p) => p.status === 'ready').length,
    applicable: applicable.length,
    late: applicable.filter((p) => p.status !== 'ready' && p.dueDay < todayOffset),
  };
}

export function plannedItems(
  framework: Framework,
  states: readonly NotificationItem[],
  callDate: string,
  onSiteDate: string,
): PlannedItem[] {
  return framework.readinessChecklist.map((item) => {
    const state = states.find((s) => !s.deletedAt && s.frameworkId === framework.id && s.itemId === item.id);
    return {
      item,
      state,
      owner: state?.owner ?? '',
      status: state?.status ?? 'not-started',
      dueDay: state?.dueDay ?? defaultDueDay(item, callDate, onSiteDate),
    };
  });
}
