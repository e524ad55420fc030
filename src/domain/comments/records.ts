/*
 * Comments people leave on a criterion, a judgement's narrative or a case audit: threaded one level
 * deep (a reply answers a top-level comment), resolved and reopened as a whole thread. Comments are
 * working notes of the team: in the workbook, never in the committee PDF or Word document.
 */
import type { RecordMeta } from '../workspace/record-meta';

export const COMMENT_TARGET_KINDS = {
  criterion: 'Criterion',
  narrative: 'Narrative',
  audit: 'Case audit',
} as const;

export type CommentTargetKind = keyof typeof COMMENT_TARGET_KINDS;

export interface CommentTarget {
  kind: CommentTargetKind;
  /** The CriterionAssessment, Narrative or CaseAudit record's id. */
  id: string;
  /** The cycle of a criterion or narrative, so the comment travels with that cycle's records. */
  cycleId?: string;
}

export interface Comment extends RecordMeta {
  target: CommentTarget;
  /** The top-level comment this one replies to; replies never have replies of their own. */
  parentId?: string;
  /** Plain text with paragraphs. */
  body: string;
  by: string;
  /** ISO time it was written. */
  at: string;
  /** Names of people in the workspace the body mentions as @Name. */
  mentions: string[];
  /** On a top-level comment only: who resolved the thread and when. */
  resolvedBy?: string;
  resolvedAt?: string;
  editedAt?: string;
}

export function sameTarget(a: CommentTarget, b: CommentTarget): boolean {
  return a.kind === b.kind && a.id === b.id;
}
