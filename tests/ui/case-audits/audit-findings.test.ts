/*
 * The audit findings page: disagreements on a domain are listed even when the overall grade agreed,
 * and a kappa is shown only from enough moderated pairs to mean something.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_PAIRS_FOR_KAPPA } from '../../../src/domain/case-audit/agreement';
import { workbookDatabase } from '../../../src/storage/db';
import { auditsRepository } from '../../../src/storage/repositories/audits-repository';
import { audits, frameworkLibrary, settings } from '../../../src/state/services';
import AuditFindingsPage from '../../../src/ui/case-audits/AuditFindingsPage.svelte';
import { moderationOf } from '../../helpers/audit-workspaces';
import { AUTHOR, makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 20_000 });

const ilacs = shippedFramework('ilacs-2023');
const tool = ilacs.auditTools.find((t) => t.id === 'cl-audit')!;
const [first, second] = tool.domains.filter((d) => d.graded);

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
  const graded = Object.fromEntries(tool.domains.filter((d) => d.graded).map((d) => [d.id, 'good']));
  const repository = auditsRepository(db);
  await repository.saveAudit(
    makeCaseAudit({
      id: 'audit-1',
      toolId: tool.id,
      caseType: 'care-leavers',
      caseReference: 'CL-0007',
      overallGrade: 'good',
      domainGrades: graded,
    }),
    AUTHOR,
  );
  await repository.saveAudit(
    makeCaseAudit({ id: 'audit-2', toolId: tool.id, caseReference: 'CL-0008', overallGrade: 'good' }),
    AUTHOR,
  );
  // The moderator agrees on the overall grade but not on two domains.
  await repository.saveModeration(
    moderationOf('audit-1', {
      overallGrade: 'good',
      moderatedOverallGrade: 'good',
      domainGrades: { ...graded, [first!.id]: 'requires-improvement', [second!.id]: 'inadequate' },
    }),
    AUTHOR,
  );
  await repository.saveModeration(moderationOf('audit-2', { overallGrade: 'requires-improvement' }), AUTHOR);
  await audits.load();
});

describe('the audit findings page', () => {
  it('lists disagreements on domains, naming each domain and both grades', () => {
    render(AuditFindingsPage);
    expect(
      screen.getByRole('heading', { name: 'Where auditor and moderator disagreed (2)' }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: /Where auditor and moderator disagreed/ });
    const item = within(list)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('CL-0007'))!;
    expect(item).toHaveTextContent('the overall grade agreed (Good)');
    expect(item).toHaveTextContent(
      `${first!.title}: auditor Good, moderator Requires improvement to be good.`,
    );
    expect(item).toHaveTextContent(`${second!.title}: auditor Good, moderator Inadequate.`);
    expect(within(list).queryByText('None.')).not.toBeInTheDocument();
  });

  it('says how many more pairs a kappa needs instead of printing a number from two', () => {
    render(AuditFindingsPage);
    const byRound = within(screen.getByRole('table', { name: 'Agreement by round' }));
    const all = within(byRound.getByRole('row', { name: /^All rounds/ }));
    const needed = `${MIN_PAIRS_FOR_KAPPA - 2} more pairs needed`;
    expect(all.getAllByText(needed)).toHaveLength(2);
    expect(byRound.queryByText('0.00')).not.toBeInTheDocument();
  });

  it('shows the most recently moderated disagreements first, and all of them when asked', async () => {
    const db = workbookDatabase();
    const repository = auditsRepository(db);
    // 30 more disagreements, each moderated a day after the one before.
    for (let i = 1; i <= 30; i += 1) {
      const id = `audit-late-${i}`;
      await repository.saveAudit(
        makeCaseAudit({ id, toolId: tool.id, caseReference: `LATE-${i}`, overallGrade: 'good' }),
        AUTHOR,
      );
      const day = String(i).padStart(2, '0');
      await repository.saveModeration(
        moderationOf(id, { overallGrade: 'inadequate', submittedAt: `2026-12-${day}T10:00:00.000Z` }),
        AUTHOR,
      );
    }
    await audits.load();
    render(AuditFindingsPage);
    expect(
      screen.getByRole('heading', { name: 'Where auditor and moderator disagreed (32)' }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: /Where auditor and moderator disagreed/ });
    const shown = () => within(list).getAllByRole('listitem');
    expect(shown()).toHaveLength(25);
    expect(shown()[0]).toHaveTextContent('LATE-30');
    expect(shown()[24]).toHaveTextContent('LATE-6:');
    expect(screen.getByText(/The 25 most recently moderated are shown/)).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Show all 32' }));
    expect(shown()).toHaveLength(32);
    expect(shown().some((li) => li.textContent?.includes('CL-0007'))).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Show the 25 most recent only' }));
    expect(shown()).toHaveLength(25);
  });
});
