/*
 * How criteria and judgements of one framework version map onto another, for carrying a cycle
 * forward and comparing years. Uses the newer framework's `supersedes` mapping; ids present in both
 * carry unchanged. Anything that maps nowhere is reported, never silently dropped.
 */
import type { Framework } from '../framework/types';

function sameFramework(from: Framework, to: Framework): boolean {
  return from.id === to.id && from.version === to.version;
}

function mappingFrom(from: Framework, to: Framework) {
  const s = to.supersedes;
  return s && s.frameworkId === from.id && s.version === from.version ? s : undefined;
}

/** New criterion ids for an old criterion id (empty when it maps nowhere). */
export function mapCriterionIds(from: Framework, to: Framework, oldId: string): string[] {
  const known = (id: string) => to.criteria.some((c) => c.id === id);
  if (sameFramework(from, to)) return known(oldId) ? [oldId] : [];
  const mapped = mappingFrom(from, to)?.criterionMap[oldId];
  if (mapped) return mapped.filter(known);
  return known(oldId) ? [oldId] : [];
}

/** The new judgement id for an old one, or undefined when it maps nowhere. */
export function mapJudgementId(from: Framework, to: Framework, oldId: string): string | undefined {
  const known = (id: string) => to.judgements.some((j) => j.id === id);
  const mapped = sameFramework(from, to) ? undefined : mappingFrom(from, to)?.judgementMap?.[oldId];
  if (mapped !== undefined) return known(mapped) ? mapped : undefined;
  return known(oldId) ? oldId : undefined;
}
