/*
 * One figure, one function: the audit subgroup's report prints the figures the Findings page shows,
 * over the same audits — all of them, or the rounds chosen on the page — and both its files carry them.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import * as XLSX from 'xlsx';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRound } from '../../../src/domain/case-audit/records';
import {
  buildSubgroupReport,
  type FindingsScope,
  type SubgroupReport,
} from '../../../src/domain/case-audit/subgroup-report';
import { renderSubgroupWorkbook } from '../../../src/export/xlsx/render-subgroup-workbook';
import { workbookDatabase } from '../../../src/storage/db';
import { auditsRepository } from '../../../src/storage/repositories/audits-repository';
import { audits, frameworkLibrary, settings } from '../../../src/state/services';
import AuditFindingsPage from '../../../src/ui/case-audits/AuditFindingsPage.svelte';
import { exampleCouncilAudits } from '../../helpers/audit-workspaces';
import { AUTHOR } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 30_000 });

const ilacs = shippedFramework('ilacs-2023');

function roundOf(id: string, title: string): AuditRound {
  return {
    id,
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: '2026-06-01T09:00:00.000Z',
    updatedBy: 'Audit lead',
    title,
    frameworkId: ilacs.id,
    frameworkVersion: ilacs.version,
    type: 'routine',
    theme: '',
    periodFrom: '2026-07-01',
    periodTo: '2026-10-31',
    auditors: ['Auditor B'],
    targetCount: 15,
    toolIds: [],
    caseList: [],
  };
}

const ROUNDS = [roundOf('round-a', 'Summer round'), roundOf('round-b', 'Autumn round')];

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
  const repository = auditsRepository(db);
  for (const round of ROUNDS) await repository.saveRound(round, AUTHOR);
  const example = exampleCouncilAudits(ilacs);
  for (const [i, audit] of example.audits.entries()) {
    await repository.saveAudit(
      {
        ...audit,
        roundId: i < 12 ? 'round-a' : 'round-b',
        team: ['North', 'South', 'East'][i % 3]!,
        themes: i % 4 === 0 ? ['Drift', 'voice of the child'] : ['drift'],
      },
      AUTHOR,
    );
  }
  for (const m of example.moderations) await repository.saveModeration(m, AUTHOR);
  await audits.load();
});

/** A figures table on the page as its rows of cell texts, the chart column left out. */
function pageRows(caption: string): string[][] {
  const table = screen.getByRole('table', { name: caption });
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent?.trim() ?? '');
  const chart = headers.indexOf('Chart');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')]
        .map((cell) => cell.textContent?.trim() ?? '')
        .filter((_, i) => i !== chart),
    );
}

function reportRows(report: SubgroupReport, title: string): string[][] {
  const table = report.distributions.find((t) => t.title === title)!;
  expect(table, title).toBeDefined();
  return table.rows.map((r) => [
    r.label,
    String(r.audits),
    ...r.counts.map(String),
    r.share,
    String(r.notCounted),
  ]);
}

function reportOf(scope: FindingsScope): SubgroupReport {
  return buildSubgroupReport({
    framework: ilacs,
    audits: audits.audits,
    moderations: audits.moderations,
    rounds: audits.rounds,
    actions: [],
    settings: settings.settings,
    scope,
    today: '2026-12-01',
  });
}

function expectPageAndReportAgree(report: SubgroupReport) {
  expect(pageRows('Trend by quarter')).toEqual(reportRows(report, 'By quarter'));
  expect(pageRows('By team')).toEqual(reportRows(report, 'By team'));
  const domainCaption = screen
    .getAllByRole('table')
    .map((t) => t.querySelector('caption')?.textContent?.trim() ?? '')
    .find((c) => c === 'By domain')!;
  const toolTitle = ilacs.auditTools.find(
    (t) => t.id === (screen.getByLabelText('Audit tool for the domains') as HTMLSelectElement).value,
  )!.title;
  expect(pageRows(domainCaption)).toEqual(reportRows(report, `By domain: ${toolTitle}`));
  const agreement = within(screen.getByRole('table', { name: 'Agreement by round' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim()));
  const printed = report.agreement.find((t) => t.title === 'Agreement by round')!.rows;
  expect(agreement).toEqual(
    printed.map((r) => [r.label, String(r.pairs), r.exact, r.withinOne, r.kappa, r.weightedKappa]),
  );
  const themes = within(screen.getByRole('table', { name: /Themes tagged/ }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('td')].map((c) => c.textContent?.trim()));
  expect(themes).toEqual(report.themes.map((t) => [t.theme, String(t.count)]));
}

describe('the audit subgroup report', () => {
  it('prints the figures the Findings page shows for all audits', () => {
    render(AuditFindingsPage);
    const report = reportOf({ kind: 'all' });
    expect(report.counts.completed).toBe(30);
    expectPageAndReportAgree(report);
  });

  it('covers only the rounds chosen on the page, as the page then does', async () => {
    render(AuditFindingsPage);
    await fireEvent.click(screen.getByLabelText('Chosen rounds'));
    await fireEvent.click(screen.getByLabelText('Summer round'));
    const report = reportOf({ kind: 'rounds', roundIds: ['round-a'] });
    expect(report.counts.inScope).toBe(12);
    expect(report.scope).toBe('Round: Summer round');
    expectPageAndReportAgree(report);
    expect(pageRows('Trend by quarter')).not.toEqual(reportRows(reportOf({ kind: 'all' }), 'By quarter'));
  });

  it('covers a period typed in GOV.UK date inputs, as the report does', async () => {
    render(AuditFindingsPage);
    const dates = audits.audits.map((a) => a.auditDate).sort();
    const middle = dates[Math.floor(dates.length / 2)]!;
    await fireEvent.click(screen.getByLabelText('Audits dated in a period'));
    const from = within(screen.getByRole('group', { name: 'From' }));
    const [year, month, day] = middle.split('-');
    await fireEvent.input(from.getByLabelText('Day'), { target: { value: String(Number(day)) } });
    await fireEvent.input(from.getByLabelText('Month'), { target: { value: String(Number(month)) } });
    await fireEvent.input(from.getByLabelText('Year'), { target: { value: year } });
    const report = reportOf({ kind: 'period', from: middle, to: '' });
    expect(report.counts.inScope).toBeGreaterThan(0);
    expect(report.counts.inScope).toBeLessThan(audits.audits.length);
    expectPageAndReportAgree(report);
  });

  it('writes the same figures into its workbook, one table per sheet', () => {
    const report = reportOf({ kind: 'all' });
    const book = XLSX.read(renderSubgroupWorkbook(report), { type: 'array' });
    expect(book.SheetNames).toEqual([
      'Summary',
      'Good or better',
      'Moderation agreement',
      'Moderations',
      'Recurring themes',
      'Escalations',
      'Audit actions',
      'Improvement actions',
    ]);
    const rows = XLSX.utils.sheet_to_json<Record<string, string | number>>(book.Sheets['Good or better']!);
    const byTeam = rows.filter((r) => r['Breakdown'] === 'By team');
    expect(byTeam.map((r) => [r['Group'], r['Audits'], r['Per cent good or better']])).toEqual(
      report.distributions
        .find((t) => t.title === 'By team')!
        .rows.map((r) => [r.label, r.audits, r.percent ?? undefined]),
    );
    const themes = XLSX.utils.sheet_to_json<Record<string, string | number>>(
      book.Sheets['Recurring themes']!,
    );
    expect(themes).toEqual([
      { Theme: 'drift', Audits: 30 },
      { Theme: 'voice of the child', Audits: 8 },
    ]);
  });
});
