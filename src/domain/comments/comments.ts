/*
 * The life of a comment: written, answered, edited by its author only, its thread resolved and
 * reopened as a whole, deleted softly so it can be put back. Each step returns the changed record or
 * the reason it was refused; nothing is changed when it is refused. Time and ids are passed in.
 */
import { samePerson } from '../workspace/same-person';
import { TEXT_LIMITS, textLength } from '../workspace/limits';
import type { Author, RecordMeta } from '../workspace/record-meta';
import { parseMentions } from './mentions';
import type { Comment, CommentTarget } from './records';

export type CommentProblem = 'empty' | 'too-long' | 'not-author' | 'not-top-level' | 'deleted';

export type CommentStep = { ok: true; comment: Comment } | { ok: false; problem: CommentProblem };

export const COMMENT_PROBLEMS: Readonly<Record<CommentProblem, string>> = {
  empty: 'Enter a comment',
  'too-long': `A comment must be ${TEXT_LIMITS.comment.toLocaleString('en-GB')} characters or fewer`,
  'not-author': 'Only the person who wrote a comment can change it',
  'not-top-level': 'A reply answers a comment, not another reply',
  deleted: 'This comment has been deleted',
};

function bodyProblem(body: string): CommentProblem | undefined {
  if (body.trim() === '') return 'empty';
  if (textLength(body) > TEXT_LIMITS.comment) return 'too-long';
  return undefined;
}

interface NewComment {
  meta: RecordMeta;
  target: CommentTarget;
  body: string;
  people: readonly string[];
}

export function addComment({ meta, target, body, people }: NewComment): CommentStep {
  const problem = bodyProblem(body);
  if (problem) return { ok: false, problem };
  const text = body.trim();
  const comment: Comment = {
    ...meta,
    target: { ...target },
    body: text,
    by: meta.updatedBy,
    at: meta.createdAt,
    mentions: parseMentions(text, people),
  };
  return { ok: true, comment };
}

/** A reply joins the thread of a top-level comment, on the same record. */
export function replyTo(parent: Comment, reply: Omit<NewComment, 'target'>): CommentStep {
  if (parent.deletedAt) return { ok: false, problem: 'deleted' };
  if (parent.parentId) return { ok: false, problem: 'not-top-level' };
  const added = addComment({ ...reply, target: parent.target });
  return added.ok ? { ok: true, comment: { ...added.comment, parentId: parent.id } } : added;
}

export function editComment(
  comment: Comment,
  body: string,
  people: readonly string[],
  author: Author,
): CommentStep {
  if (comment.deletedAt) return { ok: false, problem: 'deleted' };
  if (!samePerson(comment.by, author.by)) return { ok: false, problem: 'not-author' };
  const problem = bodyProblem(body);
  if (problem) return { ok: false, problem };
  const text = body.trim();
  if (text === comment.body) return { ok: true, comment };
  return {
    ok: true,
    comment: { ...comment, body: text, mentions: parseMentions(text, people), editedAt: author.now },
  };
}

/** Resolves the thread a comment belongs to (its top-level comment carries the mark). */
export function resolveThread(top: Comment, author: Author): CommentStep {
  if (top.deletedAt) return { ok: false, problem: 'deleted' };
  if (top.parentId) return { ok: false, problem: 'not-top-level' };
  return { ok: true, comment: { ...top, resolvedBy: author.by, resolvedAt: author.now } };
}

export function reopenThread(top: Comment): CommentStep {
  if (top.deletedAt) return { ok: false, problem: 'deleted' };
  if (top.parentId) return { ok: false, problem: 'not-top-level' };
  const { resolvedBy: _by, resolvedAt: _at, ...open } = top;
  return { ok: true, comment: open };
}

/** Only the author deletes a comment; deleting a top-level comment takes its replies with it. */
export function deleteComment(comment: Comment, author: Author): CommentStep {
  if (!samePerson(comment.by, author.by)) return { ok: false, problem: 'not-author' };
  return { ok: true, comment: { ...comment, deletedAt: author.now } };
}

export function restoreComment(comment: Comment): Comment {
  const { deletedAt: _deleted, ...live } = comment;
  return live;
}
