/*
 * The recent texts of each text field as the workbook held them: what a page's editor may have started
 * from, so an edit written into a unit merges into a colleague's newer text instead of replacing it.
 */
import type { SyncedRecord, SyncedTable } from '../storage/repositories/team-repository';
import { fieldKind } from './projector';

const TEXTS_KEPT = 12;

export class TextMemory {
  #texts = new Map<string, string[]>();

  remember(table: SyncedTable, record: SyncedRecord | undefined): void {
    if (!record) return;
    for (const [field, value] of Object.entries(record)) {
      const kind = fieldKind(table, field);
      if (kind === 'text' && typeof value === 'string') this.#add(`${table}/${record.id}/${field}`, value);
      if (kind === 'text-map' && value && typeof value === 'object') {
        for (const [key, text] of Object.entries(value as Record<string, unknown>))
          if (typeof text === 'string') this.#add(`${table}/${record.id}/${field}/${key}`, text);
      }
    }
  }

  /** The texts a record's field (or one key of a text map) held lately, oldest first. */
  basesOf(table: SyncedTable, id: string): (field: string, key?: string) => string[] {
    return (field, key) =>
      this.#texts.get(`${table}/${id}/${field}${key === undefined ? '' : `/${key}`}`) ?? [];
  }

  #add(key: string, text: string): void {
    const list = this.#texts.get(key) ?? [];
    if (list[list.length - 1] === text) return;
    list.push(text);
    if (list.length > TEXTS_KEPT) list.shift();
    this.#texts.set(key, list);
  }
}
