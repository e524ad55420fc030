/*
 * The notification week: from the lead inspector's call to the first day on site, the framework's
 * readiness checklist turned into a plan, day by day, with an owner and a status per item. The rhythm
 * follows the kind of inspection (inspection-rhythm.ts). Every day of the plan is a working day, and an
 * item's day is counted in working days after the call, so no item ever falls on a weekend or bank holiday.
 */
import type { ChecklistItem, Framework } from '../framework/types';
import { isDated } from '../self-assessment/dates';
import {
  chooseInspectionType,
  INSPECTION_RHYTHMS,
  type InspectionRhythm,
  type InspectionType,
} from './inspection-rhythm';
import type { NotificationItem, NotificationStatus } from './records';
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  longDate,
  weekday,
  WEEKDAYS,
  workingDayFrom,
  workingDaysFromTo,
} from './working-days';

export { longDate } from './working-days';

/** The furthest day an item can be planned for (the stored day's limit). */
export const LAST_PLANNABLE_DAY = 60;

export interface PlannedItem {
  item: ChecklistItem;
  state: NotificationItem | undefined;
  owner: string;
  status: NotificationStatus;
  /** Working days after the call, within the preparation days. */
  dueDay: number;
}

export interface PlanDay {
  date: string;
  label: string;
  /** Working days after the call (0 = the day of the call). */
  offset: number;
  kind: 'call' | 'preparation' | 'on-site';
  items: PlannedItem[];
}

export interface OnSitePeriod {
  from: string;
  to: string;
  workingDays: number;
}

export interface NotificationPlan {
  inspectionType: InspectionType;
  rhythm: InspectionRhythm;
  /** The date entered; the plan starts on the working day from it. */
  enteredCallDate: string;
  callDate: string;
  onSiteDate: string;
  /** The first day on site by the rhythm, whether or not another was entered. */
  usualOnSiteDate: string;
  onSite: OnSitePeriod;
  /** The call, each preparation day and the first day on site: working days only. */
  days: PlanDay[];
  ready: number;
  applicable: number;
  /** Items due on a day already past and not ready, for the "behind" warning. */
  late: PlannedItem[];
}

export function rhythmFor(framework: Pick<Framework, 'id'>, inspectionType: unknown): InspectionRhythm {
  return INSPECTION_RHYTHMS[chooseInspectionType(framework, inspectionType)];
}

/** The first day on site by the rhythm: its notice, in working days after the call. */
export function firstOnSiteDay(callDate: string, rhythm: InspectionRhythm): string {
  return addWorkingDays(callDate, rhythm.noticeWorkingDays);
}

/** How long inspectors stay from `from`, a working day. */
export function onSitePeriod(rhythm: InspectionRhythm, from: string): OnSitePeriod {
  let to: string;
  if ('workingDays' in rhythm.onSite) {
    to = addWorkingDays(from, rhythm.onSite.workingDays - 1);
  } else {
    const monday = addDays(from, -((weekday(from) + 6) % 7));
    to = addDays(monday, (rhythm.onSite.untilWeek - 1) * 7 + rhythm.onSite.untilWeekday - 1);
    while (to > from && !isWorkingDay(to)) to = addDays(to, -1);
  }
  return { from, to, workingDays: workingDaysFromTo(from, to).length };
}

/** The default day for an item: the rhythm's day for its kind, never past the last preparation day. */
export function defaultDueDay(item: ChecklistItem, rhythm: InspectionRhythm, lastDay: number): number {
  const due = rhythm.due[item.category];
  return due === 'last' ? lastDay : Math.min(due, lastDay);
}

export function planNotificationWeek(input: {
  framework: Framework;
  states: readonly NotificationItem[];
  callDate: string;
  onSiteDate?: string;
  inspectionType?: unknown;
  today: string;
}): NotificationPlan | undefined {
  if (!isDated(input.callDate)) return undefined;
  const inspectionType = chooseInspectionType(input.framework, input.inspectionType);
  const rhythm = INSPECTION_RHYTHMS[inspectionType];
  const callDate = workingDayFrom(input.callDate);
  const usualOnSiteDate = firstOnSiteDay(callDate, rhythm);
  const entered = input.onSiteDate && isDated(input.onSiteDate) ? workingDayFrom(input.onSiteDate) : '';
  const onSiteDate =
    entered > callDate && entered <= addWorkingDays(callDate, LAST_PLANNABLE_DAY + 1)
      ? entered
      : usualOnSiteDate;
  const dates = workingDaysFromTo(callDate, onSiteDate);
  const lastDay = dates.length - 2;
  const planned = plannedItems(input.framework, input.states, rhythm, lastDay);
  const days: PlanDay[] = dates.map((date, offset) => ({
    date,
    label: longDate(date),
    offset,
    kind: offset === 0 ? 'call' : offset > lastDay ? 'on-site' : 'preparation',
    items: offset > lastDay ? [] : planned.filter((p) => p.dueDay === offset),
  }));
  const applicable = planned.filter((p) => p.status !== 'not-applicable');
  return {
    inspectionType,
    rhythm,
    enteredCallDate: input.callDate,
    callDate,
    onSiteDate,
    usualOnSiteDate,
    onSite: onSitePeriod(rhythm, onSiteDate),
    days,
    ready: applicable.filter((p) => p.status === 'ready').length,
    applicable: applicable.length,
    late: applicable.filter((p) => p.status !== 'ready' && dates[p.dueDay]! < input.today),
  };
}

/** Each checklist item with its stored owner, status and day; a stored day past the last is moved to it. */
export function plannedItems(
  framework: Framework,
  states: readonly NotificationItem[],
  rhythm: InspectionRhythm,
  lastDay: number,
): PlannedItem[] {
  return framework.readinessChecklist.map((item) => {
    const state = states.find((s) => !s.deletedAt && s.frameworkId === framework.id && s.itemId === item.id);
    const stored = state && Number.isInteger(state.dueDay) ? Math.max(0, state.dueDay) : undefined;
    return {
      item,
      state,
      owner: state?.owner ?? '',
      status: state?.status ?? 'not-started',
      dueDay: Math.min(stored ?? defaultDueDay(item, rhythm, lastDay), lastDay),
    };
  });
}

/** What the plan did with the dates given, in the user's words; empty when it took them as they were. */
export function planNotes(plan: NotificationPlan): string[] {
  const notes: string[] = [];
  if (plan.enteredCallDate !== plan.callDate)
    notes.push(
      `${longDate(plan.enteredCallDate)} is not a working day, so the plan starts on ${longDate(plan.callDate)}.`,
    );
  const usual = plan.rhythm.callWeekday;
  if (usual !== undefined && weekday(plan.callDate) !== usual)
    notes.push(
      `The call usually comes on a ${WEEKDAYS[usual]}; this plan counts the same ${plan.rhythm.noticeWorkingDays} working days of notice from a ${WEEKDAYS[weekday(plan.callDate)]}.`,
    );
  if (plan.onSiteDate !== plan.usualOnSiteDate)
    notes.push(
      `Inspectors arrive on the day you entered, ${longDate(plan.onSiteDate)}, not on ${longDate(plan.usualOnSiteDate)}.`,
    );
  return notes;
}

/** "Monday 13 July to Friday 24 July 2026", or one day when they arrive and leave on the same day. */
export function onSiteText(onSite: OnSitePeriod): string {
  if (onSite.from === onSite.to) return longDate(onSite.from);
  const from = longDate(onSite.from);
  return `${onSite.from.slice(0, 4) === onSite.to.slice(0, 4) ? from.replace(/ \d{4}$/, '') : from} to ${longDate(onSite.to)}`;
}
