/*
 * My work shows one person what is theirs, linked to where it is done, and the navigation counts it.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { audits, cycles, frameworkLibrary, registers, settings } from '../../../src/state/services';
import { currentMyWork } from '../../../src/state/my-work';
import MyWorkPage from '../../../src/ui/my-work/MyWorkPage.svelte';
import AppHeader from '../../../src/ui/shell/AppHeader.svelte';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 30_000 });
const framework = shippedFramework('ilacs-2026');
const [first, second] = framework.criteria;
const [mine, sams] = framework.judgements;

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === framework.id ? { framework } : undefined),
  });
  await Promise.all([cycles.reload(), registers.load(), audits.load()]);
  const outcome = await cycles.create(framework, 2026);
  if (!outcome.ok) throw new Error(outcome.message);
  await cycles.openCycle(outcome.cycleId);
  await cycles.editCriterion(first!.id, { assignee: 'Priya Shah', status: 'in-progress' });
  await cycles.editCriterion(second!.id, { assignee: 'Sam Jones', status: 'in-progress' });
  await cycles.reviewCriterion(second!.id, 'send');
  await cycles.assignNarrative(mine!.id, 'Priya Shah');
  await cycles.assignNarrative(sams!.id, 'Sam Jones');
  await cycles.editNarrative(sams!.id, framework.selfEvaluation[0]!.id, 'What we know, in draft.');
  await cycles.reviewNarrative(sams!.id, 'send');
  await registers.saveAction({
    ...registers.newAction(),
    title: 'Audit supervision in the front door',
    owner: 'priya shah',
    dueDate: '2020-01-31',
    status: 'in-progress',
  });
});

describe('my work', () => {
  it('asks for a name before it can say what is yours', async () => {
    render(MyWorkPage);
    expect(await screen.findByRole('link', { name: 'Add your name in Settings' })).toHaveAttribute(
      'href',
      '#/settings',
    );
  });

  it('lists the criteria, reviews and actions of the person named in Settings, linked', async () => {
    await settings.save({ userName: 'Priya Shah' });
    render(MyWorkPage);
    await screen.findByText(/What is waiting for Priya Shah: 5 things to do/);
    const toWrite = screen.getByRole('region', { name: 'Criteria to write' });
    expect(within(toWrite).getByRole('link', { name: first!.title })).toHaveAttribute(
      'href',
      `#/self-assessment/cycles/${cycles.open!.cycle.id}/criteria/${first!.id}`,
    );
    expect(within(toWrite).getByText('In progress')).toBeInTheDocument();
    const review = screen.getByRole('region', { name: 'Criteria waiting for review' });
    expect(within(review).getByRole('link', { name: second!.title })).toBeInTheDocument();
    expect(within(review).getByText('Sam Jones')).toBeInTheDocument();
    const toWriteSelf = screen.getByRole('region', { name: 'Self-evaluations to write' });
    expect(within(toWriteSelf).getByRole('link', { name: mine!.title })).toHaveAttribute(
      'href',
      `#/self-assessment/cycles/${cycles.open!.cycle.id}/judgements/${mine!.id}`,
    );
    expect(within(toWriteSelf).getByText('To do')).toBeInTheDocument();
    const reviewSelf = screen.getByRole('region', { name: 'Self-evaluations waiting for review' });
    expect(within(reviewSelf).getByRole('link', { name: sams!.title })).toBeInTheDocument();
    expect(within(reviewSelf).getByText('Sam Jones')).toBeInTheDocument();
    const action = screen.getByRole('link', { name: 'Audit supervision in the front door' });
    expect(action.closest('li')).toHaveTextContent(/due 31\/01\/2020\s*Overdue/);
  });

  it('in a team is the signed-in person’s, whatever name is typed in Settings', async () => {
    await settings.save({ userName: 'Priya Shah' });
    localStorage.setItem(
      'readiness-workbook-team',
      JSON.stringify({ id: 'u2', name: 'Sam Jones', workspace: 'w' }),
    );
    try {
      render(MyWorkPage);
      await screen.findByText(/What is waiting for Sam Jones: nothing at the moment/);
      expect(screen.queryByRole('region', { name: 'Criteria to write' })).not.toBeInTheDocument();
    } finally {
      localStorage.removeItem('readiness-workbook-team');
    }
  });

  it('counts the same things in the navigation', async () => {
    await settings.save({ userName: 'Sam Jones' });
    const total = currentMyWork().total;
    expect(total).toBe(0);
    await settings.save({ userName: 'Priya Shah' });

    render(AppHeader, { current: 'home', myWorkCount: currentMyWork().total });
    await waitFor(() =>
      expect(screen.getByRole('link', { name: /^My work\s*5\s*waiting$/ })).toHaveAttribute(
        'href',
        '#/my-work',
      ),
    );
  });
});
