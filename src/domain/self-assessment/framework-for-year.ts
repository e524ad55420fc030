/*
 * Which framework version a cycle assesses against: the one in force on 1 April of its year (domain.md
 * §8: 2026–27 → ILACS from April 2026). In force means effectiveFrom ≤ date ≤ effectiveTo, both
 * inclusive yyyy-mm-dd; no effectiveTo means still in force. The one rule, for defaults and warnings.
 */
import { cycleLabel, cyclePeriod, cycleStartYear, formatDate } from '../format/dates';
import { subjectOf } from '../framework/lookup';
import type { Framework, FrameworkSubject } from '../framework/types';

type Dated = Pick<Framework, 'effectiveFrom' | 'effectiveTo'>;
type Versioned = Dated & Pick<Framework, 'version' | 'subject'>;

/** The earliest year the year picker offers: SIF inspections began in November 2013. */
export const EARLIEST_CYCLE_YEAR = 2013;

export function isInForceOn(framework: Dated, date: string): boolean {
  return (
    framework.effectiveFrom <= date && (framework.effectiveTo === undefined || date <= framework.effectiveTo)
  );
}

/** In force on 1 April of the cycle's year. */
export function isInForceForYear(framework: Dated, startYear: number): boolean {
  return isInForceOn(framework, cyclePeriod(startYear).from);
}

/**
 * The framework of a subject (a council's services, by default) in force on 1 April of the year: the
 * most recently effective if several are, then the highest version. Undefined when none is (2013–14
 * began before the SIF).
 */
export function frameworkForYear<T extends Versioned>(
  frameworks: readonly T[],
  startYear: number,
  subject: FrameworkSubject = 'local-authority',
): T | undefined {
  return frameworks
    .filter((f) => subjectOf(f) === subject && isInForceForYear(f, startYear))
    .reduce<T | undefined>((best, f) => (best === undefined || isNewer(f, best) ? f : best), undefined);
}

/** What to preselect for a year: the one in force, else the first to come into force after 1 April. */
export function defaultFrameworkForYear<T extends Versioned>(
  frameworks: readonly T[],
  startYear: number,
  subject: FrameworkSubject = 'local-authority',
): T | undefined {
  const yearStart = cyclePeriod(startYear).from;
  const ofSubject = frameworks.filter((f) => subjectOf(f) === subject);
  const later = ofSubject
    .filter((f) => f.effectiveFrom > yearStart)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return frameworkForYear(ofSubject, startYear, subject) ?? later[0] ?? ofSubject[0] ?? frameworks[0];
}

function isNewer(a: Versioned, b: Versioned): boolean {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom;
  return a.version > b.version;
}

export type YearMismatch =
  | { reason: 'ended'; effectiveTo: string; yearStart: string }
  | { reason: 'not-yet-in-force'; effectiveFrom: string; yearStart: string };

/** Why a framework was not in force on 1 April of the year; undefined when it was. */
export function checkFrameworkForYear(framework: Dated, startYear: number): YearMismatch | undefined {
  const yearStart = cyclePeriod(startYear).from;
  if (framework.effectiveFrom > yearStart) {
    return { reason: 'not-yet-in-force', effectiveFrom: framework.effectiveFrom, yearStart };
  }
  if (framework.effectiveTo !== undefined && framework.effectiveTo < yearStart) {
    return { reason: 'ended', effectiveTo: framework.effectiveTo, yearStart };
  }
  return undefined;
}

/** "ILACS 2023 ended on 31/03/2026; 2026–27 starts on 01/04/2026." */
export function describeYearMismatch(
  framework: Pick<Framework, 'shortTitle'>,
  startYear: number,
  mismatch: YearMismatch,
): string {
  const year = `${cycleLabel(startYear)} starts on ${formatDate(mismatch.yearStart)}`;
  return mismatch.reason === 'ended'
    ? `${framework.shortTitle} ended on ${formatDate(mismatch.effectiveTo)}; ${year}.`
    : `${framework.shortTitle} is in force from ${formatDate(mismatch.effectiveFrom)}; ${year}.`;
}

/**
 * The years a new cycle can be for, newest first: from 2013–14 (or the earliest framework's year, if
 * older) to next year, so councils can rehearse against past inspections.
 */
export function cycleYearOptions(currentYear: number, frameworks: readonly Dated[] = []): number[] {
  const earliest = Math.min(
    EARLIEST_CYCLE_YEAR,
    ...frameworks.map((f) => cycleStartYear(f.effectiveFrom)).filter(Number.isInteger),
  );
  const years: number[] = [];
  for (let year = currentYear + 1; year >= earliest; year -= 1) years.push(year);
  return years;
}
