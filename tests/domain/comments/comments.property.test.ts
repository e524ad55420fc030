// @vitest-environment node
/*
 * What must hold for every workspace the app could write: open-thread counts never exceed the comments
 * there are, every reply shown answers a live top-level comment on the same record.
 */
import { describe, expect, it } from 'vitest';
import { allThreads, openThreadCounts, threadsFor } from '../../../src/domain/comments/threads';
import { seededWorkspace } from '../../helpers/seeded-workspace';
import { shippedLibrary } from '../../helpers/shipped-library';

describe('comment threads of seeded workspaces', () => {
  it.each([1, 2, 3])('seed %i: counts and threads keep to the comments that exist', async (seed) => {
    const { shipped } = await shippedLibrary();
    const { comments } = seededWorkspace(seed, shipped);
    const live = comments.filter((c) => !c.deletedAt);
    const byId = new Map(live.map((c) => [c.id, c]));
    const threads = allThreads(comments);
    const counts = openThreadCounts(comments);
    expect(threads.length).toBeGreaterThan(0);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(live.filter((c) => !c.parentId).length);
    for (const thread of threads) {
      expect(thread.comment.parentId).toBeUndefined();
      for (const reply of thread.replies) {
        const parent = byId.get(reply.parentId!);
        expect(parent?.parentId).toBeUndefined();
        expect(parent?.target).toEqual(reply.target);
      }
      expect(threadsFor(comments, thread.comment.target)).toContainEqual(thread);
    }
    for (const [id, count] of counts)
      expect(count).toBeLessThanOrEqual(threads.filter((t) => t.comment.target.id === id).length);
  });
});
