/*
 * Everything the Findings page shows, worked out in one place from the audits, the moderations and the
 * reader's choices (scope, scale, breakdown, tool): the same functions the subgroup report uses, over
 * the same audits (findingsAudits), so page and paper agree. The state layer keeps the last views per
 * change of the audits or moderations, so the page draws them without working them out again.
 */
import { findScale } from '../framework/lookup';
import type { AuditTool, Framework, Scale } from '../framework/types';
import { scalesInUse, type ScaleInUse } from './audit-scales';
import {
  computeDistributions,
  computeDomainDistributions,
  countThemes,
  standingModerations,
  type Dimension,
  type Distribution,
} from './findings';
import {
  computeAgreementBy,
  computeDomainAgreement,
  listDisagreements,
  type AgreementRow,
  type Disagreement,
} from './moderation-agreement';
import type { CaseAudit, Moderation } from './records';
import { findingsAudits, reportScale, type FindingsScope } from './subgroup-report';

/** The reader's choices on the page. */
export interface FindingsChoices {
  scope: FindingsScope;
  /** The scale asked for; the most used one when absent or not in use. */
  scaleId?: string;
  dimension: Exclude<Dimension, 'quarter'>;
  /** The tool whose domains are shown; a tool on the scale that the audits use when absent. */
  toolId?: string;
}

/** What the page shows first: every audit, broken down by team, on the most used scale and its tool. */
export const FIRST_CHOICES: FindingsChoices = { scope: { kind: 'all' }, dimension: 'team' };

export interface FindingsView {
  /** The scales the audits in scope are graded on, most used first. */
  scales: ScaleInUse[];
  scale: Scale;
  toolsOnScale: AuditTool[];
  tool: AuditTool | undefined;
  toolScale: Scale;
  /** The audits every figure counts: in scope and on the scale. */
  audits: CaseAudit[];
  byQuarter: Distribution[];
  byDimension: Distribution[];
  byDomain: Distribution[];
  themes: { theme: string; count: number }[];
  agreementByRound: AgreementRow[];
  agreementByAuditor: AgreementRow[];
  agreementByDomain: AgreementRow[];
  /** The most recently moderated first. */
  disagreements: Disagreement[];
}

/** The page's figures, or undefined when there is no scale to add audits up on. */
export function computeFindingsView(
  framework: Framework,
  allAudits: readonly CaseAudit[],
  moderations: readonly Moderation[],
  choices: FindingsChoices,
): FindingsView | undefined {
  const inScope = findingsAudits(framework, allAudits, choices.scope);
  const scales = scalesInUse(framework, inScope);
  const chosen = scales.some((s) => s.scale.id === choices.scaleId) ? choices.scaleId : undefined;
  const scale = reportScale(framework, inScope, chosen);
  if (!scale) return undefined;
  const toolsOnScale = framework.auditTools.filter((t) => t.scaleId === scale.id);
  const onScale = (toolId: string | undefined) => toolsOnScale.find((t) => t.id === toolId);
  // None chosen (or not on this scale): the tool of the first audit in scope graded on the scale.
  const tool =
    onScale(choices.toolId) ?? onScale(inScope.find((a) => onScale(a.toolId))?.toolId) ?? toolsOnScale[0];
  const toolScale = (tool ? findScale(framework, tool.scaleId) : undefined) ?? scale;
  const audits = findingsAudits(framework, allAudits, choices.scope, scale.id);
  const standing = standingModerations(moderations);
  return {
    scales,
    scale,
    toolsOnScale,
    tool,
    toolScale,
    audits,
    byQuarter: computeDistributions({ audits, standing, scale, dimension: 'quarter' }),
    byDimension: computeDistributions({ audits, standing, scale, dimension: choices.dimension }),
    byDomain: tool ? computeDomainDistributions(audits, tool, toolScale, moderations, standing) : [],
    themes: countThemes(audits),
    agreementByRound: computeAgreementBy('round', audits, moderations, scale),
    agreementByAuditor: computeAgreementBy('auditor', audits, moderations, scale),
    agreementByDomain: tool ? computeDomainAgreement(tool, audits, moderations, scale) : [],
    disagreements: listDisagreements(audits, moderations).sort((a, b) =>
      (b.moderation.submittedAt ?? '').localeCompare(a.moderation.submittedAt ?? ''),
    ),
  };
}
