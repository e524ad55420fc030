// @vitest-environment node
/*
 * Every framework format migration is tested on a frozen file of the version it migrates from, and
 * this file fails if a migration, its frozen file or its test is missing, or a frozen file was edited.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_FORMAT_VERSION } from '../../../src/domain/framework/types';
import { readFrameworkValue } from '../../../src/import/framework/import-framework';
import {
  FRAMEWORK_MIGRATIONS,
  migrateFrameworkFile,
  OLDEST_FRAMEWORK_FORMAT_VERSION,
} from '../../../src/import/framework/migrations';

type Loose = Record<string, unknown>;
const FOLDER = 'tests/fixtures/frameworks';
const fixturePath = (version: number) => `${FOLDER}/format-v${version}.json`;
const frozen = (version: number) => JSON.parse(readFileSync(fixturePath(version), 'utf8')) as Loose;
/** Content, not layout: a re-indented file is the same file, an edited value is not. */
const fingerprint = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Recorded when each version's file was frozen. Never change a line; add one per new old version. */
const FROZEN_FINGERPRINTS: Record<number, string> = {
  1: 'a2cadc3a7082f8dc0cd879dd86de18d9e81cbb8a48ad68a84e16c98176f7eac0',
  2: '21287e4444e101836743492a1b74cdccf3edc5cd7b12e010c91bd658c40e7178',
};

/** One test per migration: what the step must do to the frozen file of the version it starts from. */
const MIGRATION_CASES: Record<number, (before: Loose, after: Loose) => void> = {
  1: (before, after) => {
    // 1 → 2 only widened the rule types: the file is kept exactly, apart from its version number.
    expect(after).toEqual({ ...before, formatVersion: 2 });
    expect(JSON.stringify(before)).toBe(JSON.stringify(frozen(1)));
  },
  2: (before, after) => {
    // 2 → 3 only widened the scale kinds: the file, its not-better-than rule included, is kept exactly.
    expect(after).toEqual({ ...before, formatVersion: 3 });
    expect(after.rules).toContainEqual(expect.objectContaining({ type: 'not-better-than' }));
  },
};

const OLD_VERSIONS = Array.from(
  { length: FRAMEWORK_FORMAT_VERSION - OLDEST_FRAMEWORK_FORMAT_VERSION },
  (_, i) => OLDEST_FRAMEWORK_FORMAT_VERSION + i,
);

describe('framework format migrations', () => {
  it('has one migration for every version below the current one, numbered without gaps', () => {
    expect(Object.keys(FRAMEWORK_MIGRATIONS).map(Number)).toEqual(OLD_VERSIONS);
  });

  it('tests every migration: a test case and a frozen file for each', () => {
    expect(Object.keys(MIGRATION_CASES).map(Number)).toEqual(OLD_VERSIONS);
    for (const version of OLD_VERSIONS)
      expect(existsSync(fixturePath(version)), fixturePath(version)).toBe(true);
    const frozenFiles = readdirSync(FOLDER).filter((name) => /^format-v\d+\.json$/.test(name));
    expect(frozenFiles.sort()).toEqual(OLD_VERSIONS.map((v) => `format-v${v}.json`).sort());
  });

  it.each(OLD_VERSIONS)('keeps the frozen format version %i file exactly as it was frozen', (version) => {
    expect(FROZEN_FINGERPRINTS[version], `fingerprint for version ${version}`).toBeDefined();
    const file = frozen(version);
    expect(file.formatVersion).toBe(version);
    expect(fingerprint(file)).toBe(FROZEN_FINGERPRINTS[version]);
  });

  it.each(OLD_VERSIONS)('migrates the frozen version %i file one step as its test expects', (version) => {
    const before = frozen(version);
    const after = { ...FRAMEWORK_MIGRATIONS[version]!(structuredClone(before)), formatVersion: version + 1 };
    MIGRATION_CASES[version]!(before, after);
  });

  it.each(OLD_VERSIONS)(
    'brings the frozen version %i file through the import door to the current version',
    (version) => {
      const before = frozen(version);
      const result = readFrameworkValue(structuredClone(before));
      if (!result.ok) throw new Error(JSON.stringify(result.messages, null, 1));
      expect(result.framework.formatVersion).toBe(FRAMEWORK_FORMAT_VERSION);
      expect(result.warnings).toEqual([]);
      expect(before).toEqual(frozen(version));
    },
  );

  it('never changes the file it is given', () => {
    const before = frozen(OLDEST_FRAMEWORK_FORMAT_VERSION);
    const copy = structuredClone(before);
    migrateFrameworkFile(copy, OLDEST_FRAMEWORK_FORMAT_VERSION);
    expect(copy).toEqual(before);
  });

  it('leaves a current-version file as it is', () => {
    const current = { ...frozen(OLDEST_FRAMEWORK_FORMAT_VERSION), formatVersion: FRAMEWORK_FORMAT_VERSION };
    expect(migrateFrameworkFile(current, FRAMEWORK_FORMAT_VERSION)).toBe(current);
  });
});
