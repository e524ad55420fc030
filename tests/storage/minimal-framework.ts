/*
 * The smallest valid framework (tests/fixtures/frameworks/minimal.json), read through the real import
 * door, for storage tests that need a framework to store.
 */
import { readFileSync } from 'node:fs';
import type { Framework } from '../../src/domain/framework/types';
import { readFrameworkFile } from '../../src/import/framework/import-framework';

export function minimalFramework(overrides: Partial<Framework> = {}): Framework {
  const read = readFrameworkFile(readFileSync('tests/fixtures/frameworks/minimal.json'));
  if (!read.ok) throw new Error('tests/fixtures/frameworks/minimal.json no longer imports');
  return { ...read.framework, ...overrides };
}
