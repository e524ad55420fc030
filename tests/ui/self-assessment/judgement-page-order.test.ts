import { render, screen } from '@testing-library/svelte';
import { beforeEach, expect, it } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { cycles, registers, settings } from '../../../src/state/services';
import JudgementPage from '../../../src/ui/self-assessment/JudgementPage.svelte';
import { shippedFramework } from '../../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await registers.load();
  await cycles.reload();
  const outcome = await cycles.create(framework, 2025);
  if (!outcome.ok) throw new Error(outcome.message);
  await cycles.openCycle(outcome.cycleId);
});

const follows = (first: Element, then: Element) =>
  (first.compareDocumentPosition(then) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

it('puts the criteria first, then the proposal, the agreed grade and the self-evaluation', () => {
  render(JudgementPage, { bundle: cycles.open!, framework, judgementId: 'care-leavers' });
  const criteria = screen.getByRole('table', { name: 'Criteria' });
  const proposal = screen.getByRole('heading', { name: 'Proposed grade' });
  const agreed = screen.getByRole('group', { name: 'Agreed grade' });
  const selfEvaluation = screen.getByRole('heading', { name: 'Self-evaluation' });
  expect(follows(criteria, proposal)).toBe(true);
  expect(follows(proposal, agreed)).toBe(true);
  expect(follows(agreed, selfEvaluation)).toBe(true);
});
