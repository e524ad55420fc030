import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { cycles, registers, settings } from '../../../src/state/services';
import CycleOverviewPage from '../../../src/ui/self-assessment/CycleOverviewPage.svelte';
import { completeOpenCycle } from '../../helpers/complete-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');
let cycleId: string;

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await registers.load();
  await cycles.reload();
  const outcome = await cycles.create(framework, 2025);
  if (!outcome.ok) throw new Error(outcome.message);
  cycleId = outcome.cycleId;
  await cycles.openCycle(cycleId);
});

/** Each task of a GOV.UK task list as the user hears it: its name, then its hint and status. */
function task(name: string | RegExp) {
  const item = screen
    .getAllByRole('listitem')
    .find(
      (li) =>
        li.classList.contains('govuk-task-list__item') &&
        (typeof name === 'string'
          ? li.querySelector('.govuk-task-list__name-and-hint > :first-child')?.textContent?.trim() === name
          : name.test(li.textContent ?? '')),
    );
  if (!item) throw new Error(`no task ${name}`);
  const link = within(item).queryByRole('link');
  return {
    link,
    status: item.querySelector('.govuk-task-list__status')!.textContent!.trim(),
    hint: item.querySelector('.govuk-task-list__hint')?.textContent?.trim(),
  };
}

describe('the self-assessment overview as a task list', () => {
  it('uses GOV.UK task list markup, each link described by its hint and status', () => {
    render(CycleOverviewPage, { bundle: cycles.open!, framework });
    const link = screen.getByRole('link', {
      name: 'The experiences and progress of care leavers',
    });
    expect(link).toHaveClass('govuk-task-list__link');
    const criteria = framework.criteria.filter((c) => c.judgementId === 'care-leavers').length;
    expect(link).toHaveAccessibleDescription(
      `0 of ${criteria} criteria graded; self-evaluation not started; no agreed grade yet Not yet started`,
    );
  });

  it('starts with every judgement not yet started, and the checks and export unable to start', () => {
    render(CycleOverviewPage, { bundle: cycles.open!, framework });
    for (const judgement of framework.judgements)
      expect(task(judgement.title).status).toBe('Not yet started');
    expect(task('Evidence register')).toMatchObject({ status: 'Not yet started' });
    expect(task('Evidence register').link).toHaveAttribute('href', '#/self-assessment/evidence');
    expect(task('Improvement plan')).toMatchObject({ status: 'Not yet started' });
    expect(task('Recommendations')).toMatchObject({ status: 'Not yet started' });
    expect(task('Readiness checks')).toMatchObject({ status: 'Cannot start yet', link: null });
    expect(task('Mark as final and export')).toMatchObject({ status: 'Cannot start yet', link: null });
    expect(
      screen.getByText(`You have completed 0 of ${framework.judgements.length + 5} tasks.`),
    ).toBeInTheDocument();
  });

  it('shows a judgement in progress with its counts, then the evidence linked', async () => {
    const item = registers.newEvidence();
    await registers.saveEvidence({ ...item, title: 'Dip sample' });
    await cycles.editCriterion('hp-front-door', { grade: 'good', evidenceIds: [item.id] });
    render(CycleOverviewPage, { bundle: cycles.open!, framework });
    const help = task('The experiences and progress of children who need help and protection');
    expect(help.status).toBe('In progress');
    expect(help.hint).toMatch(/^1 of \d+ criteria graded; self-evaluation not started; no agreed grade yet$/);
    expect(task('Evidence register')).toMatchObject({
      status: 'In progress',
      hint: `1 item in the register; 1 of ${framework.criteria.length} criteria have evidence linked`,
    });
    const readiness = task('Readiness checks');
    expect(readiness.status).toMatch(/In progress|Completed/);
    expect(readiness.link).toHaveAttribute('href', '#readiness');
  });

  it('offers to mark a complete cycle final, then shows it and its export completed', async () => {
    await completeOpenCycle(cycles, framework);
    const page = render(CycleOverviewPage, { bundle: cycles.open!, framework });
    for (const judgement of framework.judgements) expect(task(judgement.title).status).toBe('Completed');
    expect(task('Mark as final and export')).toMatchObject({ status: 'Not yet started' });
    expect(task('Mark as final and export').link).toHaveAttribute('href', '#finalise');
    expect(document.getElementById('finalise')).toHaveAccessibleName('Mark as final');
    page.unmount();

    expect(await cycles.finalise(framework)).toEqual({ ok: true });
    render(CycleOverviewPage, { bundle: cycles.open!, framework });
    expect(task('Mark as final and export')).toMatchObject({ status: 'Completed' });
    expect(task('Mark as final and export').link).toHaveAttribute('href', '#export');
  });

  it('counts the improvement plan and recommendations done only when all are closed', async () => {
    const action = registers.newAction();
    await registers.saveAction({ ...action, title: 'Review strategy meetings', status: 'completed' });
    const recommendation = registers.newRecommendation();
    await registers.saveRecommendation({ ...recommendation, text: 'Improve strategy meetings' });
    render(CycleOverviewPage, { bundle: cycles.open!, framework });
    expect(task('Improvement plan')).toMatchObject({
      status: 'Completed',
      hint: '1 action: 0 open, 0 overdue',
    });
    expect(task('Recommendations')).toMatchObject({
      status: 'In progress',
      hint: '1 recommendation: 1 open, 1 without an action',
    });
  });
});
