/*
 * What changed since the council's last inspection: each judgement's grade at the inspection beside its
 * grade in this cycle (agreed, else proposed from the criteria), and how far the inspection's
 * recommendations have got. The Changes page, the readiness checks and the engagement meeting pack all
 * read these figures from here. Ranks are compared on each framework's own scale; deleted records never count.
 */
import { findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Framework } from '../framework/types';
import type { LastInspection } from '../inspection-report/last-inspection';
import { SOURCE_OF_KIND } from '../inspection-report/types';
import type { CycleBundle, ImprovementAction, Recommendation } from '../workspace/records';
import { buildCycleOverview } from './cycle-overview';
import { mapJudgementId } from './framework-mapping';
import type { ChangeDirection } from './types';

export interface InspectionComparisonInput {
  framework: Framework;
  /** The framework the inspection was judged under, when the library has it; else the cycle's. */
  inspectionFramework?: Framework;
  lastInspection: LastInspection;
  current: Pick<CycleBundle, 'criterionAssessments' | 'judgementAssessments' | 'narratives'>;
  recommendations: readonly Recommendation[];
  actions: readonly ImprovementAction[];
}

export interface JudgementSinceInspection {
  /** The cycle framework's judgement, or undefined for an inspection judgement it no longer has. */
  judgementId?: string;
  title: string;
  /** The grade at the inspection: the inspection framework's level, or the words the report printed. */
  atInspection?: {
    /** The inspection framework's judgement, when the report's grade is a level of its scale. */
    judgementId?: string;
    levelId?: string;
    label: string;
    rank?: number;
  };
  now?: { levelId: string; label: string; rank: number; source: 'agreed' | 'proposed' };
  direction: ChangeDirection | 'not-compared';
}

export const RECOMMENDATION_PROGRESS = {
  'no-action': 'No improvement action yet',
  'in-progress': 'Actions under way',
  'actions-complete': 'Actions complete, not yet closed',
  closed: 'Closed',
} as const;
export type RecommendationProgressStatus = keyof typeof RECOMMENDATION_PROGRESS;

export interface RecommendationProgress {
  total: number;
  counts: Record<RecommendationProgressStatus, number>;
  items: {
    id: string;
    reference: string;
    text: string;
    priorityAction: boolean;
    status: RecommendationProgressStatus;
  }[];
}

export interface ChangesSinceInspection {
  kind: LastInspection['kind'];
  /** yyyy-mm-dd: publication, else the last day of fieldwork (the date its recommendations are filed under). */
  date: string;
  fieldworkStart?: string;
  fieldworkEnd?: string;
  judgements: JudgementSinceInspection[];
  recommendations: RecommendationProgress;
}

export function compareWithLastInspection(input: InspectionComparisonInput): ChangesSinceInspection {
  const last = input.lastInspection;
  return {
    kind: last.kind,
    date: inspectionDate(last),
    ...(last.fieldworkStart ? { fieldworkStart: last.fieldworkStart } : {}),
    ...(last.fieldworkEnd ? { fieldworkEnd: last.fieldworkEnd } : {}),
    judgements: judgementsSince(input),
    recommendations: recommendationProgress(input.recommendations, input.actions, (r) =>
      isFromInspection(last, r),
    ),
  };
}

export function inspectionDate(last: Pick<LastInspection, 'published' | 'fieldworkEnd'>): string {
  return last.published ?? last.fieldworkEnd ?? '';
}

/** True when the recommendation was filed from this inspection's report. */
export function isFromInspection(
  last: Pick<LastInspection, 'kind' | 'published' | 'fieldworkEnd'>,
  r: Pick<Recommendation, 'source' | 'date'>,
): boolean {
  return r.source === SOURCE_OF_KIND[last.kind] && r.date === inspectionDate(last);
}

function judgementsSince(input: InspectionComparisonInput): JudgementSinceInspection[] {
  const { framework } = input;
  const from = input.inspectionFramework ?? framework;
  const atInspection = new Map<string, NonNullable<JudgementSinceInspection['atInspection']>>();
  const unmatched: JudgementSinceInspection[] = [];
  for (const g of input.lastInspection.grades) {
    const level = g.judgementId ? findLevel(scaleOfJudgement(from, g.judgementId), g.levelId) : undefined;
    const graded =
      level && g.judgementId
        ? { judgementId: g.judgementId, levelId: level.id, label: level.label, rank: level.rank }
        : { label: g.grade };
    const id = g.judgementId ? mapJudgementId(from, framework, g.judgementId) : undefined;
    if (id && !atInspection.has(id)) atInspection.set(id, graded);
    else if (!id) unmatched.push({ title: g.name, atInspection: graded, direction: 'not-compared' });
  }
  const rows = buildCycleOverview(framework, input.current).rows;
  const compared = rows.map((row): JudgementSinceInspection => {
    const scale = scaleOfJudgement(framework, row.judgementId);
    const agreed = findLevel(scale, row.agreedLevelId);
    const proposed = findLevel(scale, row.proposal.levelId ?? undefined);
    const level = agreed ?? proposed;
    const now = level
      ? {
          levelId: level.id,
          label: level.label,
          rank: level.rank,
          source: agreed ? ('agreed' as const) : ('proposed' as const),
        }
      : undefined;
    const before = atInspection.get(row.judgementId);
    return {
      judgementId: row.judgementId,
      title: row.title,
      ...(before ? { atInspection: before } : {}),
      ...(now ? { now } : {}),
      direction: directionOf(before?.rank, now?.rank),
    };
  });
  return [...compared, ...unmatched];
}

function directionOf(
  before: number | undefined,
  after: number | undefined,
): JudgementSinceInspection['direction'] {
  if (before === undefined && after === undefined) return 'not-compared';
  if (before === undefined) return 'newly-graded';
  if (after === undefined) return 'no-longer-graded';
  return after > before ? 'up' : after < before ? 'down' : 'same';
}

/** Where each chosen recommendation has got, from its own closed flag and the live actions planned for it. */
export function recommendationProgress(
  recommendations: readonly Recommendation[],
  actions: readonly ImprovementAction[],
  chosen: (r: Recommendation) => boolean,
): RecommendationProgress {
  const counts: Record<RecommendationProgressStatus, number> = {
    'no-action': 0,
    'in-progress': 0,
    'actions-complete': 0,
    closed: 0,
  };
  const live = actions.filter((a) => !a.deletedAt && a.status !== 'no-longer-needed');
  const items = recommendations
    .filter((r) => !r.deletedAt && chosen(r))
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en', { numeric: true }))
    .map((r) => {
      const planned = live.filter((a) => a.recommendationIds.includes(r.id));
      const status: RecommendationProgressStatus = r.closed
        ? 'closed'
        : planned.length === 0
          ? 'no-action'
          : planned.every((a) => a.status === 'completed')
            ? 'actions-complete'
            : 'in-progress';
      counts[status] += 1;
      return { id: r.id, reference: r.reference, text: r.text, priorityAction: r.priorityAction, status };
    });
  return { total: items.length, counts, items };
}

/** The latest annual engagement letter's recommendations and where they have got, or undefined with none. */
export function lastLetterProgress(
  recommendations: readonly Recommendation[],
  actions: readonly ImprovementAction[],
): { date: string; progress: RecommendationProgress } | undefined {
  const letters = recommendations.filter((r) => !r.deletedAt && r.source === 'annual-engagement-letter');
  const date = letters
    .map((r) => r.date)
    .sort()
    .at(-1);
  if (date === undefined) return undefined;
  const progress = recommendationProgress(letters, actions, (r) => r.date === date);
  return { date, progress };
}
