import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { lastInspectionRepository } from '../../../src/storage/repositories/last-inspection-repository';
import { cycles, lastInspection, registers, settings } from '../../../src/state/services';
import ChangesPage from '../../../src/ui/self-assessment/ChangesPage.svelte';
import { makeLastInspection } from '../../domain/self-assessment/last-inspection-fixture';
import { AUTHOR } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';
import OpenCyclePage from './OpenCyclePage.svelte';

const framework = shippedFramework('ilacs-2023');

async function freshCycle() {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await registers.load();
  await lastInspection.load();
  await cycles.reload();
  const outcome = await cycles.create(framework, 2025);
  if (!outcome.ok) throw new Error(outcome.message);
  await cycles.openCycle(outcome.cycleId);
}

describe('the Changes page, since the last inspection', () => {
  beforeEach(freshCycle);

  it('says how to add the last inspection report when none is recorded', async () => {
    render(OpenCyclePage, { page: ChangesPage, framework });
    const section = await screen.findByRole('heading', { name: 'Since the last inspection' });
    expect(section).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add your last inspection report' })).toHaveAttribute(
      'href',
      '#/recommendations/read-report',
    );
  });

  it('shows each judgement’s grade then and now and how far the recommendations have got', async () => {
    await lastInspectionRepository(workbookDatabase()).saveLastInspection(makeLastInspection(), AUTHOR);
    await lastInspection.load();
    await cycles.editJudgement('leaders', { agreedGrade: 'requires-improvement' });
    await cycles.editJudgement('help-and-protection', { agreedGrade: 'good' });
    const r1 = { ...registers.newRecommendation(), reference: 'R1', date: '2024-12-01', text: 'First.' };
    const r2 = { ...registers.newRecommendation(), reference: 'R2', date: '2024-12-01', text: 'Second.' };
    await registers.saveRecommendation(r1);
    await registers.saveRecommendation({ ...r2, closed: true });
    await registers.saveAction({ ...registers.newAction(), title: 'Act', recommendationIds: [r1.id] });

    render(OpenCyclePage, { page: ChangesPage, framework });
    expect(
      await screen.findByText(/ILACS inspection report, fieldwork 07\/10\/2024 to 18\/10\/2024/),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Judgements then and now' });
    const row = (name: string) => within(table).getByRole('cell', { name }).closest('tr')!;
    expect(
      within(row('The impact of leaders on social work practice with children and families'))
        .getAllByRole('cell')
        .map((c) => c.textContent?.trim()),
    ).toEqual([
      'The impact of leaders on social work practice with children and families',
      'Good',
      expect.stringContaining('Requires improvement to be good'),
      'Worse',
    ]);
    expect(
      within(row('The experiences and progress of children who need help and protection')).getByText(
        'Better',
      ),
    ).toBeInTheDocument();

    expect(screen.getByRole('heading', { name: 'The inspection’s recommendations (2)' })).toBeInTheDocument();
    const list = document.querySelector('.govuk-summary-list')!;
    expect(list.textContent).toMatch(/No improvement action yet\s*0/);
    expect(list.textContent).toMatch(/Actions under way\s*1/);
    expect(list.textContent).toMatch(/Closed\s*1/);
    expect(screen.getByRole('link', { name: 'R1' })).toHaveAttribute(
      'href',
      `#/self-assessment/recommendations/${r1.id}`,
    );
  });
});
