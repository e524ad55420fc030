// @vitest-environment node
/*
 * The audit subgroup's report as a PDF, read back with poppler: the protective marking on every page,
 * every section with the report's own figures, escalations with their responses, and sentences rather
 * than empty tables when there is nothing to show.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSubgroupReport, type SubgroupReportInput } from '../../src/domain/case-audit/subgroup-report';
import { renderSubgroupReportPdf } from '../../src/export/pdf/render-subgroup-report';
import { exampleCouncilAudits } from '../helpers/audit-workspaces';
import { makeAction } from '../helpers/builders';
import { shippedFramework } from '../helpers/frameworks';

const fonts = {
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
const OUT = 'test-results/exports';
const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function inputOf(overrides: Partial<SubgroupReportInput> = {}): SubgroupReportInput {
  const ilacs = shippedFramework('ilacs-2023');
  const { audits, moderations } = exampleCouncilAudits(ilacs);
  audits[3] = {
    ...audits[3]!,
    themes: ['drift'],
    practitionerActions: '- Update the plan\n- Visit within ten working days',
    escalation: {
      raisedAt: '2026-09-15T10:00:00.000Z',
      raisedBy: 'Auditor B',
      concern: 'Sibling not seen for six weeks.',
      log: [
        {
          at: '2026-09-15T12:00:00.000Z',
          by: 'Auditor B',
          toldWho: 'Team manager',
          action: 'Visit arranged; the child was seen and is safe.',
        },
      ],
      closedAt: '2026-09-17T09:00:00.000Z',
    },
  };
  return {
    framework: ilacs,
    audits,
    moderations,
    rounds: [],
    actions: [
      makeAction({ title: 'Re-audit drift cases', auditIds: [audits[3]!.id], dueDate: '2027-01-31' }),
    ],
    settings: {
      councilName: 'Example Borough Council',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      userName: '',
    },
    scope: { kind: 'all' },
    today: '2026-12-01',
    ...overrides,
  };
}

function pagesOf(name: string, bytes: Uint8Array, mode: 'flow' | 'layout' = 'flow'): string[] {
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/${name}.pdf`;
  writeFileSync(path, bytes);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync(
      'pdftotext',
      [...(mode === 'layout' ? ['-layout'] : []), '-f', String(i + 1), '-l', String(i + 1), path, '-'],
      {
        encoding: 'utf8',
      },
    )
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe.runIf(hasPoppler)('the audit subgroup report as a PDF', () => {
  it('prints the marking on every page and every section with the report’s figures', () => {
    const report = buildSubgroupReport(inputOf());
    const bytes = renderSubgroupReportPdf(report, fonts);
    const pages = pagesOf('subgroup-report', bytes);
    const layout = pagesOf('subgroup-report', bytes, 'layout').join(' ');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('OFFICIAL-SENSITIVE');
    const text = pages.join(' ');
    for (const heading of [
      'Good or better',
      'By quarter',
      'By case type',
      'By team',
      'Moderation agreement',
      'Moderations that stand',
      'Recurring themes',
      'Safeguarding escalations and responses',
      'Actions arising',
    ])
      expect(text).toContain(heading);
    // Rows whose label fits on one line read back as one line of the layout.
    const rows = report.distributions.find((t) => t.title === 'By case type')!.rows;
    expect(rows.filter((r) => r.label.length < 18).length).toBeGreaterThan(1);
    for (const row of rows.filter((r) => r.label.length < 18))
      expect(layout).toContain(
        `${row.label} ${row.audits} ${row.counts.join(' ')} ${row.share} (${row.goodOrBetter})`,
      );
    expect(text).toContain('told Team manager. Visit arranged; the child was seen and is safe.');
    expect(text).toContain('Closed 17/09/2026');
    expect(text).toContain('• Update the plan');
    expect(text).toContain('Re-audit drift cases');
    expect(text).toMatch(/\d+ more pairs needed/);
  });

  it('says in a sentence when there is nothing to show', () => {
    const report = buildSubgroupReport(inputOf({ scope: { kind: 'period', from: '2030-01-01', to: '' } }));
    const [page, ...rest] = pagesOf('subgroup-report-empty', renderSubgroupReportPdf(report, fonts));
    expect(rest).toEqual([]);
    expect(page).toContain('Audits dated from 01/01/2030');
    expect(page).toContain('No completed audits in scope yet, so there are no figures to show.');
    expect(page).toContain('No moderated audits in scope yet.');
    expect(page).toContain('No safeguarding concern was escalated from the audits in scope.');
  });
});
