/*
 * The inspectors' sample on the rehearsal page: a case the imported case list says was audited
 * recently shows that date, as the round sampler would read it, not "Never audited".
 */
import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRound } from '../../../src/domain/case-audit/records';
import { formatDate } from '../../../src/domain/format/dates';
import { workbookDatabase } from '../../../src/storage/db';
import { auditsRepository } from '../../../src/storage/repositories/audits-repository';
import { audits, frameworkLibrary, settings, today } from '../../../src/state/services';
import InspectorsSample from '../../../src/ui/rehearsal/InspectorsSample.svelte';
import { AUTHOR, makeRehearsal } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 20_000 });
const ilacs = shippedFramework('ilacs-2023');

/** yyyy-mm-dd, `days` before the app's today. */
function daysAgo(days: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  Object.defineProperty(frameworkLibrary, 'entries', { value: [{ framework: ilacs }], configurable: true });
  const round: AuditRound = {
    id: 'round-1',
    createdAt: AUTHOR.now,
    updatedAt: AUTHOR.now,
    updatedBy: AUTHOR.by,
    title: 'Spring audits',
    frameworkId: ilacs.id,
    frameworkVersion: ilacs.version,
    type: 'routine',
    theme: '',
    periodFrom: daysAgo(90),
    periodTo: daysAgo(1),
    auditors: [],
    targetCount: 2,
    toolIds: [],
    caseList: [
      {
        caseReference: 'EX-0101',
        caseType: 'children-in-care',
        team: 'CIC',
        worker: '',
        lastAuditedDate: daysAgo(60),
      },
      { caseReference: 'EX-0102', caseType: 'care-leavers', team: 'Leaving care', worker: '' },
    ],
  };
  await auditsRepository(db).saveRound(round, AUTHOR);
  await audits.load();
});

describe("the inspectors' sample", () => {
  it('shows a case audited two months ago by the case list as audited then, and a case never audited as such', () => {
    const rehearsal = makeRehearsal({
      sample: {
        seed: 1,
        perCohort: 1,
        drawnAt: `${today()}T09:00:00.000Z`,
        cases: [
          {
            caseReference: 'EX-0101',
            cohort: 'children-in-care',
            caseType: 'children-in-care',
            team: 'CIC',
            worker: '',
          },
          {
            caseReference: 'EX-0102',
            cohort: 'care-leavers',
            caseType: 'care-leavers',
            team: 'Leaving care',
            worker: '',
          },
        ],
      },
    });
    render(InspectorsSample, { rehearsal, disabled: false });
    const table = within(screen.getByRole('table', { name: 'The inspectors’ sample' }));
    const audited = within(table.getByRole('row', { name: /EX-0101/ }));
    expect(audited.getByText(formatDate(daysAgo(60)), { exact: false })).toBeInTheDocument();
    expect(audited.getByText('(from the case list)')).toBeInTheDocument();
    expect(audited.queryByText('Never audited')).not.toBeInTheDocument();
    expect(audited.queryByText('Not recent')).not.toBeInTheDocument();
    expect(
      within(table.getByRole('row', { name: /EX-0102/ })).getByText('Never audited'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 not audited in the last 12 months');
  });
});
