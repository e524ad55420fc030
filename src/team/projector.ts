/*
 * The projector (design.md §8): a workbook record ↔ its Y.Map in its unit's Y.Doc, field by field.
 * Each table is a Y.Map keyed by record id; long text is a Y.Text (two people typing both keep their
 * words), history and progress notes are Y.Arrays (both sides' entries kept), every other field is a
 * plain value that the later writer wins inside Yjs. Every edit of a field is noted in the unit's change
 * log with the edits it saw (`after`); two edits that saw the same state are a conflict the app shows
 * until someone settles it.
 */
import * as Y from 'yjs';
import type { SyncedRecord, SyncedTable } from '../storage/repositories/team-repository';
import { decodeValue, readUnitRecord, readUnitRecords } from './unit-layout.js';

/** The transaction origin of edits made in this browser: everything else came from the team or storage. */
export const LOCAL_EDIT = 'local-edit';

const TEXT_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = {
  criterionAssessments: ['strengths', 'areasForDevelopment'],
  judgementAssessments: ['rationale'],
  evidence: ['notes'],
  actions: ['description'],
  recommendations: ['text', 'progressSummary'],
  indicators: ['definition'],
  caseAudits: [
    'strengths',
    'worries',
    'voiceOfChildAndFamily',
    'practitionerActions',
    'managerActions',
    'practitionerResponse',
  ],
  moderations: ['reason'],
  rehearsals: ['findings'],
  comments: ['body'],
};
/** Fields holding several texts by key (a narrative's answer to each self-evaluation question). */
const TEXT_MAP_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = { narratives: ['answers'] };
/** Lists that only grow: entries from every side are kept. */
const LOG_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = {
  cycles: ['statusHistory'],
  criterionAssessments: ['history'],
  judgementAssessments: ['history'],
  narratives: ['history'],
  actions: ['progressNotes'],
};
/** Stamps every save changes: never a conflict. */
const UNNOTED = new Set(['id', 'createdAt', 'updatedAt', 'updatedBy']);

type FieldKind = 'text' | 'text-map' | 'log' | 'value';

export function fieldKind(table: SyncedTable, field: string): FieldKind {
  if (TEXT_FIELDS[table]?.includes(field)) return 'text';
  if (TEXT_MAP_FIELDS[table]?.includes(field)) return 'text-map';
  if (LOG_FIELDS[table]?.includes(field)) return 'log';
  return 'value';
}

export interface Who {
  by: string;
  at: string;
}

type RecordMap = Y.Map<unknown>;

export function tableOf(doc: Y.Doc, table: SyncedTable): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>(table);
}

/** The record as the unit holds it, or undefined. */
export function readRecord(doc: Y.Doc, table: SyncedTable, id: string): SyncedRecord | undefined {
  return readUnitRecord(doc, table, id) as SyncedRecord | undefined;
}

export function readAllRecords(doc: Y.Doc, table: SyncedTable): SyncedRecord[] {
  return readUnitRecords(doc, table) as SyncedRecord[];
}

/**
 * Writes a local record into its unit: `fields` are the ones the local write changed (all of them for a
 * new record). Returns whether the unit changed. Fields equal to the unit's are left alone, so writing
 * back what came from the team changes nothing.
 */
export function writeRecord(
  doc: Y.Doc,
  table: SyncedTable,
  record: SyncedRecord,
  fields: readonly string[] | undefined,
  who: Who,
  /** Texts this browser's editors may have started from, for each text field (see applyTextFrom). */
  basesOf: BasesOf = () => [],
): boolean {
  let changed = false;
  doc.transact(() => {
    const records = tableOf(doc, table);
    let map = records.get(record.id);
    const added = !(map instanceof Y.Map);
    if (added) {
      map = new Y.Map();
      records.set(record.id, map);
    }
    const target = map!;
    const names = fields ?? [...new Set([...Object.keys(record), ...target.keys()])];
    for (const field of names) {
      const value = record[field];
      const kind = fieldKind(table, field);
      const outcome = setField(target, kind, field, value, (key) => basesOf(field, key));
      if (!outcome) continue;
      changed = true;
      const key = changeKey(table, record.id, field);
      if (outcome === 'unplaced') noteUnplaced(doc, key, value, decodeValue(target.get(field)), who);
      else if (!added && !UNNOTED.has(field) && kind !== 'log')
        noteEdit(doc, key, value, kind !== 'value', who);
    }
  }, LOCAL_EDIT);
  return changed;
}

