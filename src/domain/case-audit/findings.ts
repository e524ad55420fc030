/*
 * What completed audits add up to: grade distributions (share good or better) by round, quarter,
 * case type, team and domain, trend by quarter, and recurring themes. Not applicable and ungraded are
 * left out of every statistic and counted apart. A moderated grade stands in for the auditor's.
 */
import { findLevel, isGoodOrBetter, levelsBestFirst } from '../framework/lookup';
import type { AuditTool, Scale } from '../framework/types';
import type { CaseAudit, Moderation } from './records';

export type Dimension = 'round' | 'quarter' | 'caseType' | 'team' | 'auditor';

export interface Distribution {
  key: string;
  /** Audits with a grade on the scale. */
  n: number;
  /** Audits left out: not applicable or not graded. */
  notCounted: number;
  counts: Record<string, number>;
  goodOrBetter: number;
  share: number | null;
}

export function isCounted(audit: CaseAudit): boolean {
  return !audit.deletedAt && (audit.status === 'complete' || audit.status === 'moderated');
}

/** The overall grade that stands: the moderated one when moderation changed it. */
export function standingGrade(audit: CaseAudit, moderation?: Moderation): string | undefined {
  return moderation?.submittedAt && moderation.moderatedOverallGrade
    ? moderation.moderatedOverallGrade
    : audit.overallGrade;
}

/** Audit id → the moderation that stands for it: live, submitted, and the latest submitted if several. */
export function standingModerations(moderations: readonly Moderation[] = []): Map<string, Moderation> {
  const standing = new Map<string, Moderation>();
  for (const m of moderations) {
    if (m.deletedAt || !m.submittedAt) continue;
    const previous = standing.get(m.auditId);
    if (!previous || m.submittedAt >= previous.submittedAt!) standing.set(m.auditId, m);
  }
  return standing;
}

/** April-to-March quarters, as councils report: 2025-05-10 → "2025–26 Q1". */
export function quarterOf(date: string): string {
  // Ten thousand audits fall in a few dozen months: each month is worked out once.
  const month = date.slice(0, 7);
  let quarter = QUARTER_OF_MONTH.get(month);
  if (quarter === undefined) {
    quarter = quarterOfMonth(month);
    if (QUARTER_OF_MONTH.size < 10_000) QUARTER_OF_MONTH.set(month, quarter);
  }
  return quarter;
}

const QUARTER_OF_MONTH = new Map<string, string>();

function quarterOfMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  if (!year || !month) return 'Undated';
  const start = month >= 4 ? year : year - 1;
  const quarter = Math.floor(((month + 8) % 12) / 3) + 1;
  return `${start}–${String((start + 1) % 100).padStart(2, '0')} Q${quarter}`;
}

export function computeDistributions(input: {
  audits: readonly CaseAudit[];
  moderations?: readonly Moderation[];
  scale: Scale;
  dimension: Dimension;
  /** standingModerations(moderations), when the caller has it already. */
  standing?: ReadonlyMap<string, Moderation>;
}): Distribution[] {
  const moderationOf = input.standing ?? standingModerations(input.moderations);
  const groups = new Map<string, GradeTally>();
  for (const audit of input.audits) {
    if (!isCounted(audit)) continue;
    const key = keyOf(audit, input.dimension);
    let tally = groups.get(key);
    if (!tally) groups.set(key, (tally = new Map()));
    tallyGrade(tally, standingGrade(audit, moderationOf.get(audit.id)));
  }
  return [...groups.entries()]
    .map(([key, tally]) => distributionOfTally(key, tally, input.scale))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Each graded domain of one tool; a submitted moderation's grade for a domain stands in for the auditor's. */
export function computeDomainDistributions(
  audits: readonly CaseAudit[],
  tool: AuditTool,
  scale: Scale,
  moderations: readonly Moderation[] = [],
  standing: ReadonlyMap<string, Moderation> = standingModerations(moderations),
): Distribution[] {
  const domains = tool.domains.filter((d) => d.graded);
  const tallies = domains.map((): GradeTally => new Map());
  for (const audit of audits) {
    if (audit.toolId !== tool.id || !isCounted(audit)) continue;
    const moderated = standing.get(audit.id)?.domainGrades;
    domains.forEach((domain, i) =>
      tallyGrade(tallies[i]!, moderated?.[domain.id] || audit.domainGrades[domain.id]),
    );
  }
  return domains.map((domain, i) => distributionOfTally(domain.id, tallies[i]!, scale));
}

/** How many times each grade was given ('' for none), so each distinct grade is looked up once. */
type GradeTally = Map<string, number>;

function tallyGrade(tally: GradeTally, grade: string | undefined): void {
  const key = grade ?? '';
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

function distributionOfTally(key: string, tally: GradeTally, scale: Scale): Distribution {
  const counts: Record<string, number> = Object.fromEntries(levelsBestFirst(scale).map((l) => [l.id, 0]));
  let n = 0;
  let all = 0;
  let goodOrBetter = 0;
  for (const [grade, times] of tally) {
    all += times;
    const level = findLevel(scale, grade === '' ? undefined : grade);
    if (!level) continue;
    counts[level.id] = (counts[level.id] ?? 0) + times;
    n += times;
    if (isGoodOrBetter(scale, level)) goodOrBetter += times;
  }
  return { key, n, notCounted: all - n, counts, goodOrBetter, share: n ? goodOrBetter / n : null };
}

export function distributionOf(
  key: string,
  grades: readonly (string | undefined)[],
  scale: Scale,
): Distribution {
  const tally: GradeTally = new Map();
  for (const grade of grades) tallyGrade(tally, grade);
  return distributionOfTally(key, tally, scale);
}

function keyOf(audit: CaseAudit, dimension: Dimension): string {
  switch (dimension) {
    case 'round':
      return audit.roundId ?? 'No round';
    case 'quarter':
      return quarterOf(audit.auditDate);
    case 'caseType':
      return audit.caseType || 'Not recorded';
    case 'team':
      return audit.team || 'Not recorded';
    case 'auditor':
      return audit.auditor || 'Not recorded';
  }
}

/** Themes tagged on completed audits, most frequent first, split into strengths and worries. */
export function countThemes(audits: readonly CaseAudit[]): { theme: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const audit of audits) {
    if (!isCounted(audit)) continue;
    for (const theme of new Set(audit.themes.map((t) => t.trim().toLowerCase()).filter(Boolean))) {
      counts.set(theme, (counts.get(theme) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([theme, count]) => ({ theme, count }))
    .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
}
