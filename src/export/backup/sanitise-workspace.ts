/*
 * The self-assessment and register tables of a sanitised copy: the text that describes the service is
 * kept and scanned for identifiers, people become colleagues' labels, and links to shared drives go.
 * Last year's records in a cycle's archive are sanitised as the records they were.
 */
import type { Comment, CommentTarget } from '../../domain/comments/records';
import type { Indicator, IndicatorValue } from '../../domain/scorecard/records';
import type {
  ArchivedItem,
  AssessmentCycle,
  CriterionAssessment,
  CriterionReview,
  CycleStatusChange,
  EvidenceItem,
  HistoryEntry,
  ImprovementAction,
  JudgementAssessment,
  Narrative,
  ProgressNote,
  Recommendation,
} from '../../domain/workspace/records';
import { metaSpec } from './sanitise-audits';
import { keep, type Scrubber, type Spec } from './scrubber';

/** History keeps values as text: an assignee's name is a person, ids and levels are kept, text is scanned. */
const STRUCTURAL_HISTORY = new Set([
  'grade',
  'agreedGrade',
  'confidence',
  'status',
  'evidenceIds',
  'toReEvaluate',
]);

function historySpec(s: Scrubber) {
  return (entries: HistoryEntry[]) =>
    entries.map((entry) => {
      const value =
        entry.field === 'assignee' ? s.person : STRUCTURAL_HISTORY.has(entry.field) ? keep : s.text;
      return s.copy(entry, { at: keep, by: s.person, field: keep, from: value, to: value });
    });
}

export function criterionSpec(s: Scrubber): Spec<CriterionAssessment> {
  return {
    ...metaSpec(s),
    cycleId: keep,
    criterionId: keep,
    grade: keep,
    confidence: keep,
    strengths: s.text,
    areasForDevelopment: s.text,
    status: keep,
    assignee: s.person,
    evidenceIds: keep,
    toReEvaluate: keep,
    history: historySpec(s),
    review: reviewSpec(s),
  };
}

function reviewSpec(s: Scrubber) {
  return (review: CriterionReview) =>
    s.copy<CriterionReview>(review, {
      requestedBy: s.person,
      requestedAt: keep,
      signedOffBy: s.person,
      signedOffAt: keep,
      sentBack: (sentBack) => s.copy(sentBack, { by: s.person, at: keep, comment: s.text }),
    });
}

export function judgementSpec(s: Scrubber): Spec<JudgementAssessment> {
  return {
    ...metaSpec(s),
    cycleId: keep,
    judgementId: keep,
    agreedGrade: keep,
    rationale: s.text,
    toReEvaluate: keep,
    history: historySpec(s),
    review: (review) => s.copy(review, { signedOffBy: s.person, signedOffAt: keep }),
  };
}

export function narrativeSpec(s: Scrubber): Spec<Narrative> {
  return {
    ...metaSpec(s),
    cycleId: keep,
    judgementId: keep,
    answers: s.textValues,
    toReEvaluate: keep,
    assignee: s.person,
    status: keep,
    review: reviewSpec(s),
    history: historySpec(s),
  };
}

export function cycleSpec(s: Scrubber): Spec<AssessmentCycle> {
  const archived = { criterion: criterionSpec(s), judgement: judgementSpec(s), narrative: narrativeSpec(s) };
  // Last year's records kept in the archive are sanitised as the records they were.
  const archivedRecord = (item: ArchivedItem) => (record: Record<string, unknown>) =>
    item.kind === 'criterion-assessment'
      ? s.copy(record as unknown as CriterionAssessment, archived.criterion)
      : item.kind === 'judgement-assessment'
        ? s.copy(record as unknown as JudgementAssessment, archived.judgement)
        : s.copy(record as unknown as Narrative, archived.narrative);
  return {
    ...metaSpec(s),
    frameworkId: keep,
    frameworkVersion: keep,
    startYear: keep,
    status: keep,
    finalisedAt: keep,
    finalisedBy: s.person,
    statusHistory: s.each<CycleStatusChange>({ at: keep, by: s.person, change: keep, reason: s.text }),
    previousCycleId: keep,
    archive: (items) =>
      items.map((item) =>
        s.copy<ArchivedItem>(item, {
          kind: keep,
          oldId: keep,
          title: s.text,
          record: (record) => archivedRecord(item)(record) as unknown as Record<string, unknown>,
        }),
      ),
  };
}

export function evidenceSpec(s: Scrubber): Spec<EvidenceItem> {
  return {
    ...metaSpec(s),
    title: s.text,
    type: keep,
    date: keep,
    owner: s.person,
    // Paths and links name shared drives, sites and often people; they lead nowhere for a peer.
    location: s.empty,
    notes: s.text,
  };
}

export function actionSpec(s: Scrubber): Spec<ImprovementAction> {
  return {
    ...metaSpec(s),
    title: s.text,
    description: s.text,
    owner: s.person,
    dueDate: keep,
    status: keep,
    rag: keep,
    completedAt: keep,
    progressNotes: s.each<ProgressNote>({ at: keep, by: s.person, text: s.text }),
    criterionIds: keep,
    judgementIds: keep,
    recommendationIds: keep,
    auditIds: keep,
  };
}

export function recommendationSpec(s: Scrubber): Spec<Recommendation> {
  return {
    ...metaSpec(s),
    source: keep,
    date: keep,
    reference: s.text,
    text: s.text,
    priorityAction: keep,
    judgementIds: keep,
    progressSummary: s.text,
    closed: keep,
  };
}

export function indicatorSpec(s: Scrubber): Spec<Indicator> {
  return {
    ...metaSpec(s),
    name: s.text,
    definition: s.text,
    unit: keep,
    polarity: keep,
    frequency: keep,
    target: keep,
    tolerance: keep,
    source: s.text,
    owner: s.person,
    criterionIds: keep,
    values: s.each<IndicatorValue>({
      period: keep,
      value: keep,
      comparators: (c) => s.copy(c, { statisticalNeighbours: keep, region: keep, england: keep }),
    }),
  };
}

/**
 * A comment keeps its place and thread; people become colleagues' labels. Its text is scanned like
 * other text on a criterion or narrative, but removed on a case audit, where it is about a child's case.
 */
export function commentSpec(s: Scrubber, onCase: boolean): Spec<Comment> {
  return {
    ...metaSpec(s),
    target: (target) => s.copy<CommentTarget>(target, { kind: keep, id: keep, cycleId: keep }),
    parentId: keep,
    body: onCase ? s.empty : s.text,
    by: s.person,
    at: keep,
    mentions: s.people,
    resolvedBy: s.person,
    resolvedAt: keep,
    editedAt: keep,
  };
}
