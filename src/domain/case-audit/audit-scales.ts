/*
 * Audits are only added up with audits graded on the same scale: a section 11 return graded "met" and
 * a case audit graded "good" cannot share a distribution. The findings page works on one scale at a
 * time, the one most of the audits use unless the user picks another. A share good or better may span
 * scales, since each audit is first judged on its own scale's threshold: the figures here add such
 * per-scale figures up, keeping each scale's grades apart.
 */
import { findScale } from '../framework/lookup';
import type { Framework, Scale } from '../framework/types';
import { computeDistributions, distributionOf, type Dimension, type Distribution } from './findings';
import type { CaseAudit, Moderation } from './records';

export interface ScaleInUse {
  scale: Scale;
  /** How many of the audits are graded on it. */
  audits: number;
}

/** The framework's scales that its audits' tools grade on, most used first (then in framework order). */
export function scalesInUse(framework: Framework, audits: readonly CaseAudit[]): ScaleInUse[] {
  const scaleOfTool = toolScales(framework);
  const counts = new Map<string, number>();
  for (const audit of audits) {
    const scaleId = audit.frameworkId === framework.id ? scaleOfTool.get(audit.toolId) : undefined;
    if (scaleId) counts.set(scaleId, (counts.get(scaleId) ?? 0) + 1);
  }
  return framework.scales
    .filter((s) => counts.has(s.id))
    .map((scale) => ({ scale, audits: counts.get(scale.id)! }))
    .sort((a, b) => b.audits - a.audits);
}

/** The audits of the framework whose tool grades on `scaleId`. */
export function auditsOnScale(
  framework: Framework,
  audits: readonly CaseAudit[],
  scaleId: string,
): CaseAudit[] {
  const scaleOfTool = toolScales(framework);
  return audits.filter((a) => a.frameworkId === framework.id && scaleOfTool.get(a.toolId) === scaleId);
}

function toolScales(framework: Framework): Map<string, string> {
  return new Map(framework.auditTools.map((t) => [t.id, t.scaleId]));
}

/** One scale's share of a figure over audits graded on several scales. */
export interface ScaleFigure extends Distribution {
  scale: Scale;
}

/**
 * A figure over audits on several scales, each audit counted by its own scale's threshold: n,
 * notCounted and goodOrBetter are the sums over byScale; `counts` are by level of `primary` only.
 */
export interface MixedDistribution extends Distribution {
  byScale: ScaleFigure[];
}

/**
 * Adds up per-scale figures. Not counted: `unscaled` audits (no scale to read their grade on), and
 * grades on a scale without a threshold.
 */
export function combineScaleFigures(
  key: string,
  primary: Scale | undefined,
  byScale: ScaleFigure[],
  unscaled = 0,
): MixedDistribution {
  const sum = (of: (f: ScaleFigure) => number) => byScale.reduce((total, f) => total + of(f), 0);
  // A scale that states no threshold has no "good or better": its grades stay out of the share.
  const hasThreshold = (f: ScaleFigure) => f.scale.goodOrBetterMinRank !== undefined;
  const n = sum((f) => (hasThreshold(f) ? f.n : 0));
  const goodOrBetter = sum((f) => f.goodOrBetter);
  const onPrimary = byScale.find((f) => f.scale === primary);
  return {
    key,
    n,
    notCounted: sum((f) => f.notCounted + (hasThreshold(f) ? 0 : f.n)) + unscaled,
    counts: primary ? (onPrimary?.counts ?? distributionOf(key, [], primary).counts) : {},
    goodOrBetter,
    share: n ? goodOrBetter / n : null,
    byScale,
  };
}

/**
 * computeDistributions with each audit on its own tool's scale (`fallback` for a tool the framework
 * lacks), so a 0 to 10 audit counts at its threshold beside four-point audits at good.
 */
export function computeDistributionsOnOwnScales(input: {
  framework: Framework;
  audits: readonly CaseAudit[];
  moderations?: readonly Moderation[];
  fallback: Scale;
  dimension: Dimension;
}): MixedDistribution[] {
  const { framework, fallback } = input;
  const scaleOfTool = new Map(framework.auditTools.map((t) => [t.id, findScale(framework, t.scaleId)]));
  const groups = new Map<Scale, CaseAudit[]>();
  for (const audit of input.audits) {
    const scale = scaleOfTool.get(audit.toolId) ?? fallback;
    const group = groups.get(scale);
    if (group) group.push(audit);
    else groups.set(scale, [audit]);
  }
  const byKey = new Map<string, ScaleFigure[]>();
  for (const scale of orderedScales(framework, groups, fallback)) {
    const rows = computeDistributions({
      audits: groups.get(scale)!,
      moderations: input.moderations,
      scale,
      dimension: input.dimension,
    });
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), { ...row, scale }]);
  }
  return [...byKey.entries()]
    .map(([key, figures]) => combineScaleFigures(key, fallback, figures))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The scales that hold audits, the framework's order, with a fallback not in the framework last. */
function orderedScales(framework: Framework, groups: Map<Scale, unknown>, fallback: Scale): Scale[] {
  const known = framework.scales.filter((s) => groups.has(s));
  return groups.has(fallback) && !known.includes(fallback) ? [...known, fallback] : known;
}
