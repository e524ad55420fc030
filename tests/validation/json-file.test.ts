import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseJsonFile } from '../../src/validation/json-file';
import * as jsonText from '../../src/validation/json-text';

vi.mock('../../src/validation/json-text', async (importOriginal) => {
  const original = await importOriginal<typeof jsonText>();
  const parseJsonText = (bytes: Uint8Array, maxBytes: number) => original.parseJsonText(bytes, maxBytes);
  return { ...original, parseJsonText: vi.fn(parseJsonText) };
});

const strict = vi.mocked(jsonText.parseJsonText);
const bytes = (text: string) => new TextEncoder().encode(text);
const LIMIT = 1024 * 1024;
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

beforeEach(() => {
  strict.mockClear();
});

describe('parseJsonFile', () => {
  it.each([
    ['an object', '{"a":1,"b":[true,null,"x:y"],"c":{"d":"\\"e\\":"}}'],
    ['a field name ending in a backslash', '{"a\\\\":1,"b":2}'],
    ['pretty-printed text with a byte order mark', '\uFEFF{\n  "a" : 1,\n  "b": "two"\n}'],
    ['field names with tabs and line breaks before their colons', '{"a"\t:1,"b"\r\n:"c:d","e":["f",":"]}'],
    ['nesting at the limit', nested(jsonText.MAX_NESTING)],
  ])('reads %s with JSON.parse alone, as the strict reading would', (_name, text) => {
    const fast = parseJsonFile(bytes(text), LIMIT);
    expect(strict).not.toHaveBeenCalled();
    expect(fast).toEqual(jsonText.parseJsonText(bytes(text), LIMIT));
    expect(fast.ok).toBe(true);
  });

  it.each([
    ['a field name given twice', '{"a":1,"b":{"c":2,"c":3}}'],
    ['a field name given twice, one spaced from its colon', '{"a" :1,"a":2}'],
    ['nesting past the limit', nested(jsonText.MAX_NESTING + 1)],
    ['a number too large to read', '{"n":1e400}'],
    ['a syntax error', '{"a":1,}'],
    ['text cut off', '{"a":"b'],
    ['a spreadsheet', 'PK\u0003\u0004'],
    ['nothing', ''],
    ['a zero byte', '{"a":"\u0000"}'],
  ])('hands %s to the strict reading, which says what is wrong', (_name, text) => {
    const read = parseJsonFile(bytes(text), LIMIT);
    expect(strict).toHaveBeenCalledTimes(1);
    expect(read.ok).toBe(false);
    expect(read).toEqual(jsonText.parseJsonText(bytes(text), LIMIT));
  });

  it('hands a file over the size limit to the strict reading', () => {
    const read = parseJsonFile(bytes('{"a":1}'), 3);
    expect(read.ok).toBe(false);
    expect(strict).toHaveBeenCalledTimes(1);
  });

  it('hands text that is not UTF-8 to the strict reading', () => {
    const read = parseJsonFile(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), LIMIT);
    expect(read.ok).toBe(false);
    expect(strict).toHaveBeenCalledTimes(1);
  });
});
