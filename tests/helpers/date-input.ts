/* Typing a date into a GOV.UK date input (day, month and year boxes) as a user would, by its legend. */
import { screen, within } from '@testing-library/svelte';
import type { UserEvent } from '@testing-library/user-event';

/** `date` as dd/mm/yyyy; the boxes are emptied first, then the date input is left. */
export async function typeDate(user: UserEvent, legend: string, date: string) {
  const group = screen.getByRole('group', { name: legend });
  const [day, month, year] = date.split('/');
  for (const [name, text] of [
    ['Day', day],
    ['Month', month],
    ['Year', year],
  ] as const) {
    const box = within(group).getByRole('textbox', { name });
    await user.clear(box);
    if (text) await user.type(box, text);
  }
  await user.tab();
}
