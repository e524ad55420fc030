import { describe, expect, it } from 'vitest';
import { isDated, isOverdue, isStale, monthsBefore } from '../../../src/domain/self-assessment/dates';

describe('isDated', () => {
  it.each([
    ['2025-06-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-06-01T09:00:00.000Z', true],
    ['', false],
    ['last spring', false],
    ['01/06/2025', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-04-31', false],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2025-06-01 and later', false],
  ])('%j is dated: %s', (date, expected) => {
    expect(isDated(date)).toBe(expected);
  });

  it('treats a missing date as undated', () => {
    expect(isDated(undefined)).toBe(false);
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2025-06-15', 12, '2024-06-15'],
    ['2025-01-31', 1, '2024-12-31'],
    ['2025-03-31', 1, '2025-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2023-02-28'],
    ['2028-02-29', 48, '2024-02-29'],
    ['2025-01-15', 13, '2023-12-15'],
    ['2025-06-15', -3, '2025-09-15'],
    ['2025-06-15T10:00:00Z', 12, '2024-06-15'],
  ])('%s minus %i months is %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });

  it('returns an unreadable date as it was', () => {
    expect(monthsBefore('soon', 12)).toBe('soon');
  });
});

describe('isStale', () => {
  it('is stale only when more than 12 months old', () => {
    expect(isStale('2024-06-01', '2025-06-01')).toBe(false);
    expect(isStale('2024-05-31', '2025-06-01')).toBe(true);
    expect(isStale('2025-05-01', '2025-06-01')).toBe(false);
    expect(isStale('2025-06-01', '2025-06-01')).toBe(false);
    expect(isStale('2019-01-01', '2025-06-01')).toBe(true);
  });

  it('handles the leap day, today or as the evidence date', () => {
    expect(isStale('2023-02-28', '2024-02-29')).toBe(false);
    expect(isStale('2023-02-27', '2024-02-29')).toBe(true);
    expect(isStale('2024-02-29', '2025-02-28')).toBe(false);
    expect(isStale('2024-02-29', '2025-03-01')).toBe(true);
  });

  it('reads the date part of a timestamp', () => {
    expect(isStale('2024-05-31T23:59:59Z', '2025-06-01')).toBe(true);
    expect(isStale('2024-06-01T00:00:00Z', '2025-06-01T12:00:00Z')).toBe(false);
  });

  it('treats undated evidence as undated, not stale', () => {
    expect(isStale('', '2025-06-01')).toBe(false);
    expect(isStale('last spring', '2025-06-01')).toBe(false);
    expect(isStale('2019-02-30', '2025-06-01')).toBe(false);
    expect(isStale('2019-01-01', '')).toBe(false);
  });
});

describe('isOverdue', () => {
  it('is overdue from the day after the due date while still open', () => {
    expect(isOverdue({ dueDate: '2025-05-31', status: 'in-progress' }, '2025-06-01')).toBe(true);
    expect(isOverdue({ dueDate: '2025-06-01', status: 'in-progress' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: '2025-06-02', status: 'not-started' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: '2025-05-31', status: 'not-started' }, '2025-06-01')).toBe(true);
    expect(isOverdue({ dueDate: '2024-12-31', status: 'in-progress' }, '2025-01-01')).toBe(true);
  });

  it('compares days, not times, when given timestamps', () => {
    expect(isOverdue({ dueDate: '2025-06-01', status: 'in-progress' }, '2025-06-01T23:00:00Z')).toBe(false);
  });

  it('is never overdue once completed, no longer needed, or without a readable date', () => {
    expect(isOverdue({ dueDate: '2020-01-01', status: 'completed' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: '2020-01-01', status: 'no-longer-needed' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: '', status: 'in-progress' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: 'end of March', status: 'in-progress' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: '2020-01-01', status: 'in-progress' }, '')).toBe(false);
  });
});
