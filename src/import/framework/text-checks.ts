/*
 * Text in an untrusted framework that would print or read differently from what it seems to say:
 * hidden control characters, characters that reverse the direction of text (the "Trojan Source"
 * trick), broken surrogate halves, and names that are blank once spaces and zero-width characters go.
 * Walks every string of the file, so a new field is covered without being listed here.
 */
import { issue, type Issue, type IssuePath } from '../../validation/issue';

/** C0 and C1 controls other than line breaks and tabs, which long texts legitimately hold. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** Fields a person reads as a name or heading: they must show something. */
const NAMES = new Set(['title', 'shortTitle', 'label', 'short', 'ref', 'question', 'text']);

export function checkFrameworkText(value: unknown, path: IssuePath = []): Issue[] {
  if (typeof value === 'string') return checkString(value, path);
  if (Array.isArray(value)) return value.flatMap((item, i) => checkFrameworkText(item, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => checkFrameworkText(item, [...path, key]));
  return [];
}

function checkString(text: string, path: IssuePath): Issue[] {
  if (LONE_SURROGATE.test(text)) return [issue('text-lone-surrogate', path)];
  if (BIDI_CONTROL.test(text)) return [issue('text-bidi-control', path)];
  if (CONTROL.test(text)) return [issue('text-control-character', path)];
  const field = path.at(-1);
  if (typeof field === 'string' && NAMES.has(field) && text.replace(INVISIBLE, '') === '')
    return [issue('text-blank', path)];
  return [];
}
