/*
 * The safeguarding escalation form: what is missing is listed in a GOV.UK error summary at the top of the
 * form, each problem a link to its field, and nothing is recorded until the form is complete.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { auditsRepository } from '../../../src/storage/repositories/audits-repository';
import { audits, frameworkLibrary, saveStatus, settings } from '../../../src/state/services';
import CaseAuditPage from '../../../src/ui/case-audits/CaseAuditPage.svelte';
import { AUTHOR, makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

// The audit page is long; typing into it on a busy two-core machine takes seconds.
vi.setConfig({ testTimeout: 45_000 });
const ilacs = shippedFramework('ilacs-2023');

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Audit Lead' });
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
  await auditsRepository(db).saveAudit(
    makeCaseAudit({ id: 'audit-1', toolId: 'cl-audit', caseType: 'care-leavers', status: 'draft' }),
    AUTHOR,
  );
  await audits.load();
});

const panel = () => screen.getByRole('region', { name: 'Safeguarding escalation' });
const storedEscalation = async () => (await auditsRepository(workbookDatabase()).listAudits())[0]!.escalation;

describe('the safeguarding escalation form', () => {
  it('links a missing concern from the error summary to its field, and raises nothing', async () => {
    const user = userEvent.setup();
    render(CaseAuditPage, { id: 'audit-1' });
    await user.click(within(panel()).getByRole('button', { name: 'Raise a safeguarding escalation' }));

    const summary = within(panel()).getByRole('alert');
    expect(summary.closest('.govuk-error-summary')).toHaveFocus();
    const link = within(summary).getByRole('link', { name: /^Describe the concern/ });
    await user.click(link);
    const concern = screen.getByLabelText('The concern');
    expect(concern).toHaveFocus();
    expect(concern).toHaveAccessibleDescription(/^Error: Describe the concern/);
    await saveStatus.idle();
    expect(await storedEscalation()).toBeUndefined();

    await user.type(concern, 'Living with an adult who poses a risk.');
    await user.click(within(panel()).getByRole('button', { name: 'Raise a safeguarding escalation' }));
    await waitFor(() => expect(within(panel()).queryByRole('alert')).not.toBeInTheDocument());
    await saveStatus.idle();
    expect(await storedEscalation()).toMatchObject({ concern: 'Living with an adult who poses a risk.' });
  });

  it('lists each missing part of a response, keeps what was typed, and logs it once complete', async () => {
    const user = userEvent.setup();
    render(CaseAuditPage, { id: 'audit-1' });
    await user.type(screen.getByLabelText('The concern'), 'Bruising seen at a visit.');
    await user.click(screen.getByRole('button', { name: 'Raise a safeguarding escalation' }));
    await user.type(await screen.findByLabelText('Who was told, and when'), 'Duty manager, 10:30');
    await user.click(screen.getByRole('button', { name: 'Add to the response log' }));

    const summary = within(panel()).getByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Describe what happened']);
    expect(screen.getByLabelText('Who was told, and when')).toHaveValue('Duty manager, 10:30');
    await user.click(within(summary).getByRole('link', { name: 'Describe what happened' }));
    expect(screen.getByLabelText('What happened')).toHaveFocus();

    await user.clear(screen.getByLabelText('Who was told, and when'));
    await user.click(screen.getByRole('button', { name: 'Add to the response log' }));
    expect(
      within(within(panel()).getByRole('alert'))
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Enter who was told, and when', 'Describe what happened']);

    await user.type(screen.getByLabelText('Who was told, and when'), 'Duty manager, 10:30');
    await user.type(screen.getByLabelText('What happened'), 'Police and social worker visited.');
    await user.click(screen.getByRole('button', { name: 'Add to the response log' }));
    await screen.findByText('Told: Duty manager, 10:30');
    expect(within(panel()).queryByRole('alert')).not.toBeInTheDocument();
    await saveStatus.idle();
    expect((await storedEscalation())?.log).toEqual([
      expect.objectContaining({ by: 'Audit Lead', toldWho: 'Duty manager, 10:30' }),
    ]);
  });
});
