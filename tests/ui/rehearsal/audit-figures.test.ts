/*
 * The rehearsal page shows the audit figures the PDF prints: the "Audits good or better (n = …)"
 * column and "What audits found" come from the audits behind each judgement, each audit once.
 */
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/domain/report/build-report';
import { computeReadiness } from '../../../src/domain/rehearsal/readiness';
import ReadinessByJudgement from '../../../src/ui/rehearsal/ReadinessByJudgement.svelte';
import { exampleCouncilAudits } from '../../helpers/audit-workspaces';
import { demoReportInput } from '../../helpers/demo-report';
import { shippedFramework } from '../../helpers/frameworks';

describe('readiness at a glance on the example council', () => {
  it('shows each judgement’s audits as the PDF counts them, never more than were completed', () => {
    const { audits, moderations } = exampleCouncilAudits(shippedFramework('ilacs-2023'));
    const input = { ...demoReportInput(audits), moderations };
    const report = buildReport(input);
    const rows = computeReadiness({ ...input, indicators: input.indicators ?? [] });
    render(ReadinessByJudgement, { cycleId: input.bundle.cycle.id, rows });

    const glance = within(screen.getByRole('table', { name: 'At a glance' }));
    for (const section of report.judgements) {
      const row = within(glance.getByRole('row', { name: new RegExp(`^${section.title}`) }));
      const findings = section.auditFindings;
      if (!findings || findings.graded === 0) {
        expect(row.getAllByRole('cell')[2]).toHaveTextContent('–');
        continue;
      }
      expect(findings.graded).toBeLessThanOrEqual(32);
      expect(row.getByText(`${findings.percentGoodOrBetter}% (n = ${findings.graded})`)).toBeInTheDocument();
      const details = within(screen.getByRole('region', { name: section.title }));
      expect(
        details.getByText(
          `${findings.percentGoodOrBetter}% good or better (${findings.goodOrBetter} of ${findings.graded} graded)`,
        ),
      ).toBeInTheDocument();
    }
  });
});
