/*
 * The inspectors' sample weighted to risk, as inspectors draw it from the Annex A lists: each child
 * once, in the cohort of the deepest list it is on, weighted by the risk signals its rows show (and by
 * whether it was audited in the last 12 months, by the round sampler's own "date last audited" rule).
 * Drawn without replacement from a seeded stream per cohort, so the same seed and lists draw the same
 * children; each sampled case carries its reasons in words. A swap keeps the reason the user gave.
 */
import type { CaseListEntry } from '../case-audit/records';
import { lastAuditedOn, seededRandom } from '../case-audit/sampling';
import { formatDate } from '../format/dates';
import { monthsBefore } from '../self-assessment/dates';
import { annexAList, ANNEX_A_SETS } from './annex-a-lists';
import { cohortOf, RECENT_AUDIT_MONTHS } from './inspectors-sample';
import {
  INSPECTION_COHORTS,
  type AnnexAListImport,
  type AnnexARow,
  type InspectionCohort,
  type RehearsalSample,
  type SampledCaseInRehearsal,
} from './records';

export const RISK_SIGNALS = [
  'unregistered-placement',
  'cp-two-years',
  'repeat-missing',
  'repeat-plan',
  'repeat-referrals',
  'long-proceedings',
  'distant-placement',
  'placement-moves',
  'no-recent-visit',
  'nfa-contact',
  'never-audited',
  'not-audited-12-months',
] as const;
export type RiskSignal = (typeof RISK_SIGNALS)[number];

/** How much each signal adds to a case's weight (every case starts at 1). */
export const RISK_WEIGHTS: Record<RiskSignal, number> = {
  'unregistered-placement': 4,
  'cp-two-years': 3,
  'repeat-missing': 3,
  'repeat-plan': 2,
  'repeat-referrals': 2,
  'long-proceedings': 2,
  'distant-placement': 2,
  'placement-moves': 2,
  'no-recent-visit': 2,
  'nfa-contact': 1,
  'never-audited': 1,
  'not-audited-12-months': 1,
};

/** Days since the last visit beyond which a visit is overdue, by list (statutory minimums, in days). */
const VISIT_DAYS: Record<number, { days: number; rule: string }> = {
  7: { days: 14, rule: 'the 10 working days a child protection plan allows' },
  8: { days: 42, rule: 'the six weeks allowed for a child in care' },
  9: { days: 56, rule: 'the eight weeks allowed for a care leaver' },
};
const DISTANT_MILES = 20;
const PROCEEDINGS_WEEKS = 26;

export interface RiskReason {
  signal: RiskSignal;
  text: string;
}

