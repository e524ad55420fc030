/*
 * The criteria table of a judgement says which criteria have open comments, from the one count the
 * comments manager keeps (openThreadCounts), so a reviewer sees where a conversation is waiting.
 */
import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { comments, settings } from '../../../src/state/services';
import { workbookDatabase } from '../../../src/storage/db';
import CriteriaTable from '../../../src/ui/self-assessment/CriteriaTable.svelte';
import { makeCriterionAssessment } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 30_000 });
const framework = shippedFramework('ilacs-2026');
const [first, second] = framework.criteria;

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Sam Lee' });
  await comments.load();
});

describe('the criteria table', () => {
  it('shows how many comments are open on each criterion, and nothing where none are', async () => {
    const a = makeCriterionAssessment({ id: 'ca-1', criterionId: first!.id, cycleId: 'cycle-1' });
    const b = makeCriterionAssessment({ id: 'ca-2', criterionId: second!.id, cycleId: 'cycle-1' });
    const target = { kind: 'criterion' as const, id: a.id, cycleId: 'cycle-1' };
    expect((await comments.add(target, 'Which audit shows this?')).ok).toBe(true);
    expect((await comments.add(target, 'And the date?')).ok).toBe(true);
    const resolved = await comments.add({ ...target, id: b.id }, 'Done already.');
    if (!resolved.ok) throw new Error('not added');
    render(CriteriaTable, {
      props: {
        cycleId: 'cycle-1',
        criteria: [first!, second!],
        scale: framework.scales[0],
        assessments: [a, b],
      },
    });
    const [, row1, row2] = screen.getAllByRole('row');
    expect(within(row1!).getByText('2 open comments')).toBeInTheDocument();
    expect(within(row2!).getByText('1 open comment')).toBeInTheDocument();
    await comments.resolve(resolved.comment.id);
    await vi.waitFor(() => expect(within(row2!).queryByText(/open comment/)).toBeNull());
  });
});
