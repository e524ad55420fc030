import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { registerRepository } from '../../../src/storage/repositories/register-repository';
import { cycles, frameworkLibrary, registers, saveStatus, settings } from '../../../src/state/services';
import RecommendationPage from '../../../src/ui/registers/recommendations/RecommendationPage.svelte';
import RecommendationsPage from '../../../src/ui/registers/recommendations/RecommendationsPage.svelte';
import { AUTHOR, makeAction, makeRecommendation } from '../../helpers/builders';
import { typeDate } from '../../helpers/date-input';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Remi Recommendations' });
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

async function stored() {
  await saveStatus.idle();
  const repo = registerRepository(workbookDatabase());
  return { recommendations: await repo.listRecommendations(), actions: await repo.listActions() };
}

const rowOf = (text: string) =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .find((row) => row.textContent?.includes(text))!;

describe('the recommendations tracker', () => {
  const answered = makeRecommendation({
    reference: 'R1',
    date: '2024-03-14',
    text: 'Timeliness of assessments.',
    progressSummary: 'Workshops held.\nAudit in June.',
  });
  const unanswered = makeRecommendation({
    reference: 'APA1',
    source: 'monitoring-visit',
    date: '2025-01-20',
    text: 'Sufficiency of homes.',
    priorityAction: true,
  });
  const closed = makeRecommendation({ reference: 'R9', source: 'peer-review', text: 'Done.', closed: true });

  beforeEach(() =>
    seed({
      recommendations: [answered, unanswered, closed],
      actions: [
        makeAction({
          title: 'Assessment workshops',
          recommendationIds: [answered.id],
          status: 'in-progress',
          rag: 'green',
          dueDate: '2099-06-30',
        }),
      ],
    }),
  );

  it('shows each recommendation with its actions and what has been done, and those with none', () => {
    render(RecommendationsPage);
    expect(
      screen.getByRole('table', { name: 'Recommendation → what we have done so far' }),
    ).toBeInTheDocument();

    const r1 = rowOf('Timeliness');
    expect(r1.textContent).toContain('Inspection, 14/03/2024');
    expect(within(r1).getByRole('link', { name: 'Assessment workshops' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/self-assessment\/actions\//),
    );
    expect(r1.textContent).toContain('In progress, due 30/06/2099');
    expect(r1.textContent).toContain('Green: on track');
    expect(within(r1).getByText(/Workshops held\./)).toHaveClass('app-pre-wrap');
    expect(within(r1).queryByText('No action yet')).not.toBeInTheDocument();

    const apa = rowOf('Sufficiency');
    expect(apa.textContent).toContain('Monitoring visit, 20/01/2025');
    expect(within(apa).getByText('No action yet')).toBeInTheDocument();
    expect(within(apa).getByText('Priority action')).toBeInTheDocument();
    expect(apa.textContent).toContain('Open');
    expect(screen.getByText('2 open, 1 open without an action')).toBeInTheDocument();
  });

  it('filters by source and by open or closed', async () => {
    const user = userEvent.setup();
    render(RecommendationsPage);
    expect(screen.getByText('Showing 3 of 3 recommendations')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Closed only');
    expect(screen.getByText('Showing 1 of 3 recommendations')).toBeInTheDocument();
    expect(rowOf('R9').textContent).toContain('Closed');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Open only');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'Monitoring visit');
    expect(screen.getByText('Showing 1 of 3 recommendations')).toBeInTheDocument();
    expect(rowOf('APA1')).toBeDefined();
  });
});

describe('a recommendation', () => {
  it('is added once its text is written, with source, date, reference and flags', async () => {
    const user = userEvent.setup();
    render(RecommendationPage, { id: 'new' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'Focused visit');
    await typeDate(user, 'Date of the report or letter', '03/02/2025');
    await user.type(screen.getByRole('textbox', { name: 'Reference' }), 'R2');
    await user.tab();
    expect(
      screen.getByRole('link', { name: 'Enter the recommendation, as the report words it' }),
    ).toHaveAttribute('href', '#rec-text');
    expect((await stored()).recommendations).toEqual([]);

    await user.type(
      screen.getByRole('textbox', { name: 'Recommendation' }),
      'Management oversight of plans.',
    );
    await user.tab();
    await user.click(screen.getByRole('checkbox', { name: 'This is an area for priority action' }));
    await user.type(screen.getByRole('textbox', { name: 'What we have done so far' }), 'New QA framework.');
    await user.tab();

    const [saved] = (await stored()).recommendations;
    expect(saved).toMatchObject({
      source: 'focused-visit',
      date: '2025-02-03',
      reference: 'R2',
      text: 'Management oversight of plans.',
      priorityAction: true,
      progressSummary: 'New QA framework.',
      closed: false,
      updatedBy: 'Remi Recommendations',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Recommendation R2' })).toBeInTheDocument();
  });

  it('links judgements of the working cycle and can be closed', async () => {
    const user = userEvent.setup();
    const outcome = await cycles.create(ilacs, 2025);
    if (!outcome.ok) throw new Error(outcome.message);
    await cycles.openCycle(outcome.cycleId);
    const rec = makeRecommendation({ reference: 'R5' });
    await seed({ recommendations: [rec] });
    const judgement = ilacs.judgements[1]!;

    render(RecommendationPage, { id: rec.id });
    await user.click(screen.getByRole('checkbox', { name: judgement.title }));
    await user.click(screen.getByRole('checkbox', { name: 'Closed: fully addressed' }));
    expect((await stored()).recommendations[0]).toMatchObject({ judgementIds: [judgement.id], closed: true });
  });

  it('adds an action for itself, linked and titled from its reference, and opens it', async () => {
    const user = userEvent.setup();
    const rec = makeRecommendation({ reference: 'R3', judgementIds: ['help-and-protection'] });
    await seed({ recommendations: [rec] });
    render(RecommendationPage, { id: rec.id });
    expect(screen.getByText('No improvement action answers this recommendation yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add an action for this recommendation' }));
    const [action] = (await stored()).actions;
    expect(action).toMatchObject({
      title: 'Respond to recommendation R3',
      recommendationIds: [rec.id],
      judgementIds: ['help-and-protection'],
    });
    await waitFor(() => expect(location.hash).toBe(`#/self-assessment/actions/${action!.id}`));
    expect(await screen.findByRole('link', { name: 'Respond to recommendation R3' })).toBeInTheDocument();
  });

  it('deletes a recommendation and brings it back with undo', async () => {
    const user = userEvent.setup();
    const rec = makeRecommendation({ reference: 'R7', text: 'Voice of the child.' });
    await seed({ recommendations: [rec] });
    const page = render(RecommendationPage, { id: rec.id });
    await user.click(screen.getByRole('button', { name: 'Delete recommendation' }));
    await waitFor(() => expect(location.hash).toBe('#/self-assessment/recommendations'));
    page.unmount();

    render(RecommendationsPage);
    expect(screen.getByText(/Recommendation “R7” was deleted/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Voice of the child.')).toBeInTheDocument();
    expect((await stored()).recommendations.map((r) => r.reference)).toEqual(['R7']);
  });

  it('says so when the recommendation does not exist', () => {
    render(RecommendationPage, { id: 'gone' });
    expect(screen.getByRole('heading', { level: 1, name: 'Recommendation not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go back to the recommendations tracker' })).toBeInTheDocument();
  });
});
