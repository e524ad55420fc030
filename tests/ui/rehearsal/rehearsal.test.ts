import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readinessInputFor } from '../../../src/state/readiness-input';
import { workbookDatabase } from '../../../src/storage/db';
import { rehearsalsRepository } from '../../../src/storage/repositories/rehearsals-repository';
import {
  audits,
  cycles,
  frameworkLibrary,
  indicators,
  registers,
  rehearsals,
  saveStatus,
  settings,
} from '../../../src/state/services';
import RehearsalSessionPage from '../../../src/ui/rehearsal/RehearsalSessionPage.svelte';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 20_000 });
const framework = shippedFramework('ilacs-2023');

async function startedRehearsal() {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Director' });
  // The library normally loads shipped files over HTTP; here the test hands it the validated framework.
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework } : undefined),
  });
  Object.defineProperty(frameworkLibrary, 'loading', { value: false, configurable: true });
  await Promise.all([registers.load(), audits.load(), indicators.load(), rehearsals.load(), cycles.reload()]);
  const outcome = await cycles.create(framework, 2025);
  if (!outcome.ok) throw new Error(outcome.message);
  await cycles.openCycle(outcome.cycleId);
  const started = await rehearsals.start({
    readinessInput: readinessInputFor(framework, cycles.open!),
    judgementId: 'care-leavers',
    date: '2025-06-01',
    participants: ['Director', 'Head of service'],
    length: 3,
  });
  return started!;
}

async function stored(id: string) {
  await saveStatus.idle();
  return (await rehearsalsRepository(workbookDatabase()).listRehearsals()).find((r) => r.id === id)!;
}

describe('the lines of enquiry drill', () => {
  let id: string;
  beforeEach(async () => {
    id = (await startedRehearsal()).id;
  });

  it('saves the answer notes, confidence and time per question, and lists what needs work', async () => {
    const user = userEvent.setup();
    render(RehearsalSessionPage, { id });
    expect(await screen.findByText('Question 1 of 3')).toBeInTheDocument();
    const first = (await stored(id)).questions[0]!;
    expect(screen.getByRole('heading', { level: 3, name: first.question })).toBeInTheDocument();
    expect(screen.getByText(`Why this question: ${first.why}`)).toBeInTheDocument();

    await user.type(
      screen.getByLabelText('Notes of the answer'),
      'Every care leaver has a personal adviser.',
    );
    await user.click(screen.getByLabelText(/^Confident/));
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    expect(await screen.findByText('Question 2 of 3')).toBeInTheDocument();
    expect(screen.getByLabelText('Notes of the answer')).toHaveValue('');
    await user.click(screen.getByLabelText('Could not answer'));

    const saved = await stored(id);
    expect(saved.answers).toEqual([
      expect.objectContaining({
        questionId: first.id,
        notes: 'Every care leaver has a personal adviser.',
        confidence: 'confident',
      }),
      expect.objectContaining({ questionId: saved.questions[1]!.id, confidence: 'could-not-answer' }),
    ]);
    // The first answer has no evidence, the second could not be given, the third was never reached.
    const list = screen.getByText(/answers need work/).nextElementSibling!;
    expect(list.textContent).toContain('No evidence offered:');
    expect(list.textContent).toContain('Could not answer:');
    expect(list.textContent).toContain('Not answered:');

    await user.click(screen.getByRole('button', { name: 'Previous question' }));
    expect(await screen.findByText('Question 1 of 3')).toBeInTheDocument();
    expect(screen.getByLabelText('Notes of the answer')).toHaveValue(
      'Every care leaver has a personal adviser.',
    );
    expect(screen.getByLabelText(/^Confident/)).toBeChecked();
  });

  it('times an answer while the timer runs and keeps the time when paused', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(RehearsalSessionPage, { id });
      await screen.findByText('Question 1 of 3');
      await user.click(screen.getByRole('button', { name: 'Start timer' }));
      await vi.advanceTimersByTimeAsync(125_000);
      expect(screen.getByText('2:05')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Pause timer' }));
      expect(screen.getByRole('button', { name: 'Resume timer' })).toBeInTheDocument();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(screen.getByText('2:05')).toBeInTheDocument();
      await waitFor(async () => expect((await stored(id)).answers[0]?.seconds).toBe(125));
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a completed rehearsal as it was until it is reopened', async () => {
    const user = userEvent.setup();
    render(RehearsalSessionPage, { id });
    await screen.findByText('Question 1 of 3');
    await user.click(screen.getByRole('button', { name: 'Mark the rehearsal complete' }));
    expect(await screen.findByText(/This rehearsal is complete/)).toBeInTheDocument();
    expect(screen.getByLabelText('Notes of the answer')).toBeDisabled();
    expect((await stored(id)).status).toBe('complete');
    await user.click(screen.getByRole('button', { name: 'Reopen it' }));
    await waitFor(() => expect(screen.getByLabelText('Notes of the answer')).toBeEnabled());
  });

  it('deletes with undo', async () => {
    const user = userEvent.setup();
    render(RehearsalSessionPage, { id });
    await screen.findByText('Question 1 of 3');
    await user.click(screen.getByRole('button', { name: 'Delete this rehearsal' }));
    await saveStatus.idle();
    expect(rehearsals.rehearsals).toEqual([]);
    expect(rehearsals.lastDeleted?.id).toBe(id);
    await rehearsals.undoDelete();
    expect(rehearsals.find(id)).toBeDefined();
    expect((await stored(id)).deletedAt).toBeUndefined();
  });
});
