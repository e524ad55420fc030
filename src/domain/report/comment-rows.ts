/*
 * The comments of one cycle as the workbook lists them: those on its criteria and narratives and on
 * the case audits the workbook carries, thread by thread, each named by what it is on in the
 * framework's words (criterion ref and title, judgement, case reference). Workbook only: the PDF and
 * Word document never read these rows.
 */
import type { CaseAudit } from '../case-audit/records';
import type { Comment } from '../comments/records';
import { allThreads } from '../comments/threads';
import type { Framework } from '../framework/types';
import type { CycleBundle } from '../workspace/records';

export interface CommentRow {
  on: string;
  /** 1, 2, 3… by thread, so a filter on it shows one thread. */
  thread: number;
  kind: 'Comment' | 'Reply';
  by: string;
  at: string;
  text: string;
  mentions: string;
  resolvedBy: string;
  resolvedAt: string;
}

export function buildCommentRows(
  comments: readonly Comment[],
  framework: Framework,
  bundle: CycleBundle,
  audits: readonly CaseAudit[],
): CommentRow[] {
  const names = new Map<string, string>();
  for (const a of bundle.criterionAssessments) {
    const c = framework.criteria.find((x) => x.id === a.criterionId);
    if (c) names.set(a.id, `Criterion ${c.ref} ${c.title}`);
  }
  for (const n of bundle.narratives) {
    const j = framework.judgements.find((x) => x.id === n.judgementId);
    if (j) names.set(n.id, `Self-evaluation: ${j.title}`);
  }
  for (const a of audits) names.set(a.id, `Case audit ${a.caseReference}`);
  const threads = allThreads(comments).filter((t) => names.has(t.comment.target.id));
  return threads.flatMap((t, i) =>
    [t.comment, ...t.replies].map((c) => ({
      on: names.get(t.comment.target.id)!,
      thread: i + 1,
      kind: c === t.comment ? ('Comment' as const) : ('Reply' as const),
      by: c.by,
      at: c.at,
      text: c.body,
      mentions: c.mentions.join('; '),
      resolvedBy: c === t.comment ? (c.resolvedBy ?? '') : '',
      resolvedAt: c === t.comment ? (c.resolvedAt ?? '') : '',
    })),
  );
}
