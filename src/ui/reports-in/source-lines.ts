/* Finding a report's lines by page and line, for showing what was read beside where it was read. */
import type { LineRef, ReportLine, ReportText } from '../../domain/inspection-report/types';

export type LineIndex = Map<string, ReportLine>;

export function indexLines(text: ReportText): LineIndex {
  return new Map(text.lines.map((l) => [`${l.page}:${l.line}`, l]));
}

/** The referenced lines with one line either side, each marked whether it was read. */
export function linesAround(
  index: LineIndex,
  refs: readonly LineRef[],
): { page: number; lines: { line: ReportLine; read: boolean }[] }[] {
  const byPage = new Map<number, Set<number>>();
  for (const ref of refs) byPage.set(ref.page, (byPage.get(ref.page) ?? new Set()).add(ref.line));
  return [...byPage].map(([page, read]) => {
    const numbers = [...read];
    const from = Math.min(...numbers) - 1;
    const to = Math.max(...numbers) + 1;
    const lines: { line: ReportLine; read: boolean }[] = [];
    for (let n = from; n <= to; n += 1) {
      const line = index.get(`${page}:${n}`);
      if (line) lines.push({ line, read: read.has(n) });
    }
    return { page, lines };
  });
}

/** "Page 2, lines 4 to 6" / "Page 1, line 3". */
export function describeRefs(refs: readonly LineRef[]): string {
  const pages = new Map<number, number[]>();
  for (const r of refs) pages.set(r.page, [...(pages.get(r.page) ?? []), r.line]);
  return [...pages]
    .map(([page, lines]) => {
      const min = Math.min(...lines);
      const max = Math.max(...lines);
      return min === max ? `Page ${page}, line ${min}` : `Page ${page}, lines ${min} to ${max}`;
    })
    .join('; ');
}
