/*
 * An untrusted JSON file's bytes (a backup, a framework) to a JSON value, quickly when the file is
 * sound. The strict scanner of parseJsonText walks a 13 MB backup, or every shipped framework as a page
 * opens, character by character, so here the browser's JSON.parse goes first; only when
 * it fails, or the file might hold what JSON.parse lets through (a field name given twice, nesting
 * deeper than the limit, a number too large to read), does parseJsonText read it again to say exactly
 * what is wrong and where. Either way the answer is parseJsonText's.
 */
import type { Result } from './issue';
import { MAX_NESTING, parseJsonText } from './json-text';

export function parseJsonFile(bytes: Uint8Array, maxBytes: number): Result<unknown> {
  const value = soundJson(bytes, maxBytes);
  return value === NOT_SURE ? parseJsonText(bytes, maxBytes) : { ok: true, value, warnings: [] };
}

const NOT_SURE = Symbol('not sure');

function soundJson(bytes: Uint8Array, maxBytes: number): unknown {
  if (bytes.byteLength === 0 || bytes.byteLength > maxBytes || bytes.includes(0)) return NOT_SURE;
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    value = JSON.parse(text);
  } catch {
    return NOT_SURE;
  }
  const shape = { keys: 0, sound: true };
  walk(value, 0, shape);
  return shape.sound && shape.keys === fieldsWritten(text) ? value : NOT_SURE;
}

/** Counts the distinct field names JSON.parse kept; unsound when too deep or a number is Infinity. */
function walk(value: unknown, depth: number, shape: { keys: number; sound: boolean }): void {
  // Once unsound, the rest need not be walked: the strict reading takes over.
  if (!shape.sound) return;
  if (depth > MAX_NESTING) shape.sound = false;
  else if (typeof value === 'number') shape.sound &&= Number.isFinite(value);
  else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1, shape);
  else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    shape.keys += keys.length;
    for (const key of keys) walk((value as Record<string, unknown>)[key], depth + 1, shape);
  }
}

/**
 * The field names written in the text, duplicates included. The text is JSON that JSON.parse read, so
 * a field name is a string followed (perhaps after white space) by a colon, and every other string is
 * not: each string is skipped whole (to its first quote not escaped by a backslash) and what follows
 * it looked at.
 */
function fieldsWritten(text: string): number {
  let count = 0;
  for (let from = 0; ;) {
    const open = text.indexOf('"', from);
    if (open === -1) return count;
    from = endOfString(text, open);
    if (from === -1) return -1;
    let next = from;
    while (JSON_SPACE.has(text.charCodeAt(next))) next += 1;
    if (text.charCodeAt(next) === COLON) count += 1;
  }
}

const COLON = 0x3a;
/** Space, tab, line feed and carriage return: the white space JSON allows between tokens. */
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Just past the quote that closes the string opening at `open`; -1 if it never closes. */
function endOfString(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return -1;
}

const BACKSLASH = 0x5c;