/** A record removed for good (soft deletes are a field like any other). */
export function removeRecord(doc: Y.Doc, table: SyncedTable, id: string): void {
  doc.transact(() => tableOf(doc, table).delete(id), LOCAL_EDIT);
}

export type BasesOf = (field: string, key?: string) => readonly string[];

/** true: changed; 'unplaced': a text edit that could not be placed in the team's newer text (kept aside). */
type FieldOutcome = boolean | 'unplaced';

function setField(
  map: RecordMap,
  kind: FieldKind,
  field: string,
  value: unknown,
  basesOf: (key?: string) => readonly string[] = () => [],
): FieldOutcome {
  const current = map.get(field);
  if (value === undefined) {
    if (!map.has(field)) return false;
    map.delete(field);
    return true;
  }
  if (kind === 'text' && typeof value === 'string') {
    if (current instanceof Y.Text) return applyTextFrom(current, value, basesOf());
    map.set(field, new Y.Text(value));
    return true;
  }
  if (kind === 'text-map' && isStringRecord(value)) {
    let texts = current;
    if (!(texts instanceof Y.Map)) {
      texts = new Y.Map<Y.Text>();
      map.set(field, texts);
    }
    const yTexts = texts as Y.Map<Y.Text>;
    let changed: FieldOutcome = !(current instanceof Y.Map);
    for (const [key, text] of Object.entries(value)) {
      const existing = yTexts.get(key);
      if (existing instanceof Y.Text) {
        const outcome = applyTextFrom(existing, text, basesOf(key));
        if (outcome === 'unplaced') changed = 'unplaced';
        else changed = changed || outcome;
      } else {
        yTexts.set(key, new Y.Text(text));
        changed = true;
      }
    }
    for (const key of [...yTexts.keys()]) {
      if (!(key in value)) {
        yTexts.delete(key);
        changed = true;
      }
    }
    return changed;
  }
  if (kind === 'log' && Array.isArray(value)) {
    let log = current;
    if (!(log instanceof Y.Array)) {
      log = new Y.Array<unknown>();
      map.set(field, log);
    }
    const yLog = log as Y.Array<unknown>;
    const present = new Set(yLog.toArray().map(canonical));
    const added = value.filter((entry) => !present.has(canonical(entry)));
    if (added.length) yLog.push(added.map((entry) => structuredClone(entry)));
    return added.length > 0 || !(current instanceof Y.Array);
  }
  if (!(current instanceof Y.AbstractType) && map.has(field) && canonical(current) === canonical(value)) {
    return false;
  }
  map.set(field, structuredClone(value));
  return true;
}

