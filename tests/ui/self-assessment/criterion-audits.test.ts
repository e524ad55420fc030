/*
 * "What the audits found" on a criterion page counts the audits the PDF and workbook count for that
 * criterion: the example council's round, each audit once.
 */
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { buildReport } from '../../../src/domain/report/build-report';
import { workbookDatabase } from '../../../src/storage/db';
import { auditsRepository } from '../../../src/storage/repositories/audits-repository';
import { audits } from '../../../src/state/services';
import CriterionAudits from '../../../src/ui/self-assessment/CriterionAudits.svelte';
import { exampleCouncilAudits } from '../../helpers/audit-workspaces';
import { AUTHOR, makeCaseAudit } from '../../helpers/builders';
import { demoReportInput } from '../../helpers/demo-report';
import { shippedFramework } from '../../helpers/frameworks';

vi.setConfig({ testTimeout: 20_000 });
const ilacs = shippedFramework('ilacs-2023');

describe('what the audits found, on a criterion page', () => {
  it('gives the figure the PDF and workbook print for the criterion', async () => {
    const example = exampleCouncilAudits(ilacs);
    const db = workbookDatabase();
    await db.delete();
    await db.open();
    const repository = auditsRepository(db);
    for (const audit of example.audits) await repository.saveAudit(audit, AUTHOR);
    for (const moderation of example.moderations) await repository.saveModeration(moderation, AUTHOR);
    await audits.load();
    const report = buildReport({ ...demoReportInput(example.audits), moderations: example.moderations });

    for (const id of ['hp-plans-and-reviews', 'lead-workforce']) {
      const criterion = ilacs.criteria.find((c) => c.id === id)!;
      const printed = report.judgements.flatMap((j) => j.criteria).find((c) => c.ref === criterion.ref)!;
      const [, percent, good, n] = /^(\d+%) good or better \((\d+) of (\d+) audits\)$/.exec(
        printed.auditSummary,
      )!;
      const { unmount } = render(CriterionAudits, { framework: ilacs, criterion });
      expect(
        screen.getByText(`${n} completed audits ask about this criterion.`, { exact: false }),
      ).toBeInTheDocument();
      expect(screen.getByText(`${percent} good or better`)).toBeInTheDocument();
      expect(screen.getByText(`(${good} of ${n}`, { exact: false })).toBeInTheDocument();
      expect(Number(n)).toBeLessThanOrEqual(example.audits.length);
      unmount();
    }
  });

  it('counts a Signs of Safety audit by its own 0 to 10 threshold beside four-point audits', async () => {
    const db = workbookDatabase();
    await db.delete();
    await db.open();
    const repository = auditsRepository(db);
    const sos = ilacs.auditTools.find((t) => t.id === 'sos-audit')!;
    const scaled = (id: string, number: number) =>
      makeCaseAudit({
        id,
        toolId: sos.id,
        caseReference: id.toUpperCase(),
        domainGrades: { worries: `scaled-${number}` },
        criterionIds: ['hp-assessment'],
      });
    const fourPoint = makeCaseAudit({
      id: 'cin-1',
      caseReference: 'CIN-1',
      domainGrades: { assessment: 'good' },
      criterionIds: ['hp-assessment'],
    });
    for (const audit of [scaled('sos-1', 7), scaled('sos-2', 5), fourPoint])
      await repository.saveAudit(audit, AUTHOR);
    await audits.load();
    const criterion = ilacs.criteria.find((c) => c.id === 'hp-assessment')!;
    render(CriterionAudits, { framework: ilacs, criterion });

    expect(screen.getByText('67% good or better')).toBeInTheDocument();
    expect(screen.getByText('(2 of 3', { exact: false })).toBeInTheDocument();
    expect(
      screen.getByText('Signs of Safety scaling (0 to 10): 1 of 2 graded at 7 or above'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Ofsted four-point grading scale (ILACS wording): 1 of 1 graded at good or better'),
    ).toBeInTheDocument();
    expect(screen.getByText(/: 7 out of 10$/)).toBeInTheDocument();
    expect(screen.getByText(/: Good$/)).toBeInTheDocument();
  });
});
