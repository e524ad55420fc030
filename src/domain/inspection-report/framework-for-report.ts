/*
 * The framework a report was written under: of the report's family (SIF reports the SIF, ILACS
 * reports and visit letters ILACS, JTAIs the safeguarding partnership), the one in force when
 * fieldwork started (domain.md §2: a December 2022 start is judged under the 2018 structure).
 */
import { subjectOf } from '../framework/lookup';
import type { Framework } from '../framework/types';
import { isInForceOn } from '../self-assessment/framework-for-year';
import type { ReportKind } from './types';

const FAMILY: Record<ReportKind, (framework: Framework) => boolean> = {
  'sif-report': (f) => f.id.startsWith('sif'),
  'ilacs-report': (f) => f.id.startsWith('ilacs'),
  'focused-visit': (f) => subjectOf(f) === 'local-authority',
  'monitoring-visit': (f) => subjectOf(f) === 'local-authority',
  jtai: (f) => subjectOf(f) === 'safeguarding-partnership',
};

export function familyOf(frameworks: readonly Framework[], kind: ReportKind): Framework[] {
  return frameworks.filter(FAMILY[kind]);
}

/** The most recently effective framework of the family in force on `fieldworkStart`, then the highest version. */
export function frameworkForReport(
  frameworks: readonly Framework[],
  kind: ReportKind,
  fieldworkStart: string,
): Framework | undefined {
  return familyOf(frameworks, kind)
    .filter((f) => isInForceOn(f, fieldworkStart))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
}
