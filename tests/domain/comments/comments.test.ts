import { describe, expect, it } from 'vitest';
import {
  addComment,
  deleteComment,
  editComment,
  replyTo,
  reopenThread,
  resolveThread,
  restoreComment,
} from '../../../src/domain/comments/comments';
import { mentionParts, parseMentions, workspacePeople } from '../../../src/domain/comments/mentions';
import type { Comment, CommentTarget } from '../../../src/domain/comments/records';
import { openThreadCounts, threadsFor } from '../../../src/domain/comments/threads';
import { TEXT_LIMITS } from '../../../src/domain/workspace/limits';

const people = ['Sam Lee', 'Sam', 'Priya Shah'];
const target: CommentTarget = { kind: 'criterion', id: 'ca-1', cycleId: 'cycle-1' };
let n = 0;
const meta = (by: string, at: string) => ({
  id: `c-${(n += 1)}`,
  createdAt: at,
  updatedAt: at,
  updatedBy: by,
});

function added(body: string, by = 'Sam Lee', at = '2026-12-01T09:00:00.000Z', on = target): Comment {
  const step = addComment({ meta: meta(by, at), target: on, body, people });
  if (!step.ok) throw new Error(step.problem);
  return step.comment;
}

function replied(parent: Comment, body: string, by = 'Priya Shah', at = '2026-12-01T10:00:00.000Z') {
  const step = replyTo(parent, { meta: meta(by, at), body, people });
  if (!step.ok) throw new Error(step.problem);
  return step.comment;
}

describe('writing comments', () => {
  it('records who wrote it, when, on what, and whom it mentions', () => {
    const c = added('  Can @priya shah check this? cc @Sam Lee.  ');
    expect(c).toMatchObject({
      target,
      body: 'Can @priya shah check this? cc @Sam Lee.',
      by: 'Sam Lee',
      at: '2026-12-01T09:00:00.000Z',
      mentions: ['Priya Shah', 'Sam Lee'],
    });
    expect(c.parentId).toBeUndefined();
  });

  it('refuses an empty comment or one over the limit', () => {
    expect(addComment({ meta: meta('A', 'x'), target, body: ' \n ', people })).toEqual({
      ok: false,
      problem: 'empty',
    });
    const long = 'a'.repeat(TEXT_LIMITS.comment + 1);
    expect(addComment({ meta: meta('A', 'x'), target, body: long, people })).toEqual({
      ok: false,
      problem: 'too-long',
    });
  });

  it('threads a reply under a top-level comment only, on the same record', () => {
    const top = added('Question');
    const reply = replied(top, 'Answer');
    expect(reply.parentId).toBe(top.id);
    expect(reply.target).toEqual(target);
    expect(replyTo(reply, { meta: meta('A', 'x'), body: 'Deeper', people })).toEqual({
      ok: false,
      problem: 'not-top-level',
    });
  });

  it('lets only the author edit, and marks the edit', () => {
    const c = added('First words');
    const now = '2026-12-02T09:00:00.000Z';
    expect(editComment(c, 'Changed', people, { by: 'Priya Shah', now })).toEqual({
      ok: false,
      problem: 'not-author',
    });
    const edited = editComment(c, 'Changed for @Sam', people, { by: ' sam lee ', now });
    expect(edited.ok && edited.comment).toMatchObject({
      body: 'Changed for @Sam',
      mentions: ['Sam'],
      editedAt: now,
    });
    expect(editComment(c, '', people, { by: 'Sam Lee', now })).toEqual({ ok: false, problem: 'empty' });
  });

  it('resolves and reopens a whole thread', () => {
    const top = added('Question');
    const reply = replied(top, 'Answer');
    const resolved = resolveThread(top, { by: 'Priya Shah', now: '2026-12-03T09:00:00.000Z' });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    const [thread] = threadsFor([resolved.comment, reply], target);
    expect(thread).toMatchObject({ resolved: true, replies: [reply] });
    expect(resolved.comment).toMatchObject({
      resolvedBy: 'Priya Shah',
      resolvedAt: '2026-12-03T09:00:00.000Z',
    });
    expect(resolveThread(reply, { by: 'x', now: 'y' })).toEqual({ ok: false, problem: 'not-top-level' });
    const reopened = reopenThread(resolved.comment);
    expect(reopened.ok && reopened.comment).toEqual(top);
  });

  it('deletes softly, by the author only; a deleted thread takes its replies', () => {
    const top = added('Question');
    const reply = replied(top, 'Answer');
    const now = '2026-12-03T09:00:00.000Z';
    expect(deleteComment(top, { by: 'Priya Shah', now }).ok).toBe(false);
    const deleted = deleteComment(top, { by: 'Sam Lee', now });
    if (!deleted.ok) throw new Error(deleted.problem);
    expect(deleted.comment.deletedAt).toBe(now);
    expect(threadsFor([deleted.comment, reply], target)).toEqual([]);
    expect(threadsFor([restoreComment(deleted.comment), reply], target)).toHaveLength(1);
  });
});

describe('threads and counts', () => {
  it('lists a record’s threads oldest first, replies in time order, and counts the open ones', () => {
    const later = added('Later', 'Sam Lee', '2026-12-01T12:00:00.000Z');
    const earlier = added('Earlier', 'Sam Lee', '2026-12-01T08:00:00.000Z');
    const other = added('Elsewhere', 'Sam Lee', '2026-12-01T08:00:00.000Z', { kind: 'audit', id: 'audit-1' });
    const second = replied(earlier, 'Second', 'Priya Shah', '2026-12-01T11:00:00.000Z');
    const first = replied(earlier, 'First', 'Priya Shah', '2026-12-01T09:00:00.000Z');
    const all = [later, second, other, earlier, first];
    const threads = threadsFor(all, target);
    expect(threads.map((t) => t.comment.body)).toEqual(['Earlier', 'Later']);
    expect(threads[0]!.replies.map((r) => r.body)).toEqual(['First', 'Second']);
    const resolved = resolveThread(later, { by: 'A', now: 'B' });
    if (!resolved.ok) throw new Error();
    const counts = openThreadCounts([resolved.comment, second, other, earlier, first]);
    expect(Object.fromEntries(counts)).toEqual({ 'ca-1': 1, 'audit-1': 1 });
  });
});

describe('mentions', () => {
  it('gathers everyone the workspace names, once each', () => {
    expect(
      workspacePeople({
        userName: 'Sam Lee',
        criterionAssessments: [{ assignee: 'priya  shah' }, { assignee: '' }],
        actions: [{ owner: 'Sam Lee' }],
        audits: [{ auditor: 'Jo Brown' }],
        rounds: [{ auditors: ['Ana Silva'] }],
        moderations: [{ moderator: 'Priya Shah' }],
      }),
    ).toEqual(['Ana Silva', 'Jo Brown', 'priya shah', 'Sam Lee']);
  });

  it('matches the longest name, whole words only, and leaves unknown names as text', () => {
    expect(parseMentions('@Sam Lee and @Sam, not @Samantha or @Nobody', people)).toEqual(['Sam Lee', 'Sam']);
    expect(mentionParts('Hi @sam lee!', people)).toEqual([
      { text: 'Hi ' },
      { text: '@sam lee', mention: 'Sam Lee' },
      { text: '!' },
    ]);
    expect(mentionParts('email@ nobody', people)).toEqual([{ text: 'email@ nobody' }]);
  });
});
