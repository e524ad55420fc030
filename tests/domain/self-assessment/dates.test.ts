import { describe, expect, it } from 'vitest';
import { isOverdue, isStale, monthsBefore } from '../../../src/domain/self-assessment/dates';

describe('monthsBefore', () => {
  it.each([
    ['2025-06-15', 12, '2024-06-15'],
    ['2025-01-31', 1, '2024-12-31'],
    ['2025-03-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2023-02-28'],
    ['2025-06-15', -3, '2025-09-15'],
  ])('%s minus %i months is %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });
});

describe('isStale', () => {
  it('is stale only when more than 12 months old', () => {
    expect(isStale('2024-06-01', '2025-06-01')).toBe(false);
    expect(isStale('2024-05-31', '2025-06-01')).toBe(true);
    expect(isStale('2025-05-01', '2025-06-01')).toBe(false);
  });

  it('handles the leap day', () => {
    expect(isStale('2023-02-28', '2024-02-29')).toBe(false);
    expect(isStale('2023-02-27', '2024-02-29')).toBe(true);
  });

  it('treats undated evidence as undated, not stale', () => {
    expect(isStale('', '2025-06-01')).toBe(false);
    expect(isStale('last spring', '2025-06-01')).toBe(false);
  });
});

describe('isOverdue', () => {
  it('is overdue from the day after the due date while still open', () => {
    expect(isOverdue({ dueDate: '2025-05-31', status: 'in-progress' }, '2025-06-01')).toBe(true);
    expect(isOverdue({ dueDate: '2025-06-01', status: 'in-progress' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: '2025-05-31', status: 'not-started' }, '2025-06-01')).toBe(true);
  });

  it('is never overdue once completed, no longer needed, or without a date', () => {
    expect(isOverdue({ dueDate: '2020-01-01', status: 'completed' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: '2020-01-01', status: 'no-longer-needed' }, '2025-06-01')).toBe(false);
    expect(isOverdue({ dueDate: '', status: 'in-progress' }, '2025-06-01')).toBe(false);
  });
});
