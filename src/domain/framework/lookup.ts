/*
 * Read-only look-ups over a validated Framework: scales, levels, judgements and criteria by id.
 * Callers get undefined for unknown ids rather than an exception; a validated framework has none.
 */
import type { Criterion, Framework, FrameworkSubject, Judgement, Scale, ScaleLevel } from './types';

export function findJudgement(framework: Framework, judgementId: string): Judgement | undefined {
  return framework.judgements.find((j) => j.id === judgementId);
}

export function findScale(framework: Framework, scaleId: string): Scale | undefined {
  return framework.scales.find((s) => s.id === scaleId);
}

export function scaleOfJudgement(framework: Framework, judgementId: string): Scale | undefined {
  const judgement = findJudgement(framework, judgementId);
  return judgement ? findScale(framework, judgement.scaleId) : undefined;
}

export function findLevel(scale: Scale | undefined, levelId: string | undefined): ScaleLevel | undefined {
  if (!scale || levelId === undefined) return undefined;
  return scale.levels.find((l) => l.id === levelId);
}

/** Levels best first (highest rank first), whatever order the file lists them in. */
export function levelsBestFirst(scale: Scale): ScaleLevel[] {
  return [...scale.levels].sort((a, b) => b.rank - a.rank);
}

export function criteriaOfJudgement(framework: Framework, judgementId: string): Criterion[] {
  return framework.criteria.filter((c) => c.judgementId === judgementId);
}

export function subJudgements(framework: Framework, judgementId: string): Judgement[] {
  return framework.judgements.filter((j) => j.parentId === judgementId);
}

export function isGoodOrBetter(scale: Scale, level: ScaleLevel): boolean {
  return scale.goodOrBetterMinRank !== undefined && level.rank >= scale.goodOrBetterMinRank;
}

export function frameworkKey(framework: Pick<Framework, 'id' | 'version'>): string {
  return `${framework.id}@${framework.version}`;
}

/** Whose arrangements the framework assesses ('local-authority' when the file does not say). */
export function subjectOf(framework: Pick<Framework, 'subject'>): FrameworkSubject {
  return framework.subject ?? 'local-authority';
}
