import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { registerRepository } from '../../../src/storage/repositories/register-repository';
import {
  cycles,
  frameworkLibrary,
  registers,
  saveStatus,
  settings,
  today,
} from '../../../src/state/services';
import ActionPage from '../../../src/ui/registers/actions/ActionPage.svelte';
import ActionsPage from '../../../src/ui/registers/actions/ActionsPage.svelte';
import { AUTHOR, makeAction, makeRecommendation } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Ada Actions' });
  // The library normally loads shipped files over HTTP; here the test hands it the validated framework.
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
  await cycles.reload();
  await registers.load();
  registers.dismissUndo();
});

async function seed(records: {
  actions?: ReturnType<typeof makeAction>[];
  recommendations?: ReturnType<typeof makeRecommendation>[];
}) {
  const repo = registerRepository(workbookDatabase());
  for (const a of records.actions ?? []) await repo.saveAction(a, AUTHOR);
  for (const r of records.recommendations ?? []) await repo.saveRecommendation(r, AUTHOR);
  await registers.load();
}

async function storedAction(id: string) {
  await saveStatus.idle();
  return (await registerRepository(workbookDatabase()).listActions()).find((a) => a.id === id)!;
}

const tableTitles = () =>
  within(screen.getByRole('table'))
    .getAllByRole('link')
    .map((l) => l.textContent);

