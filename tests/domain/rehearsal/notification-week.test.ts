import { describe, expect, it } from 'vitest';
import {
  chooseInspectionType,
  INSPECTION_RHYTHMS,
  INSPECTION_TYPES,
  inspectionTypesFor,
  type InspectionType,
} from '../../../src/domain/rehearsal/inspection-rhythm';
import {
  firstOnSiteDay,
  longDate,
  onSitePeriod,
  onSiteText,
  planNotes,
  planNotificationWeek,
  type NotificationPlan,
} from '../../../src/domain/rehearsal/notification-week';
import type { NotificationItem } from '../../../src/domain/rehearsal/records';
import { addDays, isWorkingDay } from '../../../src/domain/rehearsal/working-days';
import type { Framework } from '../../../src/domain/framework/types';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const sif = shippedFramework('sif-2013');
const MONDAY = '2026-07-06';

function state(itemId: string, patch: Partial<NotificationItem>, framework = ilacs): NotificationItem {
  return {
    id: `${framework.id}/${itemId}`,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    frameworkId: framework.id,
    itemId,
    owner: '',
    status: 'not-started',
    dueDay: 0,
    note: '',
    ...patch,
  };
}

function plan(
  inspectionType: InspectionType,
  callDate: string,
  more: { framework?: Framework; states?: NotificationItem[]; onSiteDate?: string; today?: string } = {},
): NotificationPlan {
  return planNotificationWeek({
    framework: more.framework ?? ilacs,
    states: more.states ?? [],
    callDate,
    inspectionType,
    ...(more.onSiteDate ? { onSiteDate: more.onSiteDate } : {}),
    today: more.today ?? callDate,
  })!;
}

/** The date each item is due on, by item id. */
function dueDates(p: NotificationPlan): Record<string, string> {
  return Object.fromEntries(p.days.flatMap((d) => d.items.map((i) => [i.item.id, d.date])));
}

describe('the notification week, per kind of inspection', () => {
  it('ILACS standard: the call on a Monday, the week to prepare, two weeks on site from the next Monday', () => {
    const p = plan('ilacs-standard', MONDAY);
    expect(p.days.map((d) => [d.date, d.kind])).toEqual([
      ['2026-07-06', 'call'],
      ['2026-07-07', 'preparation'],
      ['2026-07-08', 'preparation'],
      ['2026-07-09', 'preparation'],
      ['2026-07-10', 'preparation'],
      ['2026-07-13', 'on-site'],
    ]);
    expect(p.onSite).toEqual({ from: '2026-07-13', to: '2026-07-24', workingDays: 10 });
    expect(onSiteText(p.onSite)).toBe('Monday 13 July to Friday 24 July 2026');
    const due = dueDates(p);
    expect(due['annex-a-1']).toBe('2026-07-06');
    expect(due['doc-self-evaluation']).toBe('2026-07-07');
    expect(due['arr-base-room']).toBe('2026-07-10');
    expect(Object.keys(due)).toHaveLength(ilacs.readinessChecklist.length);
    expect(planNotes(p)).toEqual([]);
  });

  it('ILACS short: the same notice, one week on site', () => {
    const p = plan('ilacs-short', MONDAY);
    expect(p.onSiteDate).toBe('2026-07-13');
    expect(p.onSite).toEqual({ from: '2026-07-13', to: '2026-07-17', workingDays: 5 });
  });

  it('a focused visit: about a week’s notice, two days on site (Norfolk, 2021)', () => {
    const p = plan('focused-visit', '2021-09-28');
    expect(p.onSite).toEqual({ from: '2021-10-05', to: '2021-10-06', workingDays: 2 });
    expect(p.days.at(-2)!.date).toBe('2021-10-04');
    expect(dueDates(p)['arr-base-room']).toBe('2021-10-04');
  });

  it('a JTAI: ten working days’ notice, data and audits over two weeks, on site in week three', () => {
    const p = plan('jtai', MONDAY);
    expect(p.onSite).toEqual({ from: '2026-07-20', to: '2026-07-24', workingDays: 5 });
    expect(p.days).toHaveLength(11);
    const due = dueDates(p);
    expect(due['annex-a-1']).toBe('2026-07-08');
    expect(due['doc-self-evaluation']).toBe('2026-07-10');
    expect(due['arr-case-tracking']).toBe('2026-07-17');
  });

  it('the SIF: practically no notice, inspectors on site the next day for about four weeks (Norfolk, 2015)', () => {
    const p = plan('sif', '2015-07-06', { framework: sif });
    expect(p.days.map((d) => [d.date, d.kind])).toEqual([
      ['2015-07-06', 'call'],
      ['2015-07-07', 'on-site'],
    ]);
    expect(p.onSite).toEqual({ from: '2015-07-07', to: '2015-07-30', workingDays: 18 });
    expect(p.days[0]!.items).toHaveLength(sif.readinessChecklist.length);
    // Lambeth, 2018: fieldwork from Monday 29 January to Thursday 22 February.
    expect(onSitePeriod(INSPECTION_RHYTHMS.sif, '2018-01-29').to).toBe('2018-02-22');
  });

  it('offers the kinds of inspection the cycle’s framework can have, and falls back to its usual one', () => {
    expect(inspectionTypesFor(ilacs)).toEqual(['ilacs-standard', 'ilacs-short', 'focused-visit', 'jtai']);
    expect(inspectionTypesFor(sif)).toEqual(['sif', 'jtai']);
    expect(inspectionTypesFor({ id: 'safeguarding-partnership-2023' })).toEqual(['jtai']);
    expect(inspectionTypesFor({ id: 'exampleshire-own' })).toEqual([...INSPECTION_TYPES]);
    expect(chooseInspectionType(ilacs, 'sif')).toBe('ilacs-standard');
    expect(chooseInspectionType(ilacs, 'ilacs-short')).toBe('ilacs-short');
    expect(chooseInspectionType(sif, undefined)).toBe('sif');
    expect(chooseInspectionType(ilacs, { not: 'a type' })).toBe('ilacs-standard');
    expect(
      planNotificationWeek({ framework: ilacs, states: [], callDate: MONDAY, today: MONDAY }),
    ).toMatchObject({ inspectionType: 'ilacs-standard' });
  });
});

