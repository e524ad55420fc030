import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditRound } from '../../../src/domain/case-audit/records';
import { readCaseListCsv } from '../../../src/import/case-list/read-case-list';
import { workbookDatabase } from '../../../src/storage/db';
import { audits, settings } from '../../../src/state/services';
import CaseListImport from '../../../src/ui/case-audits/CaseListImport.svelte';

const round: AuditRound = {
  id: 'round-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'Audit Lead',
  title: 'Quarter 1',
  frameworkId: 'ilacs-2023',
  frameworkVersion: 1,
  type: 'themed',
  theme: '',
  periodFrom: '2026-01-01',
  periodTo: '2026-03-31',
  auditors: [],
  targetCount: 4,
  toolIds: [],
  caseList: [],
};

const csv = (text: string) => new File([text], 'cases.csv', { type: 'text/csv' });
const HEADER = 'Case ref,Case type,Team,Social worker\n';

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await audits.load();
});

async function choose(text: string) {
  const user = userEvent.setup();
  render(CaseListImport, { round });
  await user.upload(screen.getByLabelText(/Choose a case list/), csv(text));
  return user;
}

describe('case list import: read, preview, then confirm', () => {
  it('shows the chosen columns and the first 10 rows, and saves nothing until confirmed', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `CIN-${i + 1},CP,North,W${i + 1}`).join('\n');
    const user = await choose(`${HEADER}${rows}\n`);
    const table = await screen.findByRole('table');
    expect(
      within(table).getByRole('columnheader', { name: /case reference\s*from column “Case ref”/ }),
    ).toBeTruthy();
    expect(
      within(table).getByRole('columnheader', { name: /worker\s*from column “Social worker”/ }),
    ).toBeTruthy();
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(audits.rounds.find((r) => r.id === 'round-1')?.caseList ?? []).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Import 12 cases' }));
    await waitFor(() => expect(audits.rounds.find((r) => r.id === 'round-1')?.caseList).toHaveLength(12));
    expect((await screen.findByRole('status')).textContent).toContain('12 cases imported from cases.csv');
  });

  it('lists bad rows with their messages and imports the rest, naming the rows left out', async () => {
    const user = await choose(`${HEADER}CIN-1,CP,North,W1\n=1+1,CP,North,W2\nCIN-3,CP,North,W3\n`);
    const bad = await screen.findByRole('list', { name: 'Rows that will not be imported' });
    expect(bad.textContent).toContain('Row 3, case reference');
    await user.click(screen.getByRole('button', { name: 'Import 2 cases' }));
    await waitFor(() =>
      expect(audits.rounds.find((r) => r.id === 'round-1')?.caseList.map((e) => e.caseReference)).toEqual([
        'CIN-1',
        'CIN-3',
      ]),
    );
    expect((await screen.findByRole('status')).textContent).toContain('Row 3 was left out.');
  });

  it('cancel saves nothing', async () => {
    const user = await choose(`${HEADER}CIN-1,CP,North,W1\n`);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Nothing was imported');
    expect(audits.rounds.find((r) => r.id === 'round-1')).toBeUndefined();
  });

  it('a file refused as a whole shows the problem and no preview', async () => {
    await choose('Case reference,Pseudonymised reference,Case type,Team,Worker\nA,B,CP,N,W\n');
    expect((await screen.findByRole('alert')).textContent).toContain(
      '“Case reference” and “Pseudonymised reference”',
    );
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('links a template that the import reads cleanly, with every column it knows', () => {
    render(CaseListImport, { round });
    expect(screen.getByRole('link', { name: /Download a case list template/ }).getAttribute('href')).toBe(
      './templates/case-list-template.csv',
    );
    const result = readCaseListCsv(new Uint8Array(readFileSync('public/templates/case-list-template.csv')));
    if (!result.ok) throw new Error(JSON.stringify(result.messages));
    expect(result.warnings).toEqual([]);
    expect(result.columns.map((c) => c.field)).toEqual([
      'caseReference',
      'caseType',
      'team',
      'worker',
      'startDate',
      'lastAuditedDate',
    ]);
    expect(result.entries[0]!.caseType).toBe('child-in-need-child-protection');
  });
});
