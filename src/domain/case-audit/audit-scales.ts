/*
 * Audits are only added up with audits graded on the same scale: a section 11 return graded "met" and
 * a case audit graded "good" cannot share a distribution. The findings page works on one scale at a
 * time, the one most of the audits use unless the user picks another.
 */
import type { Framework, Scale } from '../framework/types';
import type { CaseAudit } from './records';

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
