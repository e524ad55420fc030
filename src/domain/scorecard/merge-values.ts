import type { IndicatorValue } from './records';

/** Merges values into an indicator's: a period already recorded is replaced, others added. */
export function mergeValues(
  existing: readonly IndicatorValue[],
  incoming: readonly IndicatorValue[],
): IndicatorValue[] {
  const byPeriod = new Map(existing.map((v) => [v.period, v]));
  for (const v of incoming) byPeriod.set(v.period, v);
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}