describe('the improvement plan', () => {
  beforeEach(() =>
    seed({
      actions: [
        makeAction({ title: 'Late and amber', dueDate: '2020-01-01', rag: 'amber', owner: 'Head of CIN' }),
        makeAction({ title: 'Future and red', dueDate: '2099-01-01', rag: 'red', status: 'not-started' }),
        makeAction({ title: 'Late but done', dueDate: '2019-06-01', status: 'completed', rag: 'blue' }),
        makeAction({ title: 'Late and red', dueDate: '2021-01-01', rag: 'red' }),
      ],
    }),
  );

  it('counts overdue and red actions, and sorts by due date, soonest first', () => {
    render(ActionsPage);
    expect(screen.getByText('2 overdue, 2 red')).toBeInTheDocument();
    expect(tableTitles()).toEqual(['Late but done', 'Late and amber', 'Late and red', 'Future and red']);
  });

  it('flags overdue actions in words and filters to them', async () => {
    const user = userEvent.setup();
    render(ActionsPage);
    const row = (title: string) =>
      within(screen.getByRole('table'))
        .getAllByRole('row')
        .find((r) => r.textContent?.includes(title))!;
    expect(within(row('Late and amber')).getByText('Overdue')).toBeInTheDocument();
    expect(row('Late and amber').textContent).toContain('01/01/2020');
    expect(within(row('Late but done')).queryByText('Overdue')).not.toBeInTheDocument();
    expect(row('Future and red').textContent).toContain('Red: off track');

    await user.click(screen.getByRole('checkbox', { name: 'Only overdue' }));
    expect(tableTitles()).toEqual(['Late and amber', 'Late and red']);
    expect(screen.getByText('Showing 2 of 4 actions')).toBeInTheDocument();
  });

  it('sorts by RAG (red first), status and title, and filters by status, RAG and owner', async () => {
    const user = userEvent.setup();
    render(ActionsPage);
    const sortBy = screen.getByRole('combobox', { name: 'Sort by' });
    await user.selectOptions(sortBy, 'RAG, red first');
    expect(tableTitles()).toEqual(['Late and red', 'Future and red', 'Late and amber', 'Late but done']);
    await user.selectOptions(sortBy, 'Status');
    expect(tableTitles()).toEqual(['Future and red', 'Late and amber', 'Late and red', 'Late but done']);
    await user.selectOptions(sortBy, 'Title');
    expect(tableTitles()).toEqual(['Future and red', 'Late and amber', 'Late and red', 'Late but done']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'RAG' }), 'Red: off track');
    expect(tableTitles()).toEqual(['Future and red', 'Late and red']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Not started');
    expect(tableTitles()).toEqual(['Future and red']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Completed');
    expect(screen.getByText('No actions match these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByText('Showing 4 of 4 actions')).toBeInTheDocument();
  });

  it('finds actions by owner', async () => {
    const user = userEvent.setup();
    render(ActionsPage);
    await user.type(screen.getByRole('searchbox', { name: 'Owner' }), 'cin');
    expect(tableTitles()).toEqual(['Late and amber']);
  });
});

describe('an action', () => {
  it('dates a completed action and turns it blue; reopening clears both', async () => {
    const user = userEvent.setup();
    await seed({ actions: [makeAction({ id: 'act-1', status: 'in-progress', rag: 'red' })] });
    render(ActionPage, { id: 'act-1' });
    const status = screen.getByRole('combobox', { name: 'Status' });

    await user.selectOptions(status, 'Completed');
    expect(await storedAction('act-1')).toMatchObject({
      status: 'completed',
      rag: 'blue',
      completedAt: today(),
    });
    expect(screen.getByRole('combobox', { name: 'RAG rating' })).toHaveValue('blue');

    await user.selectOptions(status, 'In progress');
    const reopened = await storedAction('act-1');
    expect(reopened.status).toBe('in-progress');
    expect(reopened.completedAt).toBeUndefined();
    expect(reopened.rag).not.toBe('blue');
  });

  it('adds progress notes, newest first, with the date and who wrote them', async () => {
    const user = userEvent.setup();
    await seed({
      actions: [
        makeAction({
          id: 'act-1',
          progressNotes: [{ at: '2024-02-01T10:00:00.000Z', by: 'Earlier Author', text: 'Audit planned.' }],
        }),
      ],
    });
    render(ActionPage, { id: 'act-1' });
    await user.type(screen.getByRole('textbox', { name: 'Add a progress note' }), 'Workshops held.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));

    const saved = await storedAction('act-1');
    expect(saved.progressNotes.map((n) => [n.by, n.text])).toEqual([
      ['Earlier Author', 'Audit planned.'],
      ['Ada Actions', 'Workshops held.'],
    ]);
    expect(saved.progressNotes[1]!.at.slice(0, 10)).toBe(today());
    const notes = screen.getAllByText(/Audit planned\.|Workshops held\./).map((n) => n.textContent);
    expect(notes).toEqual(['Workshops held.', 'Audit planned.']);
    expect(screen.getByText('01/02/2024')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Add a progress note' })).toHaveValue('');
  });

  it('links criteria, judgements and recommendations, and the plan shows them', async () => {
    const user = userEvent.setup();
    const outcome = await cycles.create(ilacs, 2025);
    if (!outcome.ok) throw new Error(outcome.message);
    await cycles.openCycle(outcome.cycleId);
    const rec = makeRecommendation({ reference: 'R4', text: 'Improve the timeliness of assessments.' });
    await seed({
      actions: [makeAction({ id: 'act-1', title: 'Assessment sprint' })],
      recommendations: [rec],
    });
    const hp3 = ilacs.criteria.find((c) => c.ref === 'HP3')!;
    const judgement = ilacs.judgements.find((j) => j.id === hp3.judgementId)!;

    const page = render(ActionPage, { id: 'act-1' });
    await user.click(screen.getByRole('checkbox', { name: `${hp3.ref} ${hp3.title}` }));
    await user.click(screen.getByRole('checkbox', { name: judgement.title }));
    await user.click(screen.getByRole('checkbox', { name: 'R4: Improve the timeliness of assessments.' }));
    expect(await storedAction('act-1')).toMatchObject({
      criterionIds: [hp3.id],
      judgementIds: [judgement.id],
      recommendationIds: [rec.id],
    });
    page.unmount();

    render(ActionsPage);
    const row = within(screen.getByRole('table'))
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('Assessment sprint'))!;
    expect(row.textContent).toContain('Criteria: HP3');
    expect(row.textContent).toContain('Recommendations: R4');
  });

  it('creates a new action once it has a title', async () => {
    const user = userEvent.setup();
    render(ActionPage, { id: 'new' });
    expect(screen.getByRole('heading', { level: 1, name: 'Add an action' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Owner' }), 'Service manager');
    await user.tab();
    expect(screen.getByRole('link', { name: 'Enter a title for the action' })).toHaveAttribute(
      'href',
      '#action-title',
    );
    expect(registers.actions).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Refresh supervision policy');
    await user.tab();
    await waitFor(() =>
      expect(registers.actions.map((a) => a.title)).toEqual(['Refresh supervision policy']),
    );
    const saved = await storedAction(registers.actions[0]!.id);
    expect(saved).toMatchObject({ owner: 'Service manager', updatedBy: 'Ada Actions' });
  });

  it('deletes an action and brings it back with undo', async () => {
    const user = userEvent.setup();
    await seed({ actions: [makeAction({ id: 'act-1', title: 'Fix the front door' })] });
    const page = render(ActionPage, { id: 'act-1' });
    await user.click(screen.getByRole('button', { name: 'Delete action' }));
    await waitFor(() => expect(location.hash).toBe('#/self-assessment/actions'));
    page.unmount();

    render(ActionsPage);
    expect(screen.getByText(/Action “Fix the front door” was deleted/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Fix the front door' })).toBeInTheDocument();
  });

  it('says so when the action does not exist', () => {
    render(ActionPage, { id: 'gone' });
    expect(screen.getByRole('heading', { level: 1, name: 'Action not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go back to the improvement actions' })).toBeInTheDocument();
  });
});
