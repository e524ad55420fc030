/*
 * Numbered, append-only migrations of the framework file format. Entry n turns a format-version-n
 * file into format version n + 1; a published entry is never edited. Format version 1 is the first,
 * so there are none yet; tests fail if a version below the current one has no migration.
 */
import { FRAMEWORK_FORMAT_VERSION } from '../../domain/framework/types';

export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

export const FRAMEWORK_MIGRATIONS: Readonly<Record<number, Migration>> = {};

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
