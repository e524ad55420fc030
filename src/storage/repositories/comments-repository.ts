/*
 * Comments on criteria, narratives and case audits. All are read at once (the pages group them by
 * record); deletes are soft, so a deleted comment can be put back and a later merge or sync sees it.
 */
import type { Comment } from '../../domain/comments/records';
import type { WorkbookDatabase } from '../db';
import { isLive, stamp, type Author } from './stamp';

export function commentsRepository(db: WorkbookDatabase) {
  return {
    async listComments(): Promise<Comment[]> {
      return (await db.comments.toArray()).filter(isLive);
    },
    /** Writes a comment as given (a deletion is a comment with `deletedAt`), stamped. */
    async saveComment(comment: Comment, author: Author): Promise<Comment> {
      const saved = stamp(comment, author);
      await db.comments.put(saved);
      return saved;
    },
  };
}

export type CommentsRepository = ReturnType<typeof commentsRepository>;
