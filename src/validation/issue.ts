/*
 * Problems found in a file, as data: what (code), where (path into the parsed file) and the values
 * needed to explain it (params). Turned into plain UK English by messages.ts; never thrown.
 */

export type IssueSeverity = 'error' | 'warning';
export type IssuePath = readonly (string | number)[];
export type IssueParams = Readonly<Record<string, string | number | undefined>>;

export interface Issue {
  severity: IssueSeverity;
  code: string;
  path: IssuePath;
  params: IssueParams;
}

export function issue(
  code: string,
  path: IssuePath,
  params: IssueParams = {},
  severity: IssueSeverity = 'error',
): Issue {
  return { severity, code, path, params };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };
