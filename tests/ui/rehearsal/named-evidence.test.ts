/*
 * In the drill, "Evidence you would show" may name evidence the register does not hold yet; the answer
 * lists it as such (not as "No evidence offered") and offers to add it, linked to the question's criterion.
 */
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DrillAnswerWithNamedEvidence } from '../../../src/domain/rehearsal/drill';
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

vi.setConfig({ testTimeout: 30_000 });
const framework = shippedFramework('ilacs-2023');
const NAMED = 'Care leavers’ forum minutes, May';

let id: string;
beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Director' });
  Object.assign(frameworkLibrary, {
    find: (fid: string) => (fid === framework.id ? { framework } : undefined),
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
    participants: ['Director'],
    length: 3,
  });
  id = started!.id;
});

async function storedAnswer(questionId: string): Promise<DrillAnswerWithNamedEvidence | undefined> {
  await saveStatus.idle();
  const stored = (await rehearsalsRepository(workbookDatabase()).listRehearsals()).find((r) => r.id === id)!;
  return stored.answers.find((a) => a.questionId === questionId);
}

describe('evidence named in an answer', () => {
  it('is listed as not in the register yet, and added there linked to the criterion when asked', async () => {
    const user = userEvent.setup();
    render(RehearsalSessionPage, { id });
    await screen.findByText('Question 1 of 3');
    const question = rehearsals.find(id)!.questions[0]!;
    const criterion = framework.criteria.find((c) => c.id === question.criterionId)!;

    await user.type(screen.getByLabelText('Notes of the answer'), 'Care leavers told us at the forum.');
    await user.click(screen.getByLabelText(/^Confident/));
    await user.type(screen.getByLabelText('Evidence not in the register yet'), NAMED);
    await user.tab();
    const add = await screen.findByRole('button', { name: `Add “${NAMED}” to the register` });
    const list = screen.getByText(/answers need work/).nextElementSibling!;
    expect(list.textContent).toContain(`Evidence named but not in the register yet (${NAMED}):`);
    expect(list.textContent).not.toContain('No evidence offered');
    expect(
      screen.getByText(`Each is added with today’s date, linked to ${criterion.ref} ${criterion.title}.`),
    ).toBeInTheDocument();

    await user.selectOptions(
      screen.getByLabelText('Type of evidence, when added to the register'),
      'feedback-children-families',
    );
    await user.click(add);
    expect(
      await screen.findByText(
        `“${NAMED}” is in the evidence register now, linked to ${criterion.ref} ${criterion.title}, and offered in this answer.`,
      ),
    ).toBeInTheDocument();

    const item = registers.evidence.find((e) => e.title === NAMED)!;
    expect(item).toMatchObject({ type: 'feedback-children-families', owner: 'Director' });
    expect(item.notes).toContain('Named in the rehearsal');
    expect(cycles.criterionAssessment(criterion.id)!.evidenceIds).toContain(item.id);
    await waitFor(async () =>
      expect(await storedAnswer(question.id)).toMatchObject({ evidenceIds: [item.id], namedEvidence: '' }),
    );
    expect(await screen.findByLabelText(NAMED)).toBeChecked();
    expect(screen.getByLabelText('Evidence not in the register yet')).toHaveValue('');
    await waitFor(() =>
      expect(screen.getByText(/answers need work/).nextElementSibling!.textContent).not.toContain(
        'Evidence named',
      ),
    );
  });
});
