// @ts-check
/*
 * The read side of a sync unit's layout (design.md §8, written by projector.ts): each table a Y.Map of
 * records by id, each record a Y.Map of fields, long text a Y.Text, several texts by key a Y.Map of
 * Y.Text, a growing list a Y.Array, anything else a plain value. Plain JavaScript, so that the team
 * server (Node, no TypeScript) reads units for its nightly backup exactly as browsers do.
 */
import * as Y from 'yjs';

/**
 * A field's value as the workbook stores it.
 * @param {unknown} value
 * @returns {unknown}
 */
export function decodeValue(value) {
  if (value instanceof Y.Text) return value.toString();
  if (value instanceof Y.Map) return Object.fromEntries([...value.entries()].map(([k, t]) => [k, String(t)]));
  if (value instanceof Y.Array) return structuredClone(value.toArray());
  return structuredClone(value);
}

/**
 * @param {Y.Map<unknown>} map
 * @returns {Record<string, unknown>}
 */
function decodeRecord(map) {
  /** @type {Record<string, unknown>} */
  const record = {};
  for (const [field, value] of map.entries()) record[field] = decodeValue(value);
  return record;
}

/**
 * The record as the unit holds it, or undefined.
 * @param {Y.Doc} doc
 * @param {string} table
 * @param {string} id
 */
export function readUnitRecord(doc, table, id) {
  const map = doc.getMap(table).get(id);
  return map instanceof Y.Map ? decodeRecord(map) : undefined;
}

/**
 * Every record of a table in the unit.
 * @param {Y.Doc} doc
 * @param {string} table
 */
export function readUnitRecords(doc, table) {
  return [...doc.getMap(table).values()].filter((m) => m instanceof Y.Map).map(decodeRecord);
}
