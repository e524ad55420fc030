/*
 * A scorecard value is added with its month typed in GOV.UK month-and-year boxes; what is wrong is in
 * an error summary linking to each field, and beside the field.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { indicators } from '../../../src/state/services';
import IndicatorValueForm from '../../../src/ui/scorecard/IndicatorValueForm.svelte';

describe('adding a value to an indicator', () => {
  it('lists every problem with a link, and saves nothing until they are fixed', async () => {
    const user = userEvent.setup();
    const setValue = vi.spyOn(indicators, 'setValue').mockResolvedValue(undefined);
    const indicator = indicators.newIndicator();
    render(IndicatorValueForm, { indicator });
    const month = within(screen.getByRole('group', { name: 'Month the value is for' }));

    await user.type(screen.getByLabelText('England'), 'eighty');
    await user.click(screen.getByRole('button', { name: 'Save value' }));
    const summary = screen.getByRole('alert');
    expect(summary.closest('.govuk-error-summary')).toHaveFocus();
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Enter the month (for a quarter, its first month)', '#value-period-month'],
      ['Enter the value as a number, for example 23.5', '#value-figure'],
      ['England must be a number, or left empty', '#value-england'],
    ]);
    expect(screen.getByLabelText('England')).toHaveAccessibleDescription(
      'Error: England must be a number, or left empty',
    );
    expect(screen.getByLabelText('England').closest('.govuk-form-group')).toHaveClass(
      'govuk-form-group--error',
    );
    await user.click(within(summary).getByRole('link', { name: /Enter the value/ }));
    expect(screen.getByLabelText('Value')).toHaveFocus();

    await user.type(month.getByLabelText('Month'), '13');
    await user.type(month.getByLabelText('Year'), '2026');
    await user.clear(screen.getByLabelText('England'));
    await user.type(screen.getByLabelText('Value'), '92');
    await user.click(screen.getByRole('button', { name: 'Save value' }));
    expect(
      within(screen.getByRole('alert')).getByRole('link', { name: 'Month must be a real date' }),
    ).toHaveAttribute('href', '#value-period-month');
    expect(month.getByLabelText('Month')).toHaveClass('govuk-input--error');
    expect(month.getByLabelText('Year')).not.toHaveClass('govuk-input--error');
    expect(setValue).not.toHaveBeenCalled();

    await user.clear(month.getByLabelText('Month'));
    await user.type(month.getByLabelText('Month'), 'Apr');
    await user.click(screen.getByRole('button', { name: 'Save value' }));
    expect(setValue).toHaveBeenCalledWith(indicator, { period: '2026-04', value: 92, comparators: {} });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
