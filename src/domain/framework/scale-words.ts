/*
 * How a scale is offered and named wherever grades are chosen or counted: a 0 to 10 scaling scale reads
 * from 0 up to 10, as the scaling question is asked; ranked grades read best first. The threshold is
 * the scale's own, so every page names the same line between good or better and the rest.
 */
import { levelsBestFirst } from './lookup';
import type { Scale, ScaleLevel } from './types';

export function isScaling(scale: Pick<Scale, 'kind'>): boolean {
  return scale.kind === 'scaling';
}

/** The order to offer the grades in: 0 to 10 for a scaling scale, best first for any other. */
export function levelsAsOffered(scale: Scale): ScaleLevel[] {
  const best = levelsBestFirst(scale);
  return isScaling(scale) ? best.reverse() : best;
}

/**
 * What counts as good or better on the scale, in words: "7 or above" on a 0 to 10 scale, "Good or
 * better" (the lowest level that counts, and those above it) on any other.
 */
export function describeThreshold(scale: Scale): string {
  const min = scale.goodOrBetterMinRank;
  if (min === undefined) return 'No threshold stated';
  if (isScaling(scale)) return `${min} or above`;
  const counted = levelsBestFirst(scale).filter((l) => l.rank >= min);
  const lowest = counted[counted.length - 1];
  if (!lowest) return 'No threshold stated';
  return counted.length === 1 ? lowest.label : `${lowest.label} or better`;
}

/** A grade in words: "7 out of 10" on a scaling scale, the level's label on any other. */
export function describeLevel(scale: Scale, level: ScaleLevel): string {
  return isScaling(scale) ? `${level.rank} out of 10` : level.label;
}

/**
 * The scaling question as a hint beside the grades ("On a scale of 0 to 10, where 10 means … and 0
 * means …"), from the scale's own descriptions of its ends, with its threshold; null if not scaling.
 */
export function scalingHint(scale: Scale): string | null {
  if (!isScaling(scale)) return null;
  const end = (rank: number) => {
    const text = scale.levels
      .find((l) => l.rank === rank)
      ?.description?.trim()
      .replace(/\.$/, '');
    return text ? text.charAt(0).toLowerCase() + text.slice(1) : undefined;
  };
  const [top, bottom] = [end(10), end(0)];
  const question =
    top && bottom
      ? `On a scale of 0 to 10, where 10 means ${top}, and 0 means ${bottom}.`
      : 'On a scale of 0 to 10, where 10 is best.';
  const threshold =
    scale.goodOrBetterMinRank === undefined
      ? ''
      : ` ${scale.goodOrBetterMinRank} or above counts as good or better.`;
  return question + threshold;
}
