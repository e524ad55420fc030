/*
 * Rehearsals and the notification-week checklist. Deletes are soft, like every record.
 */
import type { NotificationItem, Rehearsal } from '../../domain/rehearsal/records';
import type { WorkbookDatabase } from '../db';
import { annexARepository } from './annex-a-repository';
import { isLive, stamp, type Author } from './stamp';

export function rehearsalsRepository(db: WorkbookDatabase) {
  return {
    ...annexARepository(db),
    async listRehearsals(): Promise<Rehearsal[]> {
      return (await db.rehearsals.orderBy('date').reverse().toArray()).filter(isLive);
    },
    async saveRehearsal(rehearsal: Rehearsal, author: Author): Promise<Rehearsal> {
      const saved = stamp(rehearsal, author);
      await db.rehearsals.put(saved);
      return saved;
    },
    async deleteRehearsal(id: string, author: Author): Promise<void> {
      await db.transaction('rw', db.rehearsals, async () => {
        const found = await db.rehearsals.get(id);
        if (found && !found.deletedAt)
          await db.rehearsals.put(stamp({ ...found, deletedAt: author.now }, author));
      });
    },
    async restoreRehearsal(id: string, author: Author): Promise<void> {
      await db.transaction('rw', db.rehearsals, async () => {
        const found = await db.rehearsals.get(id);
        if (found?.deletedAt) {
          const { deletedAt: _deleted, ...live } = found;
          await db.rehearsals.put(stamp(live, author));
        }
      });
    },
    async listNotificationItems(): Promise<NotificationItem[]> {
      return (await db.notificationItems.toArray()).filter(isLive);
    },
    async saveNotificationItem(item: NotificationItem, author: Author): Promise<NotificationItem> {
      const saved = stamp(item, author);
      await db.notificationItems.put(saved);
      return saved;
    },
  };
}

export type RehearsalsRepository = ReturnType<typeof rehearsalsRepository>;
