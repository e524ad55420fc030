import { describe, expect, it } from 'vitest';
import { countOf, listInWords } from '../../../src/domain/format/words';
import { wholeFileSentence } from '../../../src/validation/messages';

describe('counts and lists in words', () => {
  it('says "1 assessment cycle" and "2 assessment cycles", never "(s)"', () => {
    expect(countOf(1, 'assessment cycle')).toBe('1 assessment cycle');
    expect(countOf(0, 'response')).toBe('0 responses');
    expect(countOf(2, 'criterion', 'criteria')).toBe('2 criteria');
  });

  it('lists with commas and a final "and"', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('a message about the whole file', () => {
  it('reads as a sentence about the file, whichever way its text was written', () => {
    expect(wholeFileSentence('is protected by a passphrase. Enter it.')).toBe(
      'The file is protected by a passphrase. Enter it.',
    );
    expect(wholeFileSentence('has headings but no cases.')).toBe('The file has headings but no cases.');
    expect(wholeFileSentence('the file is empty.')).toBe('The file is empty.');
    expect(wholeFileSentence('a comma is missing.')).toBe('A comma is missing.');
  });
});
