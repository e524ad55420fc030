import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { registerRepository } from '../../../src/storage/repositories/register-repository';
import { cycles, frameworkLibrary, registers, saveStatus, settings } from '../../../src/state/services';
import EvidenceItemPage from '../../../src/ui/registers/evidence/EvidenceItemPage.svelte';
import EvidenceRegisterPage from '../../../src/ui/registers/evidence/EvidenceRegisterPage.svelte';
import { AUTHOR, makeEvidence } from '../../helpers/builders';
import { completeOpenCycle } from '../../helpers/complete-cycle';
import { typeDate } from '../../helpers/date-input';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const criterion = (ref: string) => ilacs.criteria.find((c) => c.ref === ref)!;

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Evie Evidence' });
  // The library normally loads shipped files over HTTP; here the test hands it the validated framework.
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
  await cycles.reload();
  await registers.load();
  registers.dismissUndo();
});

async function seed(...items: ReturnType<typeof makeEvidence>[]) {
  const repo = registerRepository(workbookDatabase());
  for (const item of items) await repo.saveEvidence(item, AUTHOR);
  await registers.load();
}

async function startCycle() {
  const outcome = await cycles.create(ilacs, 2025);
  if (!outcome.ok) throw new Error(outcome.message);
  await cycles.openCycle(outcome.cycleId);
}

async function storedEvidence() {
  await saveStatus.idle();
  return registerRepository(workbookDatabase()).listEvidence();
}

const rowOf = (text: string) =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .find((row) => row.textContent?.includes(text))!;

