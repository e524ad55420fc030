/*
 * Local changes made but not yet written into their unit. While a record has one, the unit still holds
 * the record as it was before the change, so writing the unit's copy into the workbook then would undo
 * the change (a click made while the previous edit was on its way to the unit). Counted per record,
 * from the moment the change is made (before it commits) until the sync has written it or it aborted.
 */
import type { LocalChange, SyncedTable } from '../storage/repositories/team-repository';

export class LocalInFlight {
  #count = new Map<string, number>();

  add(change: LocalChange): void {
    const key = keyOf(change.table, change.id);
    this.#count.set(key, (this.#count.get(key) ?? 0) + 1);
  }

  done(changes: readonly LocalChange[]): void {
    for (const change of changes) {
      const key = keyOf(change.table, change.id);
      const left = (this.#count.get(key) ?? 0) - 1;
      if (left > 0) this.#count.set(key, left);
      else this.#count.delete(key);
    }
  }

  has(table: SyncedTable, id: string): boolean {
    return this.#count.has(keyOf(table, id));
  }
}

function keyOf(table: SyncedTable, id: string): string {
  return `${table}/${id}`;
}
