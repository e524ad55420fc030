/*
 * Drawing a case sample as audit groups do: a stratified random sample (by case type and team) from
 * the case list, leaving out cases audited recently, reproducible from its seed, with its rationale
 * written down and the cases allocated to auditors. Randomness comes only from the seed.
 */
import { describeCaseType } from '../workspace/labels';
import { monthsBefore } from '../self-assessment/dates';
import type { CaseListEntry, SampledCase, SampleRule } from './records';

export interface SampleResult {
  cases: SampledCase[];
  eligible: number;
  excludedRecentlyAudited: number;
  excludedByType: number;
  rationale: string;
}

/** A small, well-known 32-bit generator (mulberry32): the same seed always gives the same sample. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function drawSample(input: {
  caseList: readonly CaseListEntry[];
  rule: SampleRule;
  auditors: readonly string[];
  today: string;
  /** Case reference → date of its latest audit held in this workspace. */
  auditedOn?: ReadonlyMap<string, string>;
}): SampleResult {
  const { rule } = input;
  const cutoff = monthsBefore(input.today, rule.excludeAuditedWithinMonths);
  const ofType = input.caseList.filter(
    (c) => rule.caseTypes.length === 0 || rule.caseTypes.includes(c.caseType),
  );
  const eligible = ofType.filter((c) => {
    const last = lastAuditedOn(c, input.auditedOn);
    return !(rule.excludeAuditedWithinMonths > 0 && last && last >= cutoff);
  });
  const size = Math.min(eligible.length, targetSize(rule, eligible.length));
  const random = seededRandom(rule.seed);
  const picked = pickStratified(eligible, size, rule.stratifyBy, random);
  const cases = allocate(picked, input.auditors);
  const result = {
    cases,
    eligible: eligible.length,
    excludedRecentlyAudited: ofType.length - eligible.length,
    excludedByType: input.caseList.length - ofType.length,
  };
  return { ...result, rationale: describeSample(rule, result) };
}

function targetSize(rule: SampleRule, eligible: number): number {
  if (rule.size.kind === 'count') return Math.max(0, Math.floor(rule.size.value));
  return Math.round((eligible * Math.max(0, Math.min(100, rule.size.value))) / 100);
}

/** Proportional allocation by largest remainder, then a seeded shuffle within each stratum. */
function pickStratified(
  cases: readonly CaseListEntry[],
  size: number,
  stratifyBy: SampleRule['stratifyBy'],
  random: () => number,
): CaseListEntry[] {
  const strata = new Map<string, CaseListEntry[]>();
  for (const c of cases) {
    const key = stratifyBy.map((field) => c[field]).join('\u0000');
    strata.set(key, [...(strata.get(key) ?? []), c]);
  }
  const keys = [...strata.keys()].sort();
  const quotas = keys.map((key) => (strata.get(key)!.length * size) / Math.max(1, cases.length));
  const counts = quotas.map(Math.floor);
  const byRemainder = keys
    .map((_, i) => i)
    .sort((a, b) => quotas[b]! - counts[b]! - (quotas[a]! - counts[a]!) || a - b);
  for (let left = size - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left -= 1, i += 1) {
    counts[byRemainder[i % byRemainder.length]!]! += 1;
  }
  return keys.flatMap((key, i) => shuffle(strata.get(key)!, random).slice(0, counts[i]));
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Round-robin over the auditors, never giving a worker their own case. */
function allocate(cases: readonly CaseListEntry[], auditors: readonly string[]): SampledCase[] {
  let next = 0;
  return cases.map((c) => {
    if (auditors.length === 0) return { ...c, auditor: '' };
    for (let tries = 0; tries < auditors.length; tries += 1) {
      const auditor = auditors[(next + tries) % auditors.length]!;
      if (auditor.trim().toLowerCase() !== c.worker.trim().toLowerCase()) {
        next = (next + tries + 1) % auditors.length;
        return { ...c, auditor };
      }
    }
    return { ...c, auditor: '' };
  });
}

function describeSample(rule: SampleRule, result: Omit<SampleResult, 'rationale'>): string {
  const how = rule.size.kind === 'percentage' ? ` (${rule.size.value}% of those eligible)` : '';
  const strata = rule.stratifyBy.length
    ? `stratified by ${rule.stratifyBy.map((f) => (f === 'caseType' ? 'case type' : 'team')).join(' and ')}`
    : 'simple random sample';
  const types = rule.caseTypes.length
    ? ` Case types: ${rule.caseTypes.map(describeCaseType).join(', ')}.`
    : '';
  const excluded = rule.excludeAuditedWithinMonths
    ? ` ${result.excludedRecentlyAudited} excluded as audited in the last ${rule.excludeAuditedWithinMonths} months.`
    : '';
  return `${result.cases.length} cases drawn at random from ${result.eligible} eligible${how}, ${strata}, seed ${rule.seed}.${types}${excluded}`;
}

/**
 * When a case was last audited: the later of the case list's own "date last audited" (audits done
 * before this workspace, or in the case system) and the latest audit this workspace holds. The round
 * sampler and the inspectors' sample both ask this here, so the two never disagree about a case.
 */
export function lastAuditedOn(
  entry: Pick<CaseListEntry, 'caseReference' | 'lastAuditedDate'>,
  auditedOn?: ReadonlyMap<string, string>,
): string | undefined {
  return maxDate(entry.lastAuditedDate, auditedOn?.get(entry.caseReference));
}

function maxDate(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** Case reference → the date of its latest audit in this workspace. */
export function latestAuditDates(
  audits: readonly { caseReference: string; auditDate: string; deletedAt?: string }[],
) {
  const latest = new Map<string, string>();
  for (const audit of audits) {
    if (audit.deletedAt) continue;
    const previous = latest.get(audit.caseReference);
    if (!previous || audit.auditDate > previous) latest.set(audit.caseReference, audit.auditDate);
  }
  return latest;
}
