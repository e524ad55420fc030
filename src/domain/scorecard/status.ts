/*
 * Where an indicator stands: its latest value, RAG against the target (green on or beyond it, amber
 * within the tolerance, red beyond), and the direction of travel since the previous value, each read
 * the right way round for the indicator's polarity. Missing periods are skipped, never read as zero.
 */
import type { Indicator, IndicatorValue } from './records';

export type IndicatorRag = 'green' | 'amber' | 'red' | 'no-target' | 'no-data';
export type Direction = 'improving' | 'worsening' | 'no-change' | 'not-enough-data';

export const RAG_WORDS: Record<IndicatorRag, string> = {
  green: 'Green: on or better than target',
  amber: 'Amber: close to target',
  red: 'Red: off target',
  'no-target': 'No target set',
  'no-data': 'No data yet',
};

export const DIRECTION_WORDS: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Getting worse',
  'no-change': 'No change',
  'not-enough-data': 'Not enough data',
};

/** Values with a number, oldest first. */
export function recordedValues(indicator: Pick<Indicator, 'values'>): IndicatorValue[] {
  return indicator.values
    .filter((v) => typeof v.value === 'number' && Number.isFinite(v.value))
    .sort((a, b) => a.period.localeCompare(b.period));
}

export function latestValue(indicator: Pick<Indicator, 'values'>): IndicatorValue | undefined {
  return recordedValues(indicator).at(-1);
}

export function ragOf(
  indicator: Pick<Indicator, 'target' | 'tolerance' | 'polarity'>,
  value: number | null | undefined,
): IndicatorRag {
  if (value === null || value === undefined) return 'no-data';
  if (indicator.target === undefined) return 'no-target';
  const shortfall =
    indicator.polarity === 'higher-is-better' ? indicator.target - value : value - indicator.target;
  if (shortfall <= 0) return 'green';
  return shortfall <= Math.max(0, indicator.tolerance) ? 'amber' : 'red';
}

export function directionOf(indicator: Pick<Indicator, 'values' | 'polarity'>): Direction {
  const values = recordedValues(indicator);
  if (values.length < 2) return 'not-enough-data';
  const change = values.at(-1)!.value! - values.at(-2)!.value!;
  if (change === 0) return 'no-change';
  const better = indicator.polarity === 'higher-is-better' ? change > 0 : change < 0;
  return better ? 'improving' : 'worsening';
}

/** "May 2025" for a month; "2025–26 Q1" for a quarter. */
export function periodLabel(period: string, frequency: Indicator['frequency']): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  if (!year || !month) return period;
  if (frequency === 'quarter') {
    const start = month >= 4 ? year : year - 1;
    return `${start}–${String((start + 1) % 100).padStart(2, '0')} Q${Math.floor(((month + 8) % 12) / 3) + 1}`;
  }
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatValue(indicator: Pick<Indicator, 'unit'>, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (indicator.unit === 'percent') return `${text}%`;
  if (indicator.unit === 'days' || indicator.unit === 'weeks')
    return `${text} ${value === 1 ? indicator.unit.slice(0, -1) : indicator.unit}`;
  return text;
}
