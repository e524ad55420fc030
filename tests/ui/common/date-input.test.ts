/*
 * The GOV.UK date input: three boxes read into a stored yyyy-mm-dd date, the Design System's messages
 * for what is wrong, and nothing typed thrown away while it is wrong.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { readDateParts, splitIsoDate } from '../../../src/ui/common/date-parts';
import DateInput from '../../../src/ui/common/DateInput.svelte';

const rules = { name: 'Due date', min: '2000-01-01', max: '2100-12-31' };
const read = (day: string, month: string, year: string, more = {}) =>
  readDateParts({ day, month, year }, { ...rules, ...more });

describe('reading the three boxes', () => {
  it('reads a real date, with or without leading zeros, and months in words', () => {
    expect(read('7', '3', '2025')).toEqual({ ok: true, value: '2025-03-07' });
    expect(read('07', '03', '2025')).toEqual({ ok: true, value: '2025-03-07' });
    expect(read(' 29 ', 'Feb', '2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(read('1', 'september', '2025')).toEqual({ ok: true, value: '2025-09-01' });
    expect(read('1', 'Sept', '2025')).toEqual({ ok: true, value: '2025-09-01' });
  });

  it('is empty when all three are empty, unless the date is required', () => {
    expect(read('', '', '')).toEqual({ ok: true, value: '' });
    expect(read('', '', '', { required: true })).toEqual({
      ok: false,
      message: 'Enter the due date',
      parts: ['day', 'month', 'year'],
    });
  });

  it('names the missing boxes', () => {
    expect(read('7', '', '2025')).toEqual({
      ok: false,
      message: 'Due date must include a month',
      parts: ['month'],
    });
    expect(read('', '', '2025')).toMatchObject({ message: 'Due date must include a day and month' });
    expect(read('7', '', '')).toMatchObject({ message: 'Due date must include a month and year' });
  });

  it('refuses dates that cannot exist, pointing at the wrong box', () => {
    expect(read('31', '4', '2025')).toEqual({
      ok: false,
      message: 'Due date must be a real date',
      parts: ['day', 'month'],
    });
    expect(read('29', '2', '2025')).toMatchObject({ message: 'Due date must be a real date' });
    expect(read('12', '13', '2025')).toMatchObject({
      message: 'Due date must be a real date',
      parts: ['month'],
    });
    expect(read('x', '3', '2025')).toMatchObject({ parts: ['day'] });
    expect(read('1', 'Smarch', '2025')).toMatchObject({ parts: ['month'] });
    expect(read('1', '3', '25')).toEqual({
      ok: false,
      message: 'Year must include 4 numbers',
      parts: ['year'],
    });
  });

  it('says the range when a date falls outside it', () => {
    expect(read('31', '12', '1999')).toMatchObject({
      message: 'Due date must be between 1 January 2000 and 31 December 2100',
    });
    expect(read('1', '1', '2101')).toMatchObject({ ok: false });
    expect(read('1', '1', '2000')).toEqual({ ok: true, value: '2000-01-01' });
    expect(read('31', '12', '2100')).toEqual({ ok: true, value: '2100-12-31' });
  });

  it('splits a stored date into boxes, and anything else into empty boxes', () => {
    expect(splitIsoDate('2025-03-07')).toEqual({ day: '7', month: '3', year: '2025' });
    expect(splitIsoDate('')).toEqual({ day: '', month: '', year: '' });
    expect(splitIsoDate('07/03/2025')).toEqual({ day: '', month: '', year: '' });
  });

  it('reads back every date it splits (a property over ten thousand days)', () => {
    const start = Date.UTC(2000, 0, 1);
    for (let n = 0; n < 10_000; n += 1) {
      const iso = new Date(start + n * 86_400_000 * 3.65).toISOString().slice(0, 10);
      const parts = splitIsoDate(iso);
      expect(readDateParts(parts, rules)).toEqual({ ok: true, value: iso });
    }
  });
});

describe('the date input', () => {
  function setup(value = '') {
    const onchange = vi.fn();
    const onerror = vi.fn();
    render(DateInput, { id: 'due', label: 'Due date', value, onchange, onerror });
    const group = screen.getByRole('group', { name: 'Due date' });
    const box = (name: string) => within(group).getByRole('textbox', { name });
    return { onchange, onerror, group, box };
  }

  it('is a GOV.UK date input showing the stored date, with an example', () => {
    const { group, box } = setup('2025-03-07');
    expect(box('Day')).toHaveValue('7');
    expect(box('Month')).toHaveValue('3');
    expect(box('Year')).toHaveValue('2025');
    expect(group).toHaveAccessibleDescription('For example, 27 3 2026');
    expect(group.querySelector('.govuk-date-input')).not.toBeNull();
    expect(box('Day')).toHaveAttribute('inputmode', 'numeric');
  });

  it('passes on a complete date as it is typed', async () => {
    const user = userEvent.setup();
    const { onchange, box } = setup();
    await user.type(box('Day'), '14');
    await user.type(box('Month'), '3');
    expect(onchange).not.toHaveBeenCalled();
    await user.type(box('Year'), '2025');
    expect(onchange).toHaveBeenLastCalledWith('2025-03-14');
  });

  it('says what is wrong once the boxes are left, keeps what was typed, and saves nothing', async () => {
    const user = userEvent.setup();
    const { onchange, onerror, group, box } = setup('2025-03-14');
    await user.clear(box('Month'));
    await user.tab();
    expect(onchange).not.toHaveBeenCalled(); // moving from Month to Year stays inside the date
    await user.tab();
    expect(screen.getByText('Due date must include a month')).toHaveClass('govuk-error-message');
    expect(group).toHaveAccessibleDescription(/Error: Due date must include a month/);
    expect(group.closest('.govuk-form-group')).toHaveClass('govuk-form-group--error');
    expect(box('Month')).toHaveClass('govuk-input--error');
    expect(box('Day')).not.toHaveClass('govuk-input--error');
    expect(box('Day')).toHaveValue('14');
    expect(onchange).not.toHaveBeenCalled();
    expect(onerror).toHaveBeenLastCalledWith('Due date must include a month', 'due-month');

    await user.type(box('Month'), '4');
    expect(screen.queryByText('Due date must include a month')).toBeNull();
    expect(onchange).toHaveBeenLastCalledWith('2025-04-14');
    expect(onerror).toHaveBeenLastCalledWith('', expect.any(String));
  });

  it('clears the date when all three boxes are emptied and left', async () => {
    const user = userEvent.setup();
    const { onchange, box } = setup('2025-03-14');
    await user.clear(box('Day'));
    await user.clear(box('Month'));
    await user.clear(box('Year'));
    expect(onchange).not.toHaveBeenCalled();
    await user.tab();
    expect(onchange).toHaveBeenLastCalledWith('');
  });

  it('highlights every box for a date out of range', async () => {
    const user = userEvent.setup();
    const { onchange, box } = setup();
    await user.type(box('Day'), '1');
    await user.type(box('Month'), '1');
    await user.type(box('Year'), '1999');
    await user.tab();
    expect(screen.getByText(/must be between 1 January 2000 and 31 December 2100/)).toBeInTheDocument();
    for (const name of ['Day', 'Month', 'Year']) expect(box(name)).toHaveClass('govuk-input--error');
    expect(onchange).not.toHaveBeenCalled();
  });
});
