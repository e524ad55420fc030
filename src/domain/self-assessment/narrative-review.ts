/*
 * A judgement's narrative (its self-evaluation answers) is written by the person it is assigned to, sent
 * for review, and agreed or sent back with a comment, by the same rules as a criterion (review.ts). A
 * narrative gains its status, review and history only once something happens to it, so older workspaces
 * need no migration: until then its status follows its text ('to do' while every answer is empty).
 * Editing an agreed narrative's answers withdraws its sign-off, as editing an agreed criterion does.
 * The history lists the review steps and changes of assignee; the answers are long text, kept whole.
 */
import type { Author, HistoryEntry, Narrative } from '../workspace/records';
import type { WorkflowStatus } from '../workspace/vocabulary';
import {
  applyReviewStep,
  describeSignOff,
  withdrawSignOffIf,
  type Reviewable,
  type ReviewOutcome,
  type ReviewStep,
  type SignOff,
} from './review';

export type ReviewableNarrative = Narrative & Reviewable;

/** The narrative's status: as its review left it, or, never reviewed, whether anything is written. */
export function narrativeStatus(narrative: Narrative | undefined): WorkflowStatus {
  if (narrative?.status) return narrative.status;
  return narrative && Object.values(narrative.answers).some((t) => t.trim() !== '') ? 'in-progress' : 'to-do';
}

/** The narrative with the fields review reads, filled where it has never been reviewed. */
export function asReviewable(narrative: Narrative): ReviewableNarrative {
  return { ...narrative, status: narrativeStatus(narrative), history: narrative.history ?? [] };
}

/** Sends a narrative for review, agrees it or sends it back with a comment. */
export function reviewNarrative(
  narrative: Narrative,
  step: ReviewStep,
  comment: string,
  author: Author,
): ReviewOutcome<ReviewableNarrative> {
  return applyReviewStep(asReviewable(narrative), step, comment, author);
}

/** One answer typed; an agreed narrative whose answer changes goes back to in progress, unsigned. */
export function applyNarrativeAnswer(
  narrative: Narrative,
  sectionId: string,
  text: string,
  author: Author,
): Narrative {
  const next: Narrative = {
    ...narrative,
    answers: { ...narrative.answers, [sectionId]: text },
    toReEvaluate: false,
  };
  if (narrative.status !== 'agreed') return next;
  const changed = (narrative.answers[sectionId] ?? '') !== text;
  return withdrawSignOffIf(changed, asReviewable(narrative), asReviewable(next), author);
}

/** Who writes the narrative; the change is kept in its history. */
export function assignNarrative(narrative: Narrative, assignee: string, author: Author): Narrative {
  const from = narrative.assignee ?? '';
  const to = assignee.trim();
  if (from === to) return narrative;
  const entry: HistoryEntry = { at: author.now, by: author.by, field: 'assignee', from, to };
  return { ...narrative, assignee: to, history: [...(narrative.history ?? []), entry] };
}

/** Who signed the narrative off and when: the one answer the page, the PDF and the workbook show. */
export function describeNarrativeSignOff(narrative: Narrative | undefined): SignOff {
  return describeSignOff(narrative?.status ? asReviewable(narrative) : undefined);
}

/** Sent for review at some point and not agreed since: a final self-assessment has no review left open. */
export function isNarrativeReviewOpen(narrative: Narrative | undefined): boolean {
  return narrative?.status !== undefined && narrative.status !== 'agreed' && narrative.review !== undefined;
}