export interface SampleCandidate {
  caseReference: string;
  cohort: InspectionCohort;
  caseType: string;
  team: string;
  worker: string;
  lists: number[];
  reasons: RiskReason[];
  weight: number;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The risk signals one row of one list shows on the day the lists are drawn. */
export function rowSignals(list: number, row: AnnexARow, drawnOn: string): RiskReason[] {
  const v = row.values;
  const reasons: RiskReason[] = [];
  const add = (signal: RiskSignal, text: string) => reasons.push({ signal, text });
  const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
  const date = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const planStart = date(v.planStartDate);
  if (list === 7 && planStart && planStart <= monthsBefore(drawnOn, 24))
    add('cp-two-years', `On a child protection plan for two years or more (since ${formatDate(planStart)})`);
  if ((num(v.previousPlans) ?? 0) >= 1)
    add('repeat-plan', `A repeat child protection plan (${num(v.previousPlans)} before this one)`);
  if ((num(v.previousReferrals) ?? 0) >= 1)
    add('repeat-referrals', `A repeat referral (${num(v.previousReferrals)} in the previous 12 months)`);
  if ((num(v.missingEpisodes) ?? 0) >= 2) add('repeat-missing', `Missing ${num(v.missingEpisodes)} times`);
  if (typeof v.placementType === 'string' && /unregistered/i.test(v.placementType))
    add('unregistered-placement', `Placed in an unregistered home (“${v.placementType.slice(0, 60)}”)`);
  if ((num(v.placementDistance) ?? 0) > DISTANT_MILES)
    add('distant-placement', `Placed ${num(v.placementDistance)} miles from home`);
  if ((num(v.placementMoves) ?? 0) >= 3)
    add('placement-moves', `${num(v.placementMoves)} placement moves in the last 12 months`);
  if (list === 1 && typeof v.outcome === 'string' && /no further action|\bnfa\b/i.test(v.outcome))
    add(
      'nfa-contact',
      `A contact closed with no further action${date(v.eventDate) ? ` (${formatDate(date(v.eventDate))})` : ''}`,
    );
  const proceedings = date(v.proceedingsStartDate);
  if (proceedings && daysBetween(proceedings, drawnOn) > PROCEEDINGS_WEEKS * 7)
    add(
      'long-proceedings',
      `In care proceedings for ${Math.floor(daysBetween(proceedings, drawnOn) / 7)} weeks, beyond the ${PROCEEDINGS_WEEKS}-week limit`,
    );
  const visit = date(v.lastVisitDate);
  const visitRule = VISIT_DAYS[list];
  if (visit && visitRule && daysBetween(visit, drawnOn) > visitRule.days)
    add(
      'no-recent-visit',
      `Last visited ${formatDate(visit)}, ${daysBetween(visit, drawnOn)} days ago: beyond ${visitRule.rule}`,
    );
  return reasons;
}

function auditReason(lastAudited: string | undefined, drawnOn: string): RiskReason | undefined {
  if (!lastAudited) return { signal: 'never-audited', text: 'Never audited' };
  if (lastAudited < monthsBefore(drawnOn, RECENT_AUDIT_MONTHS))
    return {
      signal: 'not-audited-12-months',
      text: `Last audited ${formatDate(lastAudited)}, more than 12 months ago`,
    };
  return undefined;
}

function weightOf(reasons: readonly RiskReason[]): number {
  return 1 + reasons.reduce((sum, r) => sum + RISK_WEIGHTS[r.signal], 0);
}

function ordered(reasons: RiskReason[]): RiskReason[] {
  const seen = new Set<RiskSignal>();
  return reasons
    .filter((r) => (seen.has(r.signal) ? false : (seen.add(r.signal), true)))
    .sort((a, b) => RISK_SIGNALS.indexOf(a.signal) - RISK_SIGNALS.indexOf(b.signal));
}

/** Each child on the lists once, with its signals; `auditedOn` is latestAuditDates of the workspace's audits. */
export function annexACandidates(input: {
  lists: readonly AnnexAListImport[];
  drawnOn: string;
  caseList?: readonly CaseListEntry[];
  auditedOn?: ReadonlyMap<string, string>;
}): SampleCandidate[] {
  const byChild = new Map<
    string,
    { deepest: number; row: AnnexARow; lists: Set<number>; reasons: RiskReason[] }
  >();
  for (const imported of [...input.lists].sort((a, b) => a.list - b.list)) {
    const list = annexAList(ANNEX_A_SETS[imported.setId], imported.list);
    if (!list?.cohort) continue;
    for (const row of imported.rows) {
      const found = byChild.get(row.childId) ?? { deepest: 0, row, lists: new Set(), reasons: [] };
      if (imported.list >= found.deepest) Object.assign(found, { deepest: imported.list, row });
      found.lists.add(imported.list);
      found.reasons.push(...rowSignals(imported.list, row, input.drawnOn));
      byChild.set(row.childId, found);
    }
  }
  const setFor = (n: number) => input.lists.find((l) => l.list === n)!.setId;
  const entries = new Map((input.caseList ?? []).map((c) => [c.caseReference, c]));
  return [...byChild].map(([ref, found]) => {
    const list = annexAList(ANNEX_A_SETS[setFor(found.deepest)], found.deepest)!;
    const audited = lastAuditedOn(entries.get(ref) ?? { caseReference: ref }, input.auditedOn);
    const audit = auditReason(audited, input.drawnOn);
    const reasons = ordered([...found.reasons, ...(audit ? [audit] : [])]);
    return {
      caseReference: ref,
      cohort: list.cohort!,
      caseType: list.caseType ?? '',
      team: found.row.team,
      worker: found.row.worker,
      lists: [...found.lists].sort((a, b) => a - b),
      reasons,
      weight: weightOf(reasons),
    };
  });
}

/** The audit rounds' case lists as candidates when no Annex A list is held: weighted by audits alone. */
export function caseListCandidates(input: {
  caseList: readonly CaseListEntry[];
  drawnOn: string;
  auditedOn?: ReadonlyMap<string, string>;
}): SampleCandidate[] {
  return input.caseList.flatMap((entry) => {
    const cohort = cohortOf(entry.caseType);
    if (!cohort) return [];
    const audit = auditReason(lastAuditedOn(entry, input.auditedOn), input.drawnOn);
    const reasons = audit ? [audit] : [];
    return [
      {
        caseReference: entry.caseReference,
        cohort,
        caseType: entry.caseType,
        team: entry.team,
        worker: entry.worker,
        lists: [],
        reasons,
        weight: weightOf(reasons),
      },
    ];
  });
}

/** Weighted sampling without replacement (Efraimidis and Spirakis): key −ln(u)/w, smallest keys win. */
export function drawRiskWeightedSample(input: {
  candidates: readonly SampleCandidate[];
  seed: number;
  perCohort: number;
  drawnAt: string;
  source: 'annex-a' | 'case-list';
}): RehearsalSample {
  const cases = INSPECTION_COHORTS.flatMap((cohort, i) => {
    const pool = input.candidates
      .filter((c) => c.cohort === cohort)
      .sort((a, b) => a.caseReference.localeCompare(b.caseReference));
    const random = seededRandom((input.seed + i * 7919) >>> 0);
    return pool
      .map((c) => ({ c, key: -Math.log(1 - random()) / c.weight }))
      .sort((a, b) => a.key - b.key)
      .slice(0, input.perCohort)
      .map(({ c }) => c)
      .sort((a, b) => b.weight - a.weight || a.caseReference.localeCompare(b.caseReference))
      .map(toSampled);
  });
  return {
    seed: input.seed,
    perCohort: input.perCohort,
    drawnAt: input.drawnAt,
    cases,
    source: input.source,
  };
}

function toSampled(c: SampleCandidate): SampledCaseInRehearsal {
  return {
    caseReference: c.caseReference,
    cohort: c.cohort,
    caseType: c.caseType,
    team: c.team,
    worker: c.worker,
    reasons: c.reasons.length
      ? c.reasons.map((r) => r.text)
      : ['Drawn at random: no risk signal on the lists'],
    lists: c.lists,
  };
}

/** Cases that could replace one in the sample: same cohort, not already in it, riskiest first. */
export function swapCandidates(
  sample: RehearsalSample,
  candidates: readonly SampleCandidate[],
  caseReference: string,
): SampleCandidate[] {
  const out = sample.cases.find((c) => c.caseReference === caseReference);
  if (!out) return [];
  const taken = new Set(sample.cases.map((c) => c.caseReference));
  return candidates
    .filter((c) => c.cohort === out.cohort && !taken.has(c.caseReference))
    .sort((a, b) => b.weight - a.weight || a.caseReference.localeCompare(b.caseReference));
}

/** The sample with one case replaced, in its place, recording why; a swap needs a reason. */
export function swapSampledCase(
  sample: RehearsalSample,
  input: { replaced: string; replacement: SampleCandidate; reason: string; at: string },
): RehearsalSample {
  const reason = input.reason.trim();
  if (!reason) return sample;
  return {
    ...sample,
    cases: sample.cases.map((c) =>
      c.caseReference === input.replaced
        ? { ...toSampled(input.replacement), swap: { replaced: input.replaced, reason, at: input.at } }
        : c,
    ),
  };
}
