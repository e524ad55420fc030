/*
 * Whether a newly read framework can join the library: a new id or a new version is added beside
 * what is there; the same id and version is refused, so nothing loaded is ever overwritten.
 */
import type { Framework } from '../../domain/framework/types';
import { issue, type Issue } from '../../validation/issue';

export function checkAgainstLibrary(framework: Framework, library: readonly Framework[]): Issue | undefined {
  const same = library.find((f) => f.id === framework.id && f.version === framework.version);
  if (!same) return undefined;
  const newest = Math.max(...library.filter((f) => f.id === framework.id).map((f) => f.version));
  const params = { title: same.shortTitle, version: same.version, nextVersion: newest + 1 };
  return sameContent(same, framework)
    ? issue('already-loaded-same', ['version'], params, 'warning')
    : issue('already-loaded-different', ['version'], params);
}

/**
 * The same framework, whatever file format version each copy was read from: a framework imported
 * before a format change is stored as it was then, and the same file read today arrives migrated.
 */
function sameContent(a: Framework, b: Framework): boolean {
  return canonicalJson({ ...a, formatVersion: 0 }) === canonicalJson({ ...b, formatVersion: 0 });
}

/** JSON with object keys sorted, so two files that differ only in key order compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
