// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  readFrameworkFile,
  readFrameworkValue,
  MAX_FRAMEWORK_BYTES,
} from '../../../src/import/framework/import-framework';
import { FRAMEWORK_FORMAT_VERSION } from '../../../src/domain/framework/types';
import { formatIssue } from '../../../src/validation/messages';

const minimal = () => JSON.parse(readFileSync('tests/fixtures/frameworks/minimal.json', 'utf8'));
const bytes = (text: string) => new TextEncoder().encode(text);
const messagesOf = (value: unknown) => {
  const result = readFrameworkValue(value);
  return result.ok ? [] : result.messages.map(formatIssue);
};

describe('readFrameworkFile', () => {
  it('accepts a minimal valid framework', () => {
    const result = readFrameworkFile(bytes(JSON.stringify(minimal())));
    expect(result.ok).toBe(true);
  });

  it('locates a JSON syntax error by line and column', () => {
    const result = readFrameworkFile(
      bytes('{\n  "formatName": "readiness-framework",\n  "id": "x"\n  "version": 1\n}'),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(formatIssue(result.messages[0]!)).toBe(
        'The file: the file is not valid JSON. At line 4, column 3: a comma (“,”) is missing before this point. Fix it in a text editor, or export the file again.',
      );
    }
  });

  it('refuses a file over the size limit before parsing it', () => {
    const result = readFrameworkFile(new Uint8Array(MAX_FRAMEWORK_BYTES + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.code).toBe('file-too-large');
  });

  it('names the criterion and field of a wrong type in the user’s terms', () => {
    const framework = minimal();
    framework.criteria[0].linesOfEnquiry = ['Fine', 42];
    expect(messagesOf(framework)).toEqual([
      "Judgement 'J' › criterion C1 › lines of enquiry, item 2: must be text, not a whole number.",
    ]);
  });

  it('suggests the field a misspelt one was meant to be', () => {
    const framework = minimal();
    framework.criteria[0].linesOfEnqiury = [];
    expect(messagesOf(framework)).toContain(
      "Judgement 'J' › criterion C1 › lines of enqiury: “linesOfEnqiury” is not a field of this format. Did you mean “linesOfEnquiry”? Fix the spelling, or put a council’s own fields under “extensions”.",
    );
  });

  it('refuses a newer format version and says what to do', () => {
    const newer = FRAMEWORK_FORMAT_VERSION + 1;
    expect(messagesOf({ ...minimal(), formatVersion: newer })).toEqual([
      `Format version: the file was made by a newer version of Readiness Workbook (format version ${newer}; this app reads up to ${FRAMEWORK_FORMAT_VERSION}). Update the app, then import it again.`,
    ]);
  });
});
