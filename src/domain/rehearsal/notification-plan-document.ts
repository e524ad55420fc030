/*
 * The notification-week plan as a document to print: the kind of inspection and how its notice runs,
 * the call and the days on site, then one line per checklist item in the order they are due, with the
 * day, owner and status. export/pdf only lays this out; the days are the plan's, so page and paper agree.
 */
import { formatDate } from '../format/dates';
import type { Framework } from '../framework/types';
import type { Settings } from '../workspace/records';
import { INSPECTION_TYPE_LABELS } from './inspection-rhythm';
import { planNotes, type NotificationPlan } from './notification-week';
import { NOTIFICATION_STATUS_LABELS } from './records';
import { WEEKDAYS, weekday } from './working-days';

export interface NotificationPlanDocument {
  council: string;
  marking: string;
  title: string;
  framework: string;
  inspectionType: string;
  summary: string;
  source: string;
  call: string;
  onSite: string;
  readiness: string;
  notes: string[];
  rows: { day: string; item: string; owner: string; status: string; note: string }[];
  late: string[];
  /** dd/mm/yyyy: the day the plan was printed. */
  printed: string;
}

/** "Monday 06/07/2026": the weekday spelled out, the date as UK users write it. */
export function planDayText(date: string): string {
  return `${WEEKDAYS[weekday(date)]} ${formatDate(date)}`;
}

export function buildNotificationPlanDocument(input: {
  plan: NotificationPlan;
  framework: Framework;
  settings: Settings;
  today: string;
}): NotificationPlanDocument {
  const { plan } = input;
  const days = plan.days.filter((d) => d.kind !== 'on-site');
  const { workingDays } = plan.onSite;
  const late = new Set(plan.late.map((p) => p.item.id));
  return {
    council: input.settings.councilName || 'Council',
    marking: input.settings.protectiveMarking,
    title: 'Notification week plan',
    framework: input.framework.shortTitle || input.framework.title,
    inspectionType: INSPECTION_TYPE_LABELS[plan.inspectionType],
    summary: plan.rhythm.summary,
    source: plan.rhythm.source,
    call: planDayText(plan.callDate),
    onSite: `${plan.onSite.from === plan.onSite.to ? planDayText(plan.onSite.from) : `${planDayText(plan.onSite.from)} to ${planDayText(plan.onSite.to)}`} (${workingDays} working ${workingDays === 1 ? 'day' : 'days'})`,
    readiness: `${plan.ready} of ${plan.applicable} items ready`,
    notes: planNotes(plan),
    rows: days.flatMap((day) =>
      day.items.map((p) => ({
        day: planDayText(day.date),
        item: p.item.title,
        owner: p.owner.trim() || 'Not yet agreed',
        status: `${NOTIFICATION_STATUS_LABELS[p.status]}${late.has(p.item.id) ? ' (late)' : ''}`,
        note: p.state?.note.trim() ?? '',
      })),
    ),
    late: plan.late.map((p) => p.item.title),
    printed: formatDate(input.today),
  };
}
