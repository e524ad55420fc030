import { describe, expect, it } from 'vitest';
import {
  firstOnSiteDay,
  longDate,
  planNotificationWeek,
} from '../../../src/domain/rehearsal/notification-week';
import type { NotificationItem } from '../../../src/domain/rehearsal/records';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const FRIDAY = '2026-12-04';

function state(itemId: string, patch: Partial<NotificationItem>): NotificationItem {
  return {
    id: `${ilacs.id}/${itemId}`,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    frameworkId: ilacs.id,
    itemId,
    owner: '',
    status: 'not-started',
    dueDay: 0,
    note: '',
    ...patch,
  };
}

describe('the notification week', () => {
  it('runs from the call on Friday to the first day on site on Monday', () => {
    expect(firstOnSiteDay(FRIDAY)).toBe('2026-12-07');
    expect(firstOnSiteDay('2026-12-07')).toBe('2026-12-14');
    expect(longDate(FRIDAY)).toBe('Friday 4 December 2026');
    const plan = planNotificationWeek({ framework: ilacs, states: [], callDate: FRIDAY, today: FRIDAY })!;
    expect(plan.days.map((d) => [d.date, d.kind, d.weekend])).toEqual([
      ['2026-12-04', 'call', false],
      ['2026-12-05', 'preparation', true],
      ['2026-12-06', 'preparation', true],
      ['2026-12-07', 'on-site', false],
    ]);
  });

  it('puts every checklist item on a day: Annex A on the call day, documents next, arrangements last', () => {
    const plan = planNotificationWeek({ framework: ilacs, states: [], callDate: FRIDAY, today: FRIDAY })!;
    const onDay = (offset: number) => plan.days[offset]!.items.map((p) => p.item.id);
    expect(onDay(0)).toHaveLength(11);
    expect(onDay(0).every((id) => id.startsWith('annex-a-'))).toBe(true);
    expect(onDay(1)).toContain('doc-self-evaluation');
    expect(onDay(2)).toContain('arr-base-room');
    expect(onDay(3)).toEqual([]);
    expect(plan.days.flatMap((d) => d.items)).toHaveLength(ilacs.readinessChecklist.length);
    expect(plan).toMatchObject({ ready: 0, applicable: ilacs.readinessChecklist.length });
  });

  it('keeps each item’s owner, status and day, counts what is ready and flags what is late', () => {
    const plan = planNotificationWeek({
      framework: ilacs,
      states: [
        state('annex-a-1', { owner: 'Performance team', status: 'ready' }),
        state('annex-a-2', { status: 'not-applicable' }),
        state('doc-self-evaluation', { owner: 'PSW', status: 'in-progress', dueDay: 2 }),
        state('arr-base-room', { dueDay: 9 }),
      ],
      callDate: FRIDAY,
      today: '2026-12-06',
    })!;
    const all = plan.days.flatMap((d) => d.items);
    expect(all.find((p) => p.item.id === 'annex-a-1')).toMatchObject({
      owner: 'Performance team',
      status: 'ready',
    });
    expect(plan.days[2]!.items.map((p) => p.item.id)).toContain('doc-self-evaluation');
    // A day past the visit is planned for the last day before it.
    expect(plan.days[2]!.items.map((p) => p.item.id)).toContain('arr-base-room');
    expect(plan.applicable).toBe(ilacs.readinessChecklist.length - 1);
    expect(plan.ready).toBe(1);
    // On Sunday, everything due Friday or Saturday and not ready is late; not-applicable items never are.
    expect(plan.late.map((p) => p.item.id)).toContain('annex-a-3');
    expect(plan.late.map((p) => p.item.id)).not.toContain('annex-a-1');
    expect(plan.late.map((p) => p.item.id)).not.toContain('annex-a-2');
    expect(plan.late.map((p) => p.item.id)).not.toContain('doc-self-evaluation');
  });

  it('has no plan without a call date, and ignores an on-site day before the call', () => {
    expect(
      planNotificationWeek({ framework: ilacs, states: [], callDate: '', today: FRIDAY }),
    ).toBeUndefined();
    const plan = planNotificationWeek({
      framework: ilacs,
      states: [],
      callDate: FRIDAY,
      onSiteDate: '2026-12-01',
      today: FRIDAY,
    })!;
    expect(plan.onSiteDate).toBe('2026-12-07');
  });
});
