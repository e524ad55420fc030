import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { registerRepository } from '../../../src/storage/repositories/register-repository';
import { cycles, registers, saveStatus, settings } from '../../../src/state/services';
import ActionPage from '../../../src/ui/registers/actions/ActionPage.svelte';
import ActionsPage from '../../../src/ui/registers/actions/ActionsPage.svelte';
import EvidenceItemPage from '../../../src/ui/registers/evidence/EvidenceItemPage.svelte';
import EvidenceRegisterPage from '../../../src/ui/registers/evidence/EvidenceRegisterPage.svelte';
import RecommendationsPage from '../../../src/ui/registers/recommendations/RecommendationsPage.svelte';
import { AUTHOR, makeAction, makeEvidence, makeRecommendation } from '../../helpers/builders';

async function freshWorkspace() {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Rita Register' });
  await cycles.reload();
  await registers.load();
}

async function seed(records: {
  evidence?: ReturnType<typeof makeEvidence>[];
  actions?: ReturnType<typeof makeAction>[];
  recommendations?: ReturnType<typeof makeRecommendation>[];
}) {
  const repo = registerRepository(workbookDatabase());
  for (const e of records.evidence ?? []) await repo.saveEvidence(e, AUTHOR);
  for (const a of records.actions ?? []) await repo.saveAction(a, AUTHOR);
  for (const r of records.recommendations ?? []) await repo.saveRecommendation(r, AUTHOR);
  await registers.load();
}

const stored = async () => {
  await saveStatus.idle();
  return registerRepository(workbookDatabase());
};

beforeEach(freshWorkspace);

describe('evidence register', () => {
  it('adds an evidence item as it is typed and keeps it', async () => {
    const user = userEvent.setup();
    render(EvidenceItemPage, { id: 'new' });
    await user.selectOptions(screen.getByLabelText('Type'), 'practice-observation');
    await user.type(screen.getByLabelText('Title'), 'Practice week report, spring');
    await user.tab();
    expect(screen.getByLabelText('Owner')).toHaveValue('Rita Register');
    await user.clear(screen.getByLabelText('Owner'));
    await user.type(screen.getByLabelText('Owner'), 'Principal Social Worker');
    await user.tab();

    const [saved] = await (await stored()).listEvidence();
    expect(saved).toMatchObject({
      title: 'Practice week report, spring',
      type: 'practice-observation',
      owner: 'Principal Social Worker',
      updatedBy: 'Rita Register',
    });
  });

  it('does not save a new item without a title, and says so', async () => {
    const user = userEvent.setup();
    render(EvidenceItemPage, { id: 'new' });
    await user.type(screen.getByLabelText('Owner'), 'Someone');
    await user.tab();
    expect(await screen.findByRole('link', { name: /Enter a title for the evidence/ })).toBeInTheDocument();
    expect(await (await stored()).listEvidence()).toEqual([]);
  });

  it('shows only stale evidence when asked, flagged with words', async () => {
    const user = userEvent.setup();
    await seed({
      evidence: [
        makeEvidence({ title: 'Old survey', date: '2019-01-01' }),
        makeEvidence({ title: 'New audit', date: '2099-01-01' }),
      ],
    });
    render(EvidenceRegisterPage);
    expect(screen.getByText('Showing 2 of 2 items')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Only stale evidence'));
    expect(screen.getByText('Showing 1 of 2 items')).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Old survey');
    expect(rows[1]!.textContent).toContain('Stale: over 12 months old');
  });

  it('deletes an item and brings it back with undo', async () => {
    const user = userEvent.setup();
    await seed({ evidence: [makeEvidence({ title: 'Scorecard' })] });
    const item = registers.evidence[0]!;
    const page = render(EvidenceItemPage, { id: item.id });
    await user.click(screen.getByRole('button', { name: 'Delete evidence item' }));
    expect(await (await stored()).listEvidence()).toEqual([]);
    page.unmount();
    render(EvidenceRegisterPage);
    expect(screen.getByText(/Evidence item “Scorecard” was deleted/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Scorecard' })).toBeInTheDocument());
    expect((await (await stored()).listEvidence()).map((e) => e.title)).toEqual(['Scorecard']);
  });
});

describe('improvement actions', () => {
  it('filters to overdue actions and sorts red first', async () => {
    const user = userEvent.setup();
    await seed({
      actions: [
        makeAction({ title: 'Late and amber', dueDate: '2020-01-01', rag: 'amber' }),
        makeAction({ title: 'Future and red', dueDate: '2099-01-01', rag: 'red' }),
        makeAction({ title: 'Late but done', dueDate: '2020-01-01', status: 'completed', rag: 'blue' }),
      ],
    });
    render(ActionsPage);
    expect(screen.getByText('1 overdue, 1 red')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Sort by'), 'rag');
    const titles = () =>
      within(screen.getByRole('table'))
        .getAllByRole('link')
        .map((l) => l.textContent);
    expect(titles()).toEqual(['Future and red', 'Late and amber', 'Late but done']);
    await user.click(screen.getByLabelText('Only overdue'));
    expect(titles()).toEqual(['Late and amber']);
  });

  it('completing an action dates it and turns it blue', async () => {
    const user = userEvent.setup();
    await seed({ actions: [makeAction({ id: 'act-1', status: 'in-progress', rag: 'red' })] });
    render(ActionPage, { id: 'act-1' });
    await user.selectOptions(screen.getByLabelText('Status'), 'completed');
    const [saved] = await (await stored()).listActions();
    expect(saved).toMatchObject({ status: 'completed', rag: 'blue' });
    expect(saved!.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('recommendations tracker', () => {
  it('shows each recommendation with its actions, and those with none', async () => {
    const answered = makeRecommendation({
      reference: 'R1',
      text: 'Timeliness of assessments.',
      progressSummary: 'Workshops held.',
    });
    const unanswered = makeRecommendation({
      reference: 'R2',
      text: 'Sufficiency of homes.',
      priorityAction: true,
    });
    await seed({
      recommendations: [answered, unanswered],
      actions: [
        makeAction({ title: 'Assessment workshops', recommendationIds: [answered.id], rag: 'green' }),
      ],
    });
    render(RecommendationsPage);
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    const row = (ref: string) => rows.find((r) => r.textContent?.includes(ref))!;
    expect(row('R1').textContent).toContain('Assessment workshops');
    expect(row('R1').textContent).toContain('Green: on track');
    expect(row('R1').textContent).toContain('Workshops held.');
    expect(row('R2').textContent).toContain('No action yet');
    expect(row('R2').textContent).toContain('Priority action');
  });
});
