/*
 * Agreement between two graders over the same cases (auditor and moderator): exact agreement,
 * agreement within one grade, Cohen's kappa and linear-weighted kappa, with the counts behind them.
 * Pairs with a grade off the scale (not applicable, not graded) are left out and counted as excluded.
 * A kappa is shown only from MIN_PAIRS_FOR_KAPPA pairs: below that it means nothing (describeKappa).
 */
import type { Scale } from '../framework/types';

export interface GradePair {
  first: string | undefined;
  second: string | undefined;
}

export interface Agreement {
  /** Pairs where both grades are on the scale. */
  n: number;
  excluded: number;
  exact: number;
  withinOne: number;
  exactShare: number | null;
  withinOneShare: number | null;
  /** null when it cannot be computed (no pairs, or chance agreement is total). */
  kappa: number | null;
  weightedKappa: number | null;
  /** confusion[i][j]: first graded level i, second graded level j; levels best first. */
  levels: string[];
  confusion: number[][];
}

export function computeAgreement(pairs: readonly GradePair[], scale: Scale): Agreement {
  const levels = [...scale.levels].sort((a, b) => b.rank - a.rank).map((l) => l.id);
  const index = new Map(levels.map((id, i) => [id, i]));
  const k = levels.length;
  const confusion = levels.map(() => new Array<number>(k).fill(0));
  let n = 0;
  let exact = 0;
  let withinOne = 0;
  for (const { first, second } of pairs) {
    const i = first === undefined ? undefined : index.get(first);
    const j = second === undefined ? undefined : index.get(second);
    if (i === undefined || j === undefined) continue;
    confusion[i]![j]! += 1;
    n += 1;
    if (i === j) exact += 1;
    if (Math.abs(i - j) <= 1) withinOne += 1;
  }
  return {
    n,
    excluded: pairs.length - n,
    exact,
    withinOne,
    exactShare: n ? exact / n : null,
    withinOneShare: n ? withinOne / n : null,
    kappa: kappaOf(confusion, n, (i, j) => (i === j ? 1 : 0)),
    weightedKappa: kappaOf(confusion, n, (i, j) => (k > 1 ? 1 - Math.abs(i - j) / (k - 1) : 1)),
    levels,
    confusion,
  };
}

/** Kappa with agreement weights w(i, j): 1 for full agreement, 0 for none (Cohen 1968). */
function kappaOf(confusion: number[][], n: number, weight: (i: number, j: number) => number): number | null {
  if (n === 0) return null;
  const k = confusion.length;
  const rows = confusion.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const cols = confusion[0]!.map((_, j) => confusion.reduce((sum, row) => sum + row[j]!, 0) / n);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      observed += (weight(i, j) * confusion[i]![j]!) / n;
      expected += weight(i, j) * rows[i]! * cols[j]!;
    }
  }
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}

/**
 * Fewer pairs than this and kappa is noise, not a measure: one case graded differently moves the
 * observed agreement by 1/n, and kappa by about that over (1 − chance agreement), so below ten pairs a
 * single case swings it by more than 0.1 and its confidence interval spans most of the range from
 * "slight" to "substantial". Ten is a floor for showing the number, not a promise of precision.
 */
export const MIN_PAIRS_FOR_KAPPA = 10;

/** How many more graded pairs are needed before a kappa means something; 0 when there are enough. */
export function pairsNeededForKappa(agreement: Pick<Agreement, 'n'>): number {
  return Math.max(0, MIN_PAIRS_FOR_KAPPA - agreement.n);
}

/** A kappa as the page, the PDF and the workbook print it: a number only when it means something. */
export function describeKappa(agreement: Agreement, which: 'kappa' | 'weightedKappa'): string {
  const needed = pairsNeededForKappa(agreement);
  if (needed > 0) return `${needed} more ${needed === 1 ? 'pair' : 'pairs'} needed`;
  const value = agreement[which];
  return value === null ? 'Not enough variety' : value.toFixed(2);
}

/** Exact or within-one agreement as printed everywhere: "80% (8)", or "–" with no pairs. */
export function describeAgreementShare(agreement: Agreement, which: 'exact' | 'withinOne'): string {
  const share = which === 'exact' ? agreement.exactShare : agreement.withinOneShare;
  return share === null ? '–' : `${Math.round(share * 100)}% (${agreement[which]})`;
}
