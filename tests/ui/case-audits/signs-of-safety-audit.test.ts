/*
 * Recording a Signs of Safety audit: every grade is offered 0 to 10 in reading order, with the scaling
 * question's two ends and the threshold beside the domain grade, and saved as the scale's own level.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { auditsRepository } from '../../../src/storage/repositories/audits-repository';
import { audits, frameworkLibrary, saveStatus, settings } from '../../../src/state/services';
import CaseAuditPage from '../../../src/ui/case-audits/CaseAuditPage.svelte';
import ModerationPage from '../../../src/ui/case-audits/ModerationPage.svelte';
import { AUTHOR, makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 30_000 });

const ilacs = shippedFramework('ilacs-2023');
const tool = ilacs.auditTools.find((t) => t.id === 'sos-audit')!;
const ZERO_TO_TEN = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Audit Lead' });
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
});

async function seed(overrides = {}) {
  await auditsRepository(workbookDatabase()).saveAudit(
    makeCaseAudit({ id: 'sos-1', toolId: tool.id, caseReference: 'SOS-0001', status: 'draft', ...overrides }),
    AUTHOR,
  );
  await audits.load();
}

const radioLabels = (group: HTMLElement) =>
  within(group)
    .getAllByRole('radio')
    .map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.trim());

describe('recording a Signs of Safety audit', () => {
  it('offers each domain grade 0 to 10 with the scaling question, and saves the number chosen', async () => {
    const user = userEvent.setup();
    await seed();
    render(CaseAuditPage, { id: 'sos-1' });

    const worries = screen.getByRole('group', { name: /^Grade for what we are worried about/ });
    expect(radioLabels(worries)).toEqual(ZERO_TO_TEN);
    expect(worries).toHaveAccessibleDescription(
      /^On a scale of 0 to 10, where 10 means .+, and 0 means .+\. 7 or above counts as good or better\.$/,
    );
    await user.click(within(worries).getByLabelText('8'));

    const question = tool.domains[0]!.questions.find((q) => q.answerType === 'grade')!;
    const asked = screen.getByRole('group', { name: question.text });
    expect(radioLabels(asked)).toEqual([...ZERO_TO_TEN, 'Not applicable']);
    await user.click(within(asked).getByLabelText('6'));

    await saveStatus.idle();
    const [stored] = await auditsRepository(workbookDatabase()).listAudits();
    expect(stored!.domainGrades).toEqual({ worries: 'scaled-8' });
    expect(stored!.answers).toEqual({ [question.id]: 'scaled-6' });
  });

  it('lets a moderator grade 0 to 10 as well, and compares the grades out of 10', async () => {
    const user = userEvent.setup();
    await seed({ status: 'complete', overallGrade: 'scaled-6', domainGrades: { worries: 'scaled-5' } });
    render(ModerationPage, { auditId: 'sos-1' });
    const overall = screen.getByRole('group', { name: 'Your overall grade' });
    expect(radioLabels(overall)).toEqual(ZERO_TO_TEN);
    await user.click(within(overall).getByLabelText('7'));
    await user.click(screen.getByRole('button', { name: 'Submit my grades' }));

    const compared = await screen.findByRole('table', { name: 'Auditor’s and moderator’s grades' });
    const overallRow = within(compared).getByRole('row', { name: /^Overall/ });
    expect(
      within(overallRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['6 out of 10', '7 out of 10', 'No']);
    await saveStatus.idle();
    const [moderation] = await auditsRepository(workbookDatabase()).listModerations();
    expect(moderation).toMatchObject({ overallGrade: 'scaled-7', moderatedOverallGrade: 'scaled-7' });
  });
});
