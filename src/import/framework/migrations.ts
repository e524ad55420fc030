/*
 * Numbered, append-only migrations of the framework file format. Entry n turns a format-version-n
 * file into format version n + 1; a published entry is never edited. Every old version has a frozen
 * file under tests/fixtures/frameworks/, and a test fails if a migration or its fixture is missing.
 */
import { FRAMEWORK_FORMAT_VERSION } from '../../domain/framework/types';

export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

export const FRAMEWORK_MIGRATIONS: Readonly<Record<number, Migration>> = {
  /**
   * 1 → 2: version 2 only added the rule type "not-better-than". Every version 1 file is already a
   * valid version 2 file, so nothing changes but the version number (set by migrateFrameworkFile).
   * The version rose so that an app reading only version 1 refuses files with the new rule as "made
   * by a newer version" instead of reporting an unknown rule type, and never drops a rule it cannot read.
   */
  1: (file) => ({ ...file }),
  /**
   * 2 → 3: version 3 only added the scale kind "scaling" (0 to 10, with a stated threshold). Every
   * version 2 file is already a valid version 3 file; the version rose so that an app that cannot add
   * up a 0 to 10 scale refuses such files as newer instead of reporting an unknown scale kind.
   */
  2: (file) => ({ ...file }),
};

export const OLDEST_FRAMEWORK_FORMAT_VERSION = 1;

export function migrateFrameworkFile(
  file: Record<string, unknown>,
  fromVersion: number,
): Record<string, unknown> {
  let current = file;
  for (let version = fromVersion; version < FRAMEWORK_FORMAT_VERSION; version++) {
    const step = FRAMEWORK_MIGRATIONS[version];
    if (!step) throw new Error(`No migration from framework format version ${version}`);
    current = { ...step(current), formatVersion: version + 1 };
  }
  return current;
}
