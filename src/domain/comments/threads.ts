/*
 * Comments as people read them: threads on one record, oldest first, each with its replies, and the
 * count of open threads per record for a badge. A deleted comment is gone from both; so is a reply
 * whose thread was deleted, or one whose parent is missing or is itself a reply.
 */
import { sameTarget, type Comment, type CommentTarget } from './records';

export interface CommentThread {
  comment: Comment;
  replies: Comment[];
  resolved: boolean;
}

const byTime = (a: Comment, b: Comment) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);

/** Every live thread in the workspace, oldest first. */
export function allThreads(comments: readonly Comment[]): CommentThread[] {
  const live = comments.filter((c) => !c.deletedAt);
  const tops = live.filter((c) => !c.parentId).sort(byTime);
  const topIds = new Set(tops.map((t) => t.id));
  const replies = new Map<string, Comment[]>();
  for (const c of live)
    if (c.parentId && topIds.has(c.parentId))
      replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  return tops.map((comment) => ({
    comment,
    replies: (replies.get(comment.id) ?? []).filter((r) => sameTarget(r.target, comment.target)).sort(byTime),
    resolved: comment.resolvedAt !== undefined,
  }));
}

export function threadsFor(comments: readonly Comment[], target: CommentTarget): CommentThread[] {
  return allThreads(comments.filter((c) => sameTarget(c.target, target)));
}

/** Record id → how many of its threads are open (records with none are absent). */
export function openThreadCounts(comments: readonly Comment[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const thread of allThreads(comments))
    if (!thread.resolved)
      counts.set(thread.comment.target.id, (counts.get(thread.comment.target.id) ?? 0) + 1);
  return counts;
}

export function openCommentsWords(count: number): string {
  return count === 1 ? '1 open comment' : `${count} open comments`;
}
