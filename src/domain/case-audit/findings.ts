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
  const [year, month] = date.split('-').map(Number) as [number, number];
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
}): Distribution[] {
  const moderationOf = standingModerations(input.moderations);
  const groups = new Map<string, (string | undefined)[]>();
  for (const audit of input.audits.filter(isCounted)) {
    const key = keyOf(audit, input.dimension);
    const grade = standingGrade(audit, moderationOf.get(audit.id));
    const group = groups.get(key);
    // Appending in place: copying the group for every audit made this quadratic.
    if (group) group.push(grade);
    else groups.set(key, [grade]);
  }
  return [...groups.entries()]
    .map(([key, grades]) => distributionOf(key, grades, input.scale))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Domain by domain over the audits of one tool. */
/** Each graded domain of one tool; a submitted moderation's grade for a domain stands in for the auditor's. */
export function computeDomainDistributions(
  audits: readonly CaseAudit[],
  tool: AuditTool,
  scale: Scale,
  moderations: readonly Moderation[] = [],
): Distribution[] {
  const ofTool = audits.filter((a) => isCounted(a) && a.toolId === tool.id);
  const standing = standingModerations(moderations);
  return tool.domains
    .filter((d) => d.graded)
    .map((domain) =>
      distributionOf(
        domain.id,
        ofTool.map((a) => standing.get(a.id)?.domainGrades[domain.id] || a.domainGrades[domain.id]),
        scale,
      ),
    );
}

export function distributionOf(
  key: string,
  grades: readonly (string | undefined)[],
  scale: Scale,
): Distribution {
  const counts: Record<string, number> = Object.fromEntries(levelsBestFirst(scale).map((l) => [l.id, 0]));
  let n = 0;
  let goodOrBetter = 0;
  for (const grade of grades) {
    const level = findLevel(scale, grade);
    if (!level) continue;
    counts[level.id] = (counts[level.id] ?? 0) + 1;
    n += 1;
    if (isGoodOrBetter(scale, level)) goodOrBetter += 1;
  }
  return { key, n, notCounted: grades.length - n, counts, goodOrBetter, share: n ? goodOrBetter / n : null };
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
  for (const audit of audits.filter(isCounted)) {
    for (const theme of new Set(audit.themes.map((t) => t.trim().toLowerCase()).filter(Boolean))) {
      counts.set(theme, (counts.get(theme) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([theme, count]) => ({ theme, count }))
    .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
}
