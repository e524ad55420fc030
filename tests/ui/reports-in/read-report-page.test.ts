import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReadReport, ReportText } from '../../../src/domain/inspection-report/types';
import { workbookDatabase } from '../../../src/storage/db';
import { lastInspectionRepository } from '../../../src/storage/repositories/last-inspection-repository';
import { frameworkLibrary, lastInspection, registers, settings } from '../../../src/state/services';
import ReadReportPage from '../../../src/ui/reports-in/ReadReportPage.svelte';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const line = (page: number, n: number, text: string) => ({ page, line: n, text, x: 56, y: n * 15, size: 11 });
const text: ReportText = {
  pageCount: 2,
  lines: [
    line(1, 1, 'Northby Borough Council'),
    line(1, 2, 'Inspection dates: 3 to 14 June 2024'),
    line(1, 3, 'Overall effectiveness Good'),
    line(2, 1, '1. Act on the first priority.'),
    line(2, 2, '1. Improve the first thing for care leavers.'),
    line(2, 3, '2. Improve the second thing.'),
  ],
};
const at = (page: number, n: number) => [{ page, line: n }];
const report: ReadReport = {
  kind: 'ilacs-report',
  kindFrom: at(1, 1),
  council: { name: 'Northby Borough Council', from: at(1, 1) },
  fieldwork: { start: '2024-06-03', end: '2024-06-14', from: at(1, 2) },
  framework: { id: 'ilacs-2023', version: 1, title: 'ILACS 2023' },
  judgements: [
    {
      name: 'Overall effectiveness',
      grade: 'Good',
      judgementId: 'overall-effectiveness',
      levelId: 'good',
      from: at(1, 3),
    },
  ],
  items: [
    {
      list: 'priority-action',
      number: 1,
      numberedByReport: true,
      text: 'Act on the first priority.',
      from: at(2, 1),
    },
    {
      list: 'improve',
      number: 1,
      numberedByReport: true,
      text: 'Improve the first thing for care leavers.',
      from: at(2, 2),
    },
    { list: 'improve', number: 2, numberedByReport: true, text: 'Improve the second thing.', from: at(2, 3) },
  ],
  areasLookedAt: [],
  findings: [],
  warnings: [],
};

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Rita Reader' });
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
  await registers.load();
  await lastInspection.load();
});

function stubRead(result: Awaited<ReturnType<typeof lastInspection.readReport>>) {
  Object.assign(lastInspection, { readReport: async () => result });
}

describe('reading a report into the tracker', { timeout: 30_000 }, () => {
  it('shows each finding beside its page text, and adds only what is ticked when confirmed', async () => {
    stubRead({ ok: true, report, text });
    const user = userEvent.setup();
    render(ReadReportPage);
    await user.upload(screen.getByLabelText('Upload a report or letter'), new File(['%PDF-'], 'northby.pdf'));
    await screen.findByRole('heading', { name: 'What was read from northby.pdf' }, { timeout: 10_000 });
    expect(screen.getByText('Read from Page 2, line 2')).toBeInTheDocument();
    expect(registers.recommendations).toEqual([]);

    await user.click(screen.getByLabelText(/^R2:/));
    await user.click(screen.getByRole('button', { name: 'Add to the tracker' }));
    await screen.findByText(
      /Added 2 recommendations, 1 draft action and the grades as the last inspection/,
      {},
      { timeout: 10_000 },
    );

    expect(
      registers.recommendations.map((r) => [r.reference, r.priorityAction, r.date, r.judgementIds]),
    ).toEqual([
      ['PA1', true, '2024-06-14', []],
      ['R1', false, '2024-06-14', ['care-leavers']],
    ]);
    const [action] = registers.actions;
    expect(action?.recommendationIds).toEqual([registers.recommendations[0]!.id]);
    const stored = await lastInspectionRepository(workbookDatabase()).getLastInspection();
    expect(stored).toMatchObject({
      councilName: 'Northby Borough Council',
      frameworkId: 'ilacs-2023',
      recordedBy: 'Rita Reader',
      fileName: 'northby.pdf',
      grades: [
        {
          name: 'Overall effectiveness',
          grade: 'Good',
          judgementId: 'overall-effectiveness',
          levelId: 'good',
        },
      ],
    });
  });

  it('asks for at least one tick, and cancelling adds nothing', async () => {
    stubRead({ ok: true, report: { ...report, judgements: [] }, text });
    const user = userEvent.setup();
    render(ReadReportPage);
    await user.upload(screen.getByLabelText('Upload a report or letter'), new File(['%PDF-'], 'northby.pdf'));
    await screen.findByRole('heading', { name: 'What was read from northby.pdf' }, { timeout: 10_000 });
    for (const box of screen.getAllByRole('checkbox'))
      if ((box as HTMLInputElement).checked) await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Add to the tracker' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Tick at least one thing to add');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(registers.recommendations).toEqual([]);
    expect(lastInspection.lastInspection).toBeUndefined();
  });

  it('a refused file shows what is wrong and changes nothing', async () => {
    stubRead({
      ok: false,
      messages: [{ severity: 'error', location: 'The file', text: 'is protected by a password.' }],
    });
    const user = userEvent.setup();
    render(ReadReportPage);
    await user.upload(screen.getByLabelText('Upload a report or letter'), new File(['%PDF-'], 'locked.pdf'));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(within(summary).getByText(/protected by a password/)).toBeInTheDocument());
    expect(screen.getByText(/Nothing was added/)).toBeInTheDocument();
    expect(registers.recommendations).toEqual([]);
  });
});
