/*
 * The quality-indicator scorecard (domain.md §7): performance measures with a polarity, a target and
 * a tolerance for RAG, and values by period with comparators. Periods are months, "yyyy-mm" (a
 * quarter is stored as its first month).
 */
import type { RecordMeta } from '../workspace/record-meta';

export const INDICATOR_UNITS = {
  count: 'Count',
  percent: 'Per cent',
  days: 'Days',
  weeks: 'Weeks',
  'rate-per-10000': 'Rate per 10,000 children',
} as const;
export type IndicatorUnit = keyof typeof INDICATOR_UNITS;

export const POLARITIES = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
} as const;
export type Polarity = keyof typeof POLARITIES;

export const FREQUENCIES = { month: 'Monthly', quarter: 'Quarterly' } as const;
export type Frequency = keyof typeof FREQUENCIES;

export const COMPARATORS = {
  statisticalNeighbours: 'Statistical neighbours',
  region: 'Region',
  england: 'England',
} as const;
export type Comparator = keyof typeof COMPARATORS;

export interface IndicatorValue {
  /** yyyy-mm: the month, or the first month of the quarter. */
  period: string;
  value: number | null;
  comparators: Partial<Record<Comparator, number>>;
}

export interface Indicator extends RecordMeta {
  name: string;
  definition: string;
  unit: IndicatorUnit;
  polarity: Polarity;
  frequency: Frequency;
  target?: number;
  /** How far from the target (in the indicator's unit) still counts as amber rather than red. */
  tolerance: number;
  source: string;
  owner: string;
  criterionIds: string[];
  values: IndicatorValue[];
}
