import { describe, expect, it } from 'vitest';
import { CommentDrafts, DRAFTS_KEY } from '../../src/state/comment-drafts';
import { memoryStorage } from '../helpers/memory-storage';

const at = (iso: string) => () => new Date(iso);

describe('comment drafts', () => {
  it('survive a reload: a new page reads what the last one typed, and a sent comment’s draft goes', () => {
    const storage = memoryStorage();
    const before = new CommentDrafts(() => storage, at('2026-12-01T10:00:00Z'));
    before.keep('new:criterion:c1', 'Which audit shows this? @Sam');
    before.keep('reply:t1', 'Agreed.');
    const after = new CommentDrafts(() => storage, at('2026-12-01T10:05:00Z'));
    expect(after.get('new:criterion:c1')).toBe('Which audit shows this? @Sam');
    expect(after.get('reply:t1')).toBe('Agreed.');
    after.keep('new:criterion:c1', '');
    after.keep('reply:t1', '');
    expect(storage.getItem(DRAFTS_KEY)).toBeNull();
    expect(new CommentDrafts(() => storage).get('new:criterion:c1')).toBe('');
  });

  it('drops drafts left for three months, and ignores what it cannot read', () => {
    const storage = memoryStorage();
    new CommentDrafts(() => storage, at('2026-01-01T10:00:00Z')).keep('old', 'Long ago');
    new CommentDrafts(() => storage, at('2026-11-30T10:00:00Z')).keep('recent', 'Yesterday');
    const today = new CommentDrafts(() => storage, at('2026-12-01T10:00:00Z'));
    expect(today.get('old')).toBe('');
    expect(today.get('recent')).toBe('Yesterday');
    for (const damaged of [
      'not json',
      '[1,2]',
      '{"a":{"text":3,"at":"x"},"__proto__":{"text":"x","at":"2026-12-01T00:00:00Z"}}',
    ]) {
      storage.setItem(DRAFTS_KEY, damaged);
      const drafts = new CommentDrafts(() => storage, at('2026-12-01T10:00:00Z'));
      expect(drafts.get('a')).toBe('');
      drafts.keep('b', 'Still kept');
      expect(new CommentDrafts(() => storage, at('2026-12-01T10:00:00Z')).get('b')).toBe('Still kept');
    }
  });

  it('keeps typing in memory when the browser refuses to store it', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const drafts = new CommentDrafts(() => full as Storage);
    drafts.keep('new:narrative:n1', 'Typed while the disk is full');
    expect(drafts.get('new:narrative:n1')).toBe('Typed while the disk is full');
  });
});
