// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_FORMAT_VERSION, type Framework } from '../../../src/domain/framework/types';
import { readFrameworkValue } from '../../../src/import/framework/import-framework';
import { checkAgainstLibrary } from '../../../src/import/framework/library-conflicts';

const frozenV1 = () =>
  JSON.parse(readFileSync('tests/fixtures/frameworks/format-v1.json', 'utf8')) as Framework;

function read(value: unknown): Framework {
  const result = readFrameworkValue(value);
  if (!result.ok) throw new Error(JSON.stringify(result.messages));
  return result.framework;
}

describe('checkAgainstLibrary across a format change', () => {
  it('treats a file imported before the format change as the same framework as it is today', () => {
    // Stored as it was read under format version 1; the same file read today arrives at the current version.
    const storedBeforeTheChange = frozenV1();
    const readToday = read(frozenV1());
    expect(readToday.formatVersion).toBe(FRAMEWORK_FORMAT_VERSION);
    expect(checkAgainstLibrary(readToday, [storedBeforeTheChange])?.code).toBe('already-loaded-same');
  });

  it('still refuses a different framework with the same id and version', () => {
    const changed = read({ ...frozenV1(), title: 'Changed' });
    expect(checkAgainstLibrary(changed, [frozenV1()])?.code).toBe('already-loaded-different');
  });
});
