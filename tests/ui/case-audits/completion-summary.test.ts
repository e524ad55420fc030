/*
 * "The audit cannot be completed yet" is a GOV.UK error summary at the top of the audit, and every
 * reason in it links to a field that is on the page, for every audit tool of every shipped framework.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { auditsRepository } from '../../../src/storage/repositories/audits-repository';
import { audits, frameworkLibrary, settings } from '../../../src/state/services';
import CaseAuditPage from '../../../src/ui/case-audits/CaseAuditPage.svelte';
import { makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 30_000 });

const ilacs = shippedFramework('ilacs-2023');

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
});

describe('the reasons an audit cannot be completed', () => {
  it.each(ilacs.auditTools.map((t) => [t.id]))('link to their fields (%s)', async (toolId) => {
    const user = userEvent.setup();
    const audit = makeCaseAudit({
      id: `audit-${toolId}`,
      toolId,
      caseReference: '',
      auditor: '',
      status: 'draft',
      answers: {},
      domainGrades: {},
      overallGrade: undefined,
      escalation: { raisedAt: '2026-05-01T09:00:00Z', raisedBy: 'A', concern: 'Worry', log: [] },
    });
    await auditsRepository(workbookDatabase()).saveAudit(audit, { by: 'A', now: '2026-05-01T09:00:00Z' });
    await audits.load();
    render(CaseAuditPage, { id: audit.id });
    await user.click(screen.getByRole('button', { name: 'Mark as complete' }));
    const summary = await screen.findByRole('heading', { name: 'The audit cannot be completed yet' });
    const box = summary.closest('.govuk-error-summary') as HTMLElement;
    expect(box).toHaveFocus();
    expect(box.compareDocumentPosition(screen.getByRole('button', { name: 'Mark as complete' }))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const items = within(box).getAllByRole('listitem');
    const links = within(box).getAllByRole('link');
    expect(links).toHaveLength(items.length);
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target, link.textContent!).not.toBeNull();
    }
    await user.click(links.at(-1)!);
    expect(document.activeElement?.id).toBe(links.at(-1)!.getAttribute('href')!.slice(1));
  });
});