describe('adding evidence', () => {
  it('saves an item typed in, and lists it with its date as dd/mm/yyyy', async () => {
    const user = userEvent.setup();
    const page = render(EvidenceItemPage, { id: 'new' });
    expect(screen.getByRole('heading', { level: 1, name: 'Add evidence' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Front door dip sample, spring');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Practice observation');
    await typeDate(user, 'Date', '14/03/2025');

    const [saved] = await storedEvidence();
    expect(saved).toMatchObject({
      title: 'Front door dip sample, spring',
      type: 'practice-observation',
      date: '2025-03-14',
      owner: 'Evie Evidence',
      updatedBy: 'Evie Evidence',
    });
    page.unmount();

    await registers.load();
    render(EvidenceRegisterPage);
    expect(screen.getByText('Showing 1 of 1 items')).toBeInTheDocument();
    const row = rowOf('Front door dip sample, spring');
    expect(within(row).getByRole('link', { name: 'Front door dip sample, spring' })).toBeInTheDocument();
    expect(row.textContent).toContain('Practice observation');
    expect(row.textContent).toContain('14/03/2025');
    expect(row.textContent).toContain('Not linked');
  });

  it('asks for a title when the field is left blank, and saves nothing until there is one', async () => {
    const user = userEvent.setup();
    render(EvidenceItemPage, { id: 'new' });
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.click(title);
    await user.tab();

    expect(title).toHaveAccessibleDescription(/Enter a title for the evidence/);
    expect(screen.getByRole('link', { name: 'Enter a title for the evidence' })).toHaveAttribute(
      'href',
      '#evidence-title',
    );
    expect(await storedEvidence()).toEqual([]);

    await user.type(title, 'Scorecard');
    await user.tab();
    expect(screen.queryByText(/Enter a title for the evidence/)).not.toBeInTheDocument();
    expect((await storedEvidence()).map((e) => e.title)).toEqual(['Scorecard']);
  });

  it('shows a web address as a safe link, and anything else as plain text', async () => {
    const user = userEvent.setup();
    await seed(
      makeEvidence({ id: 'ev-web', title: 'Annual report', location: 'https://example.org/report' }),
    );
    const page = render(EvidenceItemPage, { id: 'ev-web' });
    const link = screen.getByRole('link', { name: /https:\/\/example\.org\/report/ });
    expect(link).toHaveAttribute('href', 'https://example.org/report');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');

    const location = screen.getByRole('textbox', { name: 'Location or link' });
    await user.clear(location);
    await user.type(location, 'javascript:alert(1)');
    await user.tab();
    expect(screen.queryByRole('link', { name: /javascript/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Where to find it:/).textContent).toContain('javascript:alert(1)');
    page.unmount();
  });

  it('says so when the item does not exist', () => {
    render(EvidenceItemPage, { id: 'no-such-item' });
    expect(screen.getByRole('heading', { level: 1, name: 'Evidence item not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go back to the evidence register' })).toHaveAttribute(
      'href',
      '#/self-assessment/evidence',
    );
  });
});

describe('linking evidence to criteria', () => {
  it('links an item to criteria of the working cycle and lists their refs', async () => {
    const user = userEvent.setup();
    await startCycle();
    await seed(makeEvidence({ id: 'ev-1', title: 'MASH audit' }), makeEvidence({ title: 'Staff survey' }));
    const page = render(EvidenceItemPage, { id: 'ev-1' });
    const hp2 = criterion('HP2');
    const l1 = criterion('L1');
    await user.click(screen.getByRole('checkbox', { name: `${hp2.ref} ${hp2.title}` }));
    await user.click(screen.getByRole('checkbox', { name: `${l1.ref} ${l1.title}` }));
    await saveStatus.idle();
    const linked = cycles.open!.criterionAssessments.filter((a) => a.evidenceIds.includes('ev-1'));
    expect(linked.map((a) => a.criterionId).sort()).toEqual([hp2.id, l1.id].sort());
    page.unmount();

    render(EvidenceRegisterPage);
    expect(rowOf('MASH audit').textContent).toContain('L1, HP2');
    expect(rowOf('Staff survey').textContent).toContain('Not linked');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Linked to criteria' }), 'unlinked');
    expect(screen.getByText('Showing 1 of 2 items')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'MASH audit' })).not.toBeInTheDocument();
  });

  it('explains that a final cycle’s links cannot change', async () => {
    await startCycle();
    await completeOpenCycle(cycles, ilacs);
    await cycles.finalise(ilacs);
    await seed(makeEvidence({ id: 'ev-1' }));
    render(EvidenceItemPage, { id: 'ev-1' });
    const box = screen.getByRole('checkbox', { name: new RegExp(`^${criterion('HP2').ref} `) });
    expect(box).toBeDisabled();
    expect(screen.getByRole('group', { name: 'Criteria this supports' })).toHaveAccessibleDescription(
      /final and locked/,
    );
  });

  it('points to where a cycle is started when there is none', async () => {
    await seed(makeEvidence({ id: 'ev-1' }));
    render(EvidenceItemPage, { id: 'ev-1' });
    const link = await screen.findByRole('link', { name: 'Start an assessment cycle' });
    expect(link).toHaveAttribute('href', '#/self-assessment');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});

describe('the evidence register', () => {
  it('says what to do when there is no evidence', () => {
    render(EvidenceRegisterPage);
    expect(screen.getByText(/There is no evidence in the register yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add evidence' })).toHaveAttribute(
      'href',
      '#/self-assessment/evidence/new',
    );
  });

  it('lists newest first and filters to stale evidence, flagged in words', async () => {
    const user = userEvent.setup();
    await seed(
      makeEvidence({ title: 'Old survey', date: '2019-01-01' }),
      makeEvidence({ title: 'Future audit', date: '2099-01-01' }),
      makeEvidence({ title: 'Older minutes', date: '2018-06-30', type: 'policy-minutes' }),
    );
    render(EvidenceRegisterPage);
    const titles = () =>
      within(screen.getByRole('table'))
        .getAllByRole('link')
        .map((l) => l.textContent);
    expect(titles()).toEqual(['Future audit', 'Old survey', 'Older minutes']);
    expect(rowOf('Future audit').textContent).not.toContain('Stale');

    await user.click(screen.getByRole('checkbox', { name: 'Only stale evidence' }));
    expect(screen.getByText('Showing 2 of 3 items')).toBeInTheDocument();
    expect(titles()).toEqual(['Old survey', 'Older minutes']);
    expect(rowOf('Old survey').textContent).toContain('Stale: over 12 months old');
    expect(rowOf('Old survey').textContent).toContain('01/01/2019');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Policy or minutes');
    expect(titles()).toEqual(['Older minutes']);
  });

  it('searches titles, owners, locations and notes', async () => {
    const user = userEvent.setup();
    await seed(
      makeEvidence({ title: 'Audit A', owner: 'Quality team', notes: '' }),
      makeEvidence({ title: 'Audit B', owner: 'Head of service', notes: 'Covers the MASH' }),
    );
    render(EvidenceRegisterPage);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'mash');
    expect(screen.getByText('Showing 1 of 2 items')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Audit B' })).toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nothing like this');
    expect(screen.getByText('No evidence matches these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByText('Showing 2 of 2 items')).toBeInTheDocument();
  });

  it('deletes an item and brings it back with undo', async () => {
    const user = userEvent.setup();
    await seed(makeEvidence({ id: 'ev-1', title: 'Scorecard' }));
    const page = render(EvidenceItemPage, { id: 'ev-1' });
    await user.click(screen.getByRole('button', { name: 'Delete evidence item' }));
    await waitFor(() => expect(location.hash).toBe('#/self-assessment/evidence'));
    expect(await storedEvidence()).toEqual([]);
    page.unmount();

    render(EvidenceRegisterPage);
    expect(screen.getByText(/Evidence item “Scorecard” was deleted/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Scorecard' })).toBeInTheDocument();
    await waitFor(async () => expect((await storedEvidence()).map((e) => e.title)).toEqual(['Scorecard']));
  });
});