/** The one differing middle between two texts: `from` = prefix + removed + suffix, `to` = prefix + inserted + suffix. */
function difference(from: string, to: string) {
  let start = 0;
  const shortest = Math.min(from.length, to.length);
  while (start < shortest && from[start] === to[start]) start++;
  let end = 0;
  while (end < shortest - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  return {
    at: start,
    removed: from.slice(start, from.length - end),
    inserted: to.slice(start, to.length - end),
  };
}

const CONTEXT = 24;

/**
 * Applies a local text edit to the team's text. An editor on a page may have started from an older text
 * than the unit now holds (a colleague's words arrived meanwhile): the edit is taken as the change from
 * the likeliest of those starting texts, and made in the team's text only where its surroundings are
 * found once. Otherwise nothing of the team's text is touched and the edit is 'unplaced' (kept aside as
 * a conflict), so a stale page never deletes what a colleague wrote.
 */
export function applyTextFrom(text: Y.Text, next: string, bases: readonly string[]): FieldOutcome {
  const current = text.toString();
  if (current === next) return false;
  const cost = (base: string) => {
    const d = difference(base, next);
    return d.removed.length + d.inserted.length;
  };
  let base = current;
  let best = cost(current);
  for (const candidate of bases) {
    const c = cost(candidate);
    if (c < best) {
      base = candidate;
      best = c;
    }
  }
  const edit = difference(base, next);
  let at = edit.at;
  if (base !== current) {
    const before = base.slice(Math.max(0, edit.at - CONTEXT), edit.at);
    const after = base.slice(edit.at + edit.removed.length, edit.at + edit.removed.length + CONTEXT);
    const needle = before + edit.removed + after;
    const found = current.indexOf(needle);
    if (found < 0 || current.indexOf(needle, found + 1) >= 0) return 'unplaced';
    at = found + before.length;
  }
  if (edit.removed.length) text.delete(at, edit.removed.length);
  if (edit.inserted.length) text.insert(at, edit.inserted);
  return true;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** JSON with keys in order: the same value always gives the same text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

// ── The change log and conflicts ────────────────────────────────────────────────────────────────────
// One entry per field and per editing session (`<field key>@<client>`), rewritten in place on each edit,
// so the log grows with the people editing, not with keystrokes. `seq` counts the entry's edits; `after`
// names the other entries' edits (`<entry>#<seq>`) it had seen. An entry whose latest edit nobody has
// seen is a latest edit; two latest edits of one field are a conflict.

export interface Edit {
  key: string;
  seq: number;
  after: string[];
  /** The value set, for plain fields and for a text edit kept aside; null for a merged text edit. */
  to: unknown;
  by: string;
  at: string;
}

export interface ConflictVersion {
  editId: string;
  by: string;
  at: string;
  /** null when the edit is merged into the text (nothing to choose between). */
  value: unknown;
}

export interface Conflict {
  table: SyncedTable;
  id: string;
  field: string;
  /** True when Yjs merged every side into the text: `current` holds both people's words. */
  merged: boolean;
  current: unknown;
  versions: ConflictVersion[];
}

const changeKey = (table: SyncedTable, id: string, field: string) => `${table}/${id}/${field}`;

/** A change key's parts: an id may hold a slash (a notification-week item's does), a table or field never. */
export function splitChangeKey(key: string): { table: SyncedTable; id: string; field: string } {
  const parts = key.split('/');
  return { table: parts[0] as SyncedTable, id: parts.slice(1, -1).join('/'), field: parts.at(-1)! };
}
const TEAM_SIDE = 'team';

export function changesOf(doc: Y.Doc): Y.Map<Edit> {
  return doc.getMap<Edit>('changes');
}

function latestOf(edits: [string, Edit][]): [string, Edit][] {
  const seen = new Set(edits.flatMap(([, edit]) => edit.after));
  return edits.filter(([id, edit]) => !seen.has(`${id}#${edit.seq}`)).sort(([a], [b]) => (a < b ? -1 : 1));
}

function editsOf(doc: Y.Doc, key: string): [string, Edit][] {
  return [...changesOf(doc).entries()].filter(([, edit]) => edit.key === key);
}

/** References to keep: the newest seen edit of each entry. */
function mergeRefs(refs: string[]): string[] {
  const newest = new Map<string, number>();
  for (const ref of refs) {
    const cut = ref.lastIndexOf('#');
    const id = ref.slice(0, cut);
    newest.set(id, Math.max(newest.get(id) ?? 0, Number(ref.slice(cut + 1))));
  }
  return [...newest].map(([id, seq]) => `${id}#${seq}`).sort();
}

function writeEdit(
  doc: Y.Doc,
  key: string,
  to: unknown,
  who: Who,
  { sawLatest = true, side = String(doc.clientID) }: { sawLatest?: boolean; side?: string } = {},
): void {
  const changes = changesOf(doc);
  const mine = `${key}@${side}`;
  const existing = changes.get(mine);
  const others = sawLatest
    ? latestOf(editsOf(doc, key))
        .filter(([id]) => id !== mine)
        .map(([id, edit]) => `${id}#${edit.seq}`)
    : [];
  changes.set(mine, {
    key,
    seq: (existing?.seq ?? 0) + 1,
    after: mergeRefs([...(existing?.after ?? []), ...others]),
    to: to === undefined ? null : structuredClone(to),
    by: who.by,
    at: who.at,
  });
}

function noteEdit(doc: Y.Doc, key: string, to: unknown, isText: boolean, who: Who): void {
  writeEdit(doc, key, isText ? null : (to ?? null), who);
}

/** A local text that could not be merged: kept as an edit that saw nothing, so it shows as a conflict. */
function noteUnplaced(doc: Y.Doc, key: string, to: unknown, teams: unknown, who: Who): void {
  const others = latestOf(editsOf(doc, key)).filter(([id]) => !id.endsWith(`@${doc.clientID}`));
  // The team's text needs an edit of its own to stand beside this one.
  if (others.length === 0 || others.every(([, edit]) => edit.to === null)) {
    writeEdit(
      doc,
      key,
      teams,
      { by: 'The team workspace', at: who.at },
      { sawLatest: false, side: TEAM_SIDE },
    );
  }
  writeEdit(doc, key, to, who, { sawLatest: false });
}

/** Every field two people changed from the same starting point, not yet settled. */
export function conflictsOf(doc: Y.Doc): Conflict[] {
  const byKey = new Map<string, [string, Edit][]>();
  for (const entry of changesOf(doc).entries()) {
    const list = byKey.get(entry[1].key) ?? [];
    list.push(entry);
    byKey.set(entry[1].key, list);
  }
  const conflicts: Conflict[] = [];
  for (const [key, edits] of byKey) {
    const latest = latestOf(edits);
    if (latest.length < 2) continue;
    const { table, id, field } = splitChangeKey(key);
    const record = readRecord(doc, table, id);
    if (!record) continue;
    conflicts.push({
      table,
      id,
      field,
      merged: fieldKind(table, field) !== 'value' && latest.every(([, edit]) => edit.to === null),
      current: record[field],
      versions: latest.map(([editId, edit]) => ({ editId, by: edit.by, at: edit.at, value: edit.to })),
    });
  }
  return conflicts;
}

/** Settles a conflict with the value the person chose (one side's, or a text's merge as it stands). */
export function settleConflict(doc: Y.Doc, conflict: Conflict, value: unknown, who: Who): void {
  const key = changeKey(conflict.table, conflict.id, conflict.field);
  doc.transact(() => {
    const map = tableOf(doc, conflict.table).get(conflict.id);
    if (map instanceof Y.Map) setField(map, fieldKind(conflict.table, conflict.field), conflict.field, value);
    writeEdit(doc, key, fieldKind(conflict.table, conflict.field) === 'value' ? value : null, who);
  }, LOCAL_EDIT);
}

/**
 * Calls `listener` with the ids of records the team (or storage) changed in this unit, per table; edits
 * made here are not reported back.
 */
export function watchTeamChanges(
  doc: Y.Doc,
  tables: readonly SyncedTable[],
  listener: (table: SyncedTable, ids: Set<string>) => void,
): () => void {
  const stops = tables.map((table) => {
    const records = tableOf(doc, table);
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL_EDIT) return;
      const ids = new Set<string>();
      for (const event of events) {
        if (event.path.length === 0) for (const key of event.changes.keys.keys()) ids.add(key);
        else ids.add(String(event.path[0]));
      }
      if (ids.size) listener(table, ids);
    };
    records.observeDeep(observer);
    return () => records.unobserveDeep(observer);
  });
  return () => stops.forEach((stop) => stop());
}
