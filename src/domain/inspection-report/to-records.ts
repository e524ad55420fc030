/*
 * What a read report becomes once the user ticks it: tracker recommendations (source, date, the
 * report's own numbers as references, the priority-action flag, the judgements they concern), the
 * last-inspection record, and a draft improvement action per area for priority action. Pure: ids,
 * authors and times are added by the state manager that saves them.
 */
import type { Framework } from '../framework/types';
import type { ImprovementAction, Recommendation, RecordMeta } from '../workspace/records';
import { TEXT_LIMITS } from '../workspace/limits';
import { judgementsConcerned } from './judgements-concerned';
import type { LastInspection } from './last-inspection';
import { SOURCE_OF_KIND, type ListKind, type ReadItem, type ReadReport, type ReportKind } from './types';

type Fields<T> = Omit<T, keyof RecordMeta>;

const KIND_PREFIX: Record<ReportKind, string> = {
  'ilacs-report': '',
  'sif-report': '',
  'focused-visit': 'FV ',
  'monitoring-visit': 'MV ',
  jtai: 'JTAI ',
};
const PRIORITY_LISTS: readonly ListKind[] = ['priority-action', 'priority-immediate-action'];

export const isPriorityItem = (item: Pick<ReadItem, 'list'>): boolean => PRIORITY_LISTS.includes(item.list);

/** "R3", "PA1", "FV R2", "JTAI PA1": the report's own number, prefixed by its list and its kind. */
export function referenceFor(kind: ReportKind, item: Pick<ReadItem, 'list' | 'number'>): string {
  return `${KIND_PREFIX[kind]}${isPriorityItem(item) ? 'PA' : 'R'}${item.number}`;
}

/** The date the tracker files it under: publication, else the last day of fieldwork. */
export function reportDate(report: ReadReport): string {
  return report.published?.date ?? report.fieldwork?.end ?? '';
}

export function draftRecommendation(
  report: ReadReport,
  item: ReadItem,
  framework: Framework | undefined,
): Fields<Recommendation> {
  return {
    source: SOURCE_OF_KIND[report.kind],
    date: reportDate(report),
    reference: referenceFor(report.kind, item),
    text: item.text.slice(0, TEXT_LIMITS.longText),
    priorityAction: isPriorityItem(item),
    judgementIds: judgementsConcerned(item.text, item.list, framework),
    progressSummary: '',
    closed: false,
  };
}

export function draftPriorityAction(
  report: ReadReport,
  item: ReadItem,
  recommendation: Pick<Recommendation, 'id' | 'judgementIds'>,
): Omit<Fields<ImprovementAction>, 'completedAt'> {
  const title = `Respond to area for priority action ${referenceFor(report.kind, item)}: ${item.text}`;
  return {
    title: title.length > 150 ? `${title.slice(0, 149).trimEnd()}…` : title,
    description: item.text.slice(0, TEXT_LIMITS.longText),
    owner: '',
    dueDate: '',
    status: 'not-started',
    // No owner or due date yet: at risk until someone takes it on.
    rag: 'amber',
    progressNotes: [],
    criterionIds: [],
    judgementIds: [...recommendation.judgementIds],
    recommendationIds: [recommendation.id],
    auditIds: [],
  };
}

export function buildLastInspection(
  report: ReadReport,
  fileName: string,
  recorded: { by: string; now: string },
): LastInspection {
  return {
    kind: report.kind,
    councilName: report.council?.name ?? '',
    ...(report.framework
      ? {
          frameworkId: report.framework.id,
          frameworkVersion: report.framework.version,
          frameworkTitle: report.framework.title,
        }
      : {}),
    ...(report.fieldwork
      ? { fieldworkStart: report.fieldwork.start, fieldworkEnd: report.fieldwork.end }
      : {}),
    ...(report.published ? { published: report.published.date } : {}),
    grades: report.judgements.map((j) => ({
      name: j.name,
      grade: j.grade,
      ...(j.judgementId && j.levelId ? { judgementId: j.judgementId, levelId: j.levelId } : {}),
    })),
    fileName: fileName.slice(0, TEXT_LIMITS.fileName),
    recordedAt: recorded.now,
    recordedBy: recorded.by,
  };
}

/** Already in the tracker: the same source, date and reference (the same report read again). */
export function isAlreadyTracked(
  existing: readonly Pick<Recommendation, 'source' | 'date' | 'reference'>[],
  draft: Pick<Recommendation, 'source' | 'date' | 'reference'>,
): boolean {
  return existing.some(
    (r) => r.source === draft.source && r.date === draft.date && r.reference === draft.reference,
  );
}
