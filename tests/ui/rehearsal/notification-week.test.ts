/*
 * The notification-week page: the director chooses the kind of inspection, the plan follows its
 * rhythm in working days, and the choice, the owners and the statuses are kept.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { rehearsalsRepository } from '../../../src/storage/repositories/rehearsals-repository';
import { settingsRepository } from '../../../src/storage/repositories/settings-repository';
import { cycles, frameworkLibrary, rehearsals, saveStatus, settings } from '../../../src/state/services';
import NotificationWeekPage from '../../../src/ui/rehearsal/NotificationWeekPage.svelte';
import { typeDate } from '../../helpers/date-input';
import { shippedFramework } from '../../helpers/frameworks';

// Thirty checklist items make a large page, and role queries walk all of it.
vi.setConfig({ testTimeout: 90_000 });
const framework = shippedFramework('ilacs-2023');

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === framework.id ? { framework } : undefined),
  });
  Object.defineProperty(frameworkLibrary, 'loading', { value: false, configurable: true });
  await Promise.all([rehearsals.load(), cycles.reload()]);
  const outcome = await cycles.create(framework, 2025);
  if (!outcome.ok) throw new Error(outcome.message);
  await cycles.openCycle(outcome.cycleId);
});

const status = () => screen.getByText(/items ready\. Inspectors are on site/);
const dayHeadings = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent ?? '');

describe('the notification week page', () => {
  it('plans the week for the kind of inspection chosen, in working days only', async () => {
    const user = userEvent.setup();
    render(NotificationWeekPage);
    const types = await screen.findByRole('group', { name: 'Type of inspection' });
    expect(
      within(types)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['ilacs-standard', 'ilacs-short', 'focused-visit', 'jtai']);
    expect(within(types).getByLabelText('ILACS standard inspection')).toBeChecked();

    await typeDate(user, 'Date of the call', '06/07/2026');
    expect(await screen.findByRole('heading', { name: /^Monday 6 July 2026/ })).toBeInTheDocument();
    expect(status()).toHaveTextContent('on site from Monday 13 July to Friday 24 July 2026.');
    expect(
      screen.getByText(/^Usually Monday 13 July 2026: 5 working days after the call/),
    ).toBeInTheDocument();

    await user.click(within(types).getByLabelText('ILACS short inspection'));
    await waitFor(() =>
      expect(status()).toHaveTextContent('on site from Monday 13 July to Friday 17 July 2026.'),
    );

    await user.click(within(types).getByLabelText('Joint targeted area inspection (JTAI)'));
    await waitFor(() =>
      expect(status()).toHaveTextContent('on site from Monday 20 July to Friday 24 July 2026.'),
    );
    expect(
      screen.getByText(/^The inspectorates notify the partnership ten working days/),
    ).toBeInTheDocument();
    const headings = dayHeadings().filter((h) => /\d{4}/.test(h));
    expect(headings).toHaveLength(11);
    expect(headings.some((h) => /Saturday|Sunday/.test(h))).toBe(false);
    const dueOptions = screen.getAllByRole('combobox', { name: /^Due/ }).flatMap((select) =>
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent ?? ''),
    );
    expect(dueOptions.length).toBeGreaterThan(0);
    expect(dueOptions.some((o) => /Saturday|Sunday/.test(o))).toBe(false);

    await saveStatus.idle();
    expect(await settingsRepository(workbookDatabase()).getSettings()).toMatchObject({
      inspectionCallDate: '2026-07-06',
      inspectionType: 'jtai',
    });
  });

  it('keeps an owner, a status and a day per item, and says when a call is entered on a weekend', async () => {
    const user = userEvent.setup();
    render(NotificationWeekPage);
    await screen.findByRole('group', { name: 'Type of inspection' });
    await typeDate(user, 'Date of the call', '04/07/2026');
    expect(
      await screen.findByText(
        'Saturday 4 July 2026 is not a working day, so the plan starts on Monday 6 July 2026.',
      ),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Owner: Annex A list 1: contacts'), 'Head of performance');
    await user.selectOptions(screen.getByLabelText('Status: Annex A list 1: contacts'), 'ready');
    const due = screen.getByLabelText('Due: Annex A list 1: contacts');
    await user.selectOptions(due, within(due).getByRole('option', { name: 'Wednesday 8 July 2026' }));
    await saveStatus.idle();
    await waitFor(async () =>
      expect(
        (await rehearsalsRepository(workbookDatabase()).listNotificationItems()).find(
          (i) => i.itemId === 'annex-a-1',
        ),
      ).toMatchObject({ owner: 'Head of performance', status: 'ready', dueDay: 2 }),
    );
    expect(status()).toHaveTextContent(/^1 of \d+ items ready/);
    const wednesday = screen.getByRole('heading', { name: 'Wednesday 8 July 2026' }).closest('section')!;
    expect(within(wednesday).getByText('Annex A list 1: contacts')).toBeInTheDocument();
  });

  it('folds each item behind its title, owner and status, opens them all, and keeps what was typed', async () => {
    const user = userEvent.setup();
    render(NotificationWeekPage);
    await screen.findByRole('group', { name: 'Type of inspection' });
    await typeDate(user, 'Date of the call', '06/07/2026');
    await screen.findByRole('heading', { name: /^Monday 6 July 2026/ });
    const item = () => screen.getByText('Annex A list 1: contacts').closest('details')!;
    const summary = () => item().querySelector('summary')!;
    const items = () =>
      [...document.querySelectorAll('details')].filter((d) => d.querySelector('[id$="-owner"]'));
    expect(items().length).toBeGreaterThan(20);
    expect(items().every((d) => !(d as HTMLDetailsElement).open)).toBe(true);
    expect(summary()).toHaveTextContent(/^Annex A list 1: contacts, No owner yet Not started( Late)?$/);

    await user.click(summary());
    expect(item()).toHaveAttribute('open');
    await user.type(screen.getByLabelText('Owner: Annex A list 1: contacts'), 'Head of performance');
    await user.selectOptions(screen.getByLabelText('Status: Annex A list 1: contacts'), 'in-progress');
    await user.click(summary());
    expect(item()).not.toHaveAttribute('open');
    await waitFor(() =>
      expect(summary()).toHaveTextContent(
        /^Annex A list 1: contacts, Owner: Head of performance In progress( Late)?$/,
      ),
    );
    await saveStatus.idle();
    expect(
      (await rehearsalsRepository(workbookDatabase()).listNotificationItems()).find(
        (i) => i.itemId === 'annex-a-1',
      ),
    ).toMatchObject({ owner: 'Head of performance', status: 'in-progress' });

    await user.click(screen.getByRole('button', { name: 'Open all items' }));
    expect(items().every((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(screen.getByLabelText('Owner: Annex A list 1: contacts')).toHaveValue('Head of performance');
    await user.click(screen.getByRole('button', { name: 'Close all items' }));
    expect(items().some((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(screen.getByRole('button', { name: 'Open all items' })).toBeInTheDocument();
  });

  it('unfolds every item to print, and folds them back as they were afterwards', async () => {
    const user = userEvent.setup();
    render(NotificationWeekPage);
    await screen.findByRole('group', { name: 'Type of inspection' });
    await typeDate(user, 'Date of the call', '06/07/2026');
    await screen.findByRole('heading', { name: /^Monday 6 July 2026/ });
    const item = screen.getByText('Annex A list 1: contacts').closest('details')!;
    await user.click(item.querySelector('summary')!);
    const details = [...document.querySelectorAll('details')].filter((d) =>
      d.querySelector('[id$="-owner"]'),
    );

    window.dispatchEvent(new Event('beforeprint'));
    expect(details.every((d) => d.open)).toBe(true);
    window.dispatchEvent(new Event('afterprint'));
    await waitFor(() => expect(details.filter((d) => d.open)).toEqual([item]));
  });
});
