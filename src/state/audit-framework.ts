/*
 * Which framework's audit tools a new round or audit uses: the working cycle's framework if it has
 * audit tools, else the newest framework in the library that has them.
 */
import type { Framework } from '../domain/framework/types';
import type { LibraryEntry } from './framework-library.svelte';

export function auditFrameworkFor(
  entries: readonly LibraryEntry[],
  cycleFramework: Framework | undefined,
): Framework | undefined {
  if (cycleFramework && cycleFramework.auditTools.length) return cycleFramework;
  return [...entries]
    .map((e) => e.framework)
    .filter((f) => f.auditTools.length > 0)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}
