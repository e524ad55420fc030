import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { frameworkKey } from '../../../src/domain/framework/lookup';
import { workbookDatabase } from '../../../src/storage/db';
import { cycles, frameworkLibrary, registers, settings } from '../../../src/state/services';
import type { LibraryEntry } from '../../../src/state/framework-library.svelte';
import CycleCreateForm from '../../../src/ui/self-assessment/CycleCreateForm.svelte';
import CycleNextYearForm from '../../../src/ui/self-assessment/CycleNextYearForm.svelte';
import { shippedFramework } from '../../helpers/frameworks';

const shipped = ['ilacs-2026', 'ilacs-2023', 'ilacs-2018', 'sif-2013'].map(shippedFramework);
const entries: LibraryEntry[] = shipped.map((framework) => ({
  key: frameworkKey(framework),
  framework,
  origin: 'shipped',
}));

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Tess Tester' });
  await registers.load();
  await cycles.reload();
  // The library normally loads shipped files over HTTP; here the test hands it the validated frameworks.
  Object.defineProperty(frameworkLibrary, 'entries', { value: entries, configurable: true });
  Object.assign(frameworkLibrary, {
    find: (id: string, version: number) =>
      entries.find((e) => e.framework.id === id && e.framework.version === version),
  });
});

const yearBox = () => screen.getByLabelText<HTMLSelectElement>('Year (April to March)');
const frameworkBox = () => screen.getByLabelText<HTMLSelectElement>('Framework');
const chosenFramework = () => frameworkBox().selectedOptions[0]?.value;

describe('starting a new cycle', () => {
  it('offers every year from 2013–14 to next year, and this year’s framework by default', () => {
    render(CycleCreateForm, { defaultYear: 2026 });
    const years = within(yearBox())
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(years[0]).toBe('2027–28');
    expect(years).toContain('2014–15');
    expect(years.at(-1)).toBe('2013–14');
    expect(yearBox().selectedOptions[0]?.textContent).toBe('2026–27');
    expect(chosenFramework()).toBe('ilacs-2026@1');
  });

  it('follows the year with the framework in force on its 1 April until one is chosen', async () => {
    const user = userEvent.setup();
    render(CycleCreateForm, { defaultYear: 2026 });
    await user.selectOptions(yearBox(), '2014');
    expect(chosenFramework()).toBe('sif-2013@1');
    await user.selectOptions(yearBox(), '2022');
    expect(chosenFramework()).toBe('ilacs-2018@1');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('starts ILACS 2023 for 2025–26 without asking, as the e2e scenarios do', async () => {
    const user = userEvent.setup();
    render(CycleCreateForm, { defaultYear: 2026 });
    await user.selectOptions(frameworkBox(), 'ilacs-2023@1');
    await user.selectOptions(yearBox(), within(yearBox()).getByRole('option', { name: '2025–26' }));
    expect(screen.queryByText(/Start it anyway/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start cycle' }));
    await waitFor(() =>
      expect(cycles.cycles.map((c) => [c.frameworkId, c.startYear])).toEqual([['ilacs-2023', 2025]]),
    );
  });

  it('asks for confirmation, saying why, before pairing a year with a framework not in force', async () => {
    const user = userEvent.setup();
    render(CycleCreateForm, { defaultYear: 2026 });
    await user.selectOptions(frameworkBox(), 'ilacs-2023@1');
    expect(
      screen.getByText('ILACS 2023 ended on 31/03/2026; 2026–27 starts on 01/04/2026. Start it anyway?'),
    ).toBeInTheDocument();
    expect(screen.getByText('The framework in force on 01/04/2026 is ILACS 2026.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start cycle' }));
    expect(
      within(screen.getByRole('alert')).getByText(/^Confirm you want to start ILACS 2023 for 2026–27/),
    ).toBeInTheDocument();
    expect(cycles.cycles).toEqual([]);

    await user.click(screen.getByRole('checkbox', { name: 'Yes, start ILACS 2023 for 2026–27 anyway' }));
    await user.click(screen.getByRole('button', { name: 'Start cycle' }));
    await waitFor(() =>
      expect(cycles.cycles.map((c) => [c.frameworkId, c.startYear])).toEqual([['ilacs-2023', 2026]]),
    );
  });

  it('does not carry a confirmation over to another pairing', async () => {
    const user = userEvent.setup();
    render(CycleCreateForm, { defaultYear: 2026 });
    await user.selectOptions(frameworkBox(), 'ilacs-2023@1');
    await user.click(screen.getByRole('checkbox', { name: /^Yes, start ILACS 2023 for 2026–27/ }));
    await user.selectOptions(yearBox(), '2027');
    expect(screen.getByRole('checkbox', { name: /^Yes, start ILACS 2023 for 2027–28/ })).not.toBeChecked();
  });

  it('is refused by the manager too unless confirmed', async () => {
    const ilacs2023 = shipped[1]!;
    const refused = await cycles.create(ilacs2023, 2026);
    expect(refused).toMatchObject({ ok: false, mismatch: { reason: 'ended' } });
    expect(cycles.cycles).toEqual([]);
    expect(await cycles.create(ilacs2023, 2026, { outOfForceConfirmed: true })).toMatchObject({ ok: true });
  });
});

describe('starting next year’s cycle', () => {
  it('moves to the framework in force next year by default, and asks before keeping an ended one', async () => {
    const user = userEvent.setup();
    const created = await cycles.create(shipped[1]!, 2025);
    if (!created.ok) throw new Error(created.message);
    render(CycleNextYearForm, { from: cycles.cycles });
    const target = screen.getByLabelText<HTMLSelectElement>('Framework for 2026–27');
    expect(target.selectedOptions[0]?.value).toBe('ilacs-2026@1');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();

    await user.selectOptions(target, 'ilacs-2023@1');
    expect(
      screen.getByText('ILACS 2023 ended on 31/03/2026; 2026–27 starts on 01/04/2026. Start it anyway?'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start next year’s' }));
    expect(cycles.cycles).toHaveLength(1);
    await user.click(screen.getByRole('checkbox', { name: 'Yes, start ILACS 2023 for 2026–27 anyway' }));
    await user.click(screen.getByRole('button', { name: 'Start next year’s' }));
    await waitFor(() =>
      expect(cycles.cycles.map((c) => [c.frameworkId, c.startYear])).toEqual([
        ['ilacs-2023', 2026],
        ['ilacs-2023', 2025],
      ]),
    );
  });
});