describe('the notification week, on any day', () => {
  it('never plans a call, an item or a day on site on a weekend or a bank holiday', () => {
    for (const type of INSPECTION_TYPES) {
      for (let day = '2025-12-15'; day < '2027-01-15'; day = addDays(day, 1)) {
        const p = plan(type, day);
        const where = `${type} from ${day}`;
        for (const d of p.days) expect(isWorkingDay(d.date), `${where}: ${d.date}`).toBe(true);
        expect(isWorkingDay(p.onSite.from) && isWorkingDay(p.onSite.to), where).toBe(true);
        expect(p.days.flatMap((d) => d.items)).toHaveLength(ilacs.readinessChecklist.length);
        expect(p.onSite.from > p.callDate, where).toBe(true);
      }
    }
  });

  it('moves a call entered on a weekend or bank holiday to the next working day, and says so', () => {
    const saturday = plan('ilacs-standard', '2026-07-04');
    expect(saturday.callDate).toBe(MONDAY);
    expect(planNotes(saturday)).toEqual([
      'Saturday 4 July 2026 is not a working day, so the plan starts on Monday 6 July 2026.',
    ]);
    const bankHoliday = plan('ilacs-standard', '2026-05-25');
    expect(bankHoliday.callDate).toBe('2026-05-26');
    expect(bankHoliday.onSiteDate).toBe('2026-06-02');
    expect(planNotes(bankHoliday)).toContain(
      'The call usually comes on a Monday; this plan counts the same 5 working days of notice from a Tuesday.',
    );
    // Over Christmas the days on site skip the bank holidays.
    expect(plan('ilacs-short', '2026-12-14').onSite).toEqual({
      from: '2026-12-21',
      to: '2026-12-29',
      workingDays: 5,
    });
  });

  it('takes a first day on site that was entered, after the call, and ignores one before it', () => {
    const later = plan('ilacs-standard', MONDAY, { onSiteDate: '2026-07-15' });
    expect(later.onSite).toEqual({ from: '2026-07-15', to: '2026-07-28', workingDays: 10 });
    expect(later.days.at(-2)!.date).toBe('2026-07-14');
    expect(planNotes(later)).toEqual([
      'Inspectors arrive on the day you entered, Wednesday 15 July 2026, not on Monday 13 July 2026.',
    ]);
    expect(plan('ilacs-standard', MONDAY, { onSiteDate: '2026-07-01' }).onSiteDate).toBe('2026-07-13');
    expect(
      planNotificationWeek({ framework: ilacs, states: [], callDate: '', today: MONDAY }),
    ).toBeUndefined();
    expect(firstOnSiteDay(MONDAY, INSPECTION_RHYTHMS.jtai)).toBe('2026-07-20');
    expect(longDate('2026-07-06')).toBe('Monday 6 July 2026');
  });

  it('keeps stored items: owner, status and day, moved onto a working day, and flags what is late', () => {
    const p = plan('ilacs-standard', MONDAY, {
      states: [
        state('annex-a-1', { owner: 'Performance team', status: 'ready' }),
        state('annex-a-2', { status: 'not-applicable' }),
        // Stored when the plan ran from a Friday call: day 2 was the Sunday.
        state('doc-self-evaluation', { owner: 'PSW', status: 'in-progress', dueDay: 2 }),
        state('arr-base-room', { dueDay: 9 }),
      ],
      today: '2026-07-08',
    });
    const all = p.days.flatMap((d) => d.items);
    expect(all.find((i) => i.item.id === 'annex-a-1')).toMatchObject({
      owner: 'Performance team',
      status: 'ready',
    });
    const due = dueDates(p);
    expect(due['doc-self-evaluation']).toBe('2026-07-08');
    // A day past the visit is planned for the last day before it.
    expect(due['arr-base-room']).toBe('2026-07-10');
    expect(p.applicable).toBe(ilacs.readinessChecklist.length - 1);
    expect(p.ready).toBe(1);
    // On Wednesday, what was due Monday or Tuesday and is not ready is late; not what is due today.
    const late = p.late.map((i) => i.item.id);
    expect(late).toContain('annex-a-3');
    expect(late).toContain('doc-audit-summaries');
    expect(late).not.toContain('annex-a-1');
    expect(late).not.toContain('annex-a-2');
    expect(late).not.toContain('doc-self-evaluation');
  });
});
