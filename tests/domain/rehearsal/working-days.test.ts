import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  bankHolidays,
  isWorkingDay,
  longDate,
  workingDayFrom,
  workingDaysBetween,
} from '../../../src/domain/rehearsal/working-days';

describe('working days', () => {
  it('knows the bank holidays of England and Wales, substitute days included', () => {
    expect([...bankHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
    // Christmas on a Saturday: both days move to Monday and Tuesday.
    expect([...bankHolidays(2027)].filter((d) => d.startsWith('2027-12'))).toEqual([
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it('knows the days moved or added for royal and state occasions', () => {
    expect([...bankHolidays(2022)].sort()).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    // Good Friday follows Easter, early or late.
    for (const goodFriday of ['2019-04-19', '2024-03-29', '2025-04-18', '2027-03-26', '2028-04-14'])
      expect(bankHolidays(Number(goodFriday.slice(0, 4))).has(goodFriday), goodFriday).toBe(true);
    expect(bankHolidays(2020).has('2020-05-08')).toBe(true);
    expect(bankHolidays(2020).has('2020-05-04')).toBe(false);
    expect(bankHolidays(2023).has('2023-05-08')).toBe(true);
  });

  it('counts working days past weekends and bank holidays', () => {
    expect(addWorkingDays('2026-07-06', 5)).toBe('2026-07-13');
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(workingDayFrom('2026-07-04')).toBe('2026-07-06');
    expect(workingDayFrom('2026-05-25')).toBe('2026-05-26');
    expect(workingDaysBetween('2026-07-06', '2026-07-13')).toBe(5);
    expect(longDate('2026-07-13')).toBe('Monday 13 July 2026');
  });

  it('never lands on a weekend or a bank holiday, whatever the start and the count', () => {
    for (let day = '2025-01-01'; day < '2028-01-01'; day = addDays(day, 3)) {
      for (const n of [0, 1, 4, 5, 9, 10, 19]) {
        const landed = addWorkingDays(day, n);
        expect(isWorkingDay(landed), `${day} + ${n}`).toBe(true);
        expect(workingDaysBetween(workingDayFrom(day), landed)).toBe(n);
      }
    }
  });
});
