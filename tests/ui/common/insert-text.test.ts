// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { insertWithSpaces } from '../../../src/ui/common/insert-text';

const REF = '[Evidence: Audit, 01/10/2026]';

describe('inserting an evidence reference into typed text', () => {
  it('separates it from the words before and after with a space', () => {
    const text = 'Seen by the worker.';
    expect(insertWithSpaces(text, text.length, text.length, REF).text).toBe(`Seen by the worker. ${REF}`);
    expect(insertWithSpaces('abc def', 3, 3, REF).text).toBe(`abc ${REF} def`);
  });

  it('keeps two references inserted one after the other apart', () => {
    const first = insertWithSpaces('worker.', 7, 7, REF);
    const second = insertWithSpaces(first.text, first.caret, first.caret, REF);
    expect(second.text).toBe(`worker. ${REF} ${REF}`);
  });

  it('adds no space at the start, before existing spaces or before closing punctuation', () => {
    expect(insertWithSpaces('', 0, 0, REF).text).toBe(REF);
    expect(insertWithSpaces('a  b', 2, 2, REF).text).toBe(`a ${REF} b`);
    expect(insertWithSpaces('as seen.', 7, 7, REF).text).toBe(`as seen ${REF}.`);
  });

  it('replaces a selection and puts the caret after the reference', () => {
    const result = insertWithSpaces('keep REPLACE keep', 5, 12, REF);
    expect(result.text).toBe(`keep ${REF} keep`);
    expect(result.text.slice(0, result.caret)).toBe(`keep ${REF}`);
  });
});
