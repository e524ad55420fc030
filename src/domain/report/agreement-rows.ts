/*
 * Moderation agreement for the PDF and the workbook: auditor against moderator on the overall grade and
 * on each graded domain, in words. Kappa goes through describeKappa, as on the findings page, so no
 * export prints a kappa from too few pairs to mean anything.
 */
import { describeAgreementShare, describeKappa, type Agreement } from '../case-audit/agreement';
import { computeDomainAgreement, computeOverallAgreement } from '../case-audit/moderation-agreement';
import type { CaseAudit, Moderation } from '../case-audit/records';
import { findScale } from '../framework/lookup';
import type { Framework } from '../framework/types';
import type { AgreementRow } from './report-model';

export function buildAgreementRows(
  framework: Framework,
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[],
): AgreementRow[] {
  const scale = framework.scales.find((s) => s.kind === 'ordinal') ?? framework.scales[0];
  if (!scale) return [];
  const overall = computeOverallAgreement(audits, moderations, scale);
  if (overall.n + overall.excluded === 0) return [];
  const domains = framework.auditTools.flatMap((tool) => {
    const toolScale = findScale(framework, tool.scaleId) ?? scale;
    return computeDomainAgreement(tool, audits, moderations, toolScale)
      .filter((row) => row.agreement.n > 0)
      .map((row) =>
        rowOf(
          `${tool.title} › ${tool.domains.find((d) => d.id === row.key)?.title ?? row.key}`,
          row.agreement,
        ),
      );
  });
  return [rowOf('Overall grade', overall), ...domains];
}

function rowOf(compared: string, a: Agreement): AgreementRow {
  return {
    compared,
    pairs: a.n,
    exact: describeAgreementShare(a, 'exact'),
    withinOne: describeAgreementShare(a, 'withinOne'),
    kappa: describeKappa(a, 'kappa'),
    weightedKappa: describeKappa(a, 'weightedKappa'),
  };
}
