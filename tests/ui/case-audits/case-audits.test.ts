import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { auditsRepository } from '../../../src/storage/repositories/audits-repository';
import { audits, frameworkLibrary, saveStatus, settings } from '../../../src/state/services';
import CaseAuditPage from '../../../src/ui/case-audits/CaseAuditPage.svelte';
import ModerationPage from '../../../src/ui/case-audits/ModerationPage.svelte';
import { AUTHOR, makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

// These pages are long (every question of an audit tool); on a busy two-core machine they take seconds.
vi.setConfig({ testTimeout: 20_000 });

const ilacs = shippedFramework('ilacs-2023');
const tool = ilacs.auditTools.find((t) => t.id === 'cl-audit')!;
const graded = Object.fromEntries(
  tool.domains.filter((d) => d.graded).map((d) => [d.id, 'requires-improvement']),
);

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Moderation Lead' });
  // The library normally loads shipped files over HTTP; here the test hands it the validated framework.
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
  await audits.load();
});

async function seedAudit(overrides = {}) {
  const audit = makeCaseAudit({
    id: 'audit-1',
    toolId: 'cl-audit',
    caseType: 'care-leavers',
    caseReference: 'CL-0007',
    overallGrade: 'requires-improvement',
    domainGrades: graded,
    ...overrides,
  });
  await auditsRepository(workbookDatabase()).saveAudit(audit, AUTHOR);
  await audits.load();
  return audit;
}

describe('blind moderation', () => {
  it('hides the auditor’s grades until the moderator submits, then compares them', async () => {
    const user = userEvent.setup();
    await seedAudit({ status: 'complete' });
    render(ModerationPage, { auditId: 'audit-1' });
    expect(screen.getByText(/auditor’s grades are hidden until you submit yours/)).toBeInTheDocument();
    expect(screen.queryByText(/^Auditor: /)).not.toBeInTheDocument();

    for (const radio of screen.getAllByLabelText('Good', { exact: true })) await user.click(radio);
    await user.click(screen.getByRole('button', { name: 'Submit my grades' }));

    expect(await screen.findByRole('heading', { name: 'Compared' })).toBeInTheDocument();
    expect(screen.getAllByText('Auditor: Requires improvement to be good').length).toBeGreaterThan(0);
    await saveStatus.idle();
    const [moderation] = await auditsRepository(workbookDatabase()).listModerations();
    expect(moderation).toMatchObject({
      blind: true,
      overallGrade: 'good',
      moderatedOverallGrade: 'good',
      moderator: 'Moderation Lead',
    });
    expect((await auditsRepository(workbookDatabase()).listAudits())[0]!.status).toBe('moderated');
    expect(screen.getByText(/Give the reason the moderated grade differs/)).toBeInTheDocument();
  });
});

describe('recording an audit with a safeguarding escalation', () => {
  it('cannot be completed until the response is logged', async () => {
    const user = userEvent.setup();
    await seedAudit({
      status: 'draft',
      answers: Object.fromEntries(
        tool.domains
          .flatMap((d) => d.questions)
          .filter((q) => q.required)
          .map((q) => [q.id, 'yes']),
      ),
    });
    render(CaseAuditPage, { id: 'audit-1' });
    await user.type(screen.getByLabelText('The concern'), 'Living with an adult who poses a risk.');
    await user.click(screen.getByRole('button', { name: 'Raise a safeguarding escalation' }));
    await user.click(screen.getByRole('button', { name: 'Mark as complete' }));
    const reason = await screen.findByRole('link', { name: /A safeguarding concern was escalated/ });
    expect(reason.closest('.govuk-error-summary')).toHaveFocus();
    await user.click(reason);
    expect(screen.getByLabelText('Who was told, and when')).toHaveFocus();
    await saveStatus.idle();
    expect((await auditsRepository(workbookDatabase()).listAudits())[0]!.status).toBe('draft');

    await user.type(screen.getByLabelText('Who was told, and when'), 'Duty manager, 10:30');
    await user.type(screen.getByLabelText('What happened'), 'Police and social worker visited.');
    await user.click(screen.getByRole('button', { name: 'Add to the response log' }));
    await user.click(screen.getByRole('button', { name: 'Mark as complete' }));
    await waitFor(() =>
      expect(screen.getByText(/This audit is complete, so it is read-only/)).toBeInTheDocument(),
    );
    await saveStatus.idle();
    const [stored] = await auditsRepository(workbookDatabase()).listAudits();
    expect(stored).toMatchObject({ status: 'complete' });
    expect(stored!.escalation?.log).toEqual([
      expect.objectContaining({ by: 'Moderation Lead', toldWho: 'Duty manager, 10:30' }),
    ]);
  });
});

describe('a multi-agency audit', () => {
  it('records each agency’s own answers and grade beside the combined finding', async () => {
    const user = userEvent.setup();
    const multi = ilacs.auditTools.find((t) => t.id === 'multi-agency-audit')!;
    const closed = multi.domains.flatMap((d) => d.questions).find((q) => q.answerType === 'yes-no-partly')!;
    await auditsRepository(workbookDatabase()).saveAudit(
      makeCaseAudit({ id: 'ma-1', toolId: 'multi-agency-audit', caseType: 'multi-agency', status: 'draft' }),
      AUTHOR,
    );
    await audits.load();
    render(CaseAuditPage, { id: 'ma-1' });
    await user.click(screen.getByRole('button', { name: 'Add an agency’s contribution' }));
    await user.selectOptions(screen.getByLabelText('Agency'), 'Health');
    await user.selectOptions(screen.getByLabelText('The agency’s grade'), 'good');
    await user.selectOptions(screen.getByLabelText(closed.text), 'partly');
    await saveStatus.idle();
    const [stored] = await auditsRepository(workbookDatabase()).listAudits();
    expect(stored!.contributions).toEqual([
      {
        agency: 'Health',
        contributor: '',
        answers: { [closed.id]: 'partly' },
        overallGrade: 'good',
        summary: '',
      },
    ]);
  });
});
