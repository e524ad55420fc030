/*
 * What the user ticked, turned into the records to add: one recommendation per ticked item, a draft
 * action for each ticked area for priority action (linked to its recommendation), and the grades as
 * the last inspection. Items the tracker already holds (the same report read again) start unticked.
 */
import type { Framework } from '../framework/types';
import type { Recommendation } from '../workspace/records';
import { buildLastInspection, draftRecommendation, isAlreadyTracked, isPriorityItem } from './to-records';
import type { LastInspection } from './last-inspection';
import type { ReadReport } from './types';

export interface ReportChoices {
  /** Indexes into report.items. */
  items: number[];
  /** Indexes into report.items (priority items only) that also get a draft action. */
  actions: number[];
  grades: boolean;
}

export interface PlannedRecommendation {
  itemIndex: number;
  fields: ReturnType<typeof draftRecommendation>;
  withAction: boolean;
}

export interface AdditionsPlan {
  recommendations: PlannedRecommendation[];
  lastInspection?: LastInspection;
}

/** What starts ticked: every item the tracker does not hold yet, an action for each priority one, the grades. */
export function defaultChoices(
  report: ReadReport,
  framework: Framework | undefined,
  existing: readonly Pick<Recommendation, 'source' | 'date' | 'reference'>[],
): ReportChoices {
  const items = report.items.flatMap((item, i) =>
    isAlreadyTracked(existing, draftRecommendation(report, item, framework)) ? [] : [i],
  );
  return {
    items,
    actions: items.filter((i) => isPriorityItem(report.items[i]!)),
    grades: report.judgements.some((j) => j.judgementId),
  };
}

export function planAdditions(
  report: ReadReport,
  choices: ReportChoices,
  framework: Framework | undefined,
  recorded: { fileName: string; by: string; now: string },
): AdditionsPlan {
  const recommendations = report.items.flatMap((item, itemIndex) =>
    choices.items.includes(itemIndex)
      ? [
          {
            itemIndex,
            fields: draftRecommendation(report, item, framework),
            withAction: isPriorityItem(item) && choices.actions.includes(itemIndex),
          },
        ]
      : [],
  );
  const withGrades = choices.grades && report.judgements.length > 0;
  return {
    recommendations,
    ...(withGrades ? { lastInspection: buildLastInspection(report, recorded.fileName, recorded) } : {}),
  };
}

/** "3 recommendations, 1 draft action and the last inspection’s grades": what a plan adds, in words. */
export function describePlan(plan: AdditionsPlan): string {
  const parts: string[] = [];
  const count = plan.recommendations.length;
  const actions = plan.recommendations.filter((r) => r.withAction).length;
  if (count) parts.push(`${count} ${count === 1 ? 'recommendation' : 'recommendations'}`);
  if (actions) parts.push(`${actions} draft ${actions === 1 ? 'action' : 'actions'}`);
  if (plan.lastInspection) parts.push('the grades as the last inspection');
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
