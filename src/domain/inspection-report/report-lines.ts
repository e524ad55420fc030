/*
 * Working with a report's lines: matching words whatever the typography (curly quotes, dashes, case,
 * spacing), telling headings from body text by size, and leaving out running headers and footers,
 * which would otherwise be read into the middle of a list that crosses a page.
 */
import type { LineRef, ReportLine } from './types';

/** Lower case, straight quotes and hyphens, single spaces, no trailing punctuation. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:;,.?!]+$/, '');
}

export const refOf = (line: ReportLine): LineRef => ({ page: line.page, line: line.line });

/** The size most body text is set in. */
export function bodySize(lines: readonly ReportLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    counts.set(size, (counts.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of counts) if (count > bestCount) [best, bestCount] = [size, count];
  return best;
}

export function isLargerThanBody(line: ReportLine, body: number): boolean {
  return line.size >= body * 1.15;
}

const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?$/i;

/**
 * The lines without page numbers and without text repeated on most pages (running headers and
 * footers); a line repeated on fewer than three pages is kept, as it may be a real heading.
 */
export function withoutRunningText(lines: readonly ReportLine[], pageCount: number): ReportLine[] {
  const pagesOf = new Map<string, Set<number>>();
  for (const line of lines) {
    const key = normalise(line.text);
    const pages = pagesOf.get(key) ?? new Set<number>();
    pages.add(line.page);
    pagesOf.set(key, pages);
  }
  const repeatedOn = Math.max(3, Math.ceil(pageCount / 2));
  return lines.filter(
    (line) =>
      line.text.trim() !== '' &&
      !PAGE_NUMBER.test(line.text.trim()) &&
      (pagesOf.get(normalise(line.text))?.size ?? 0) < repeatedOn,
  );
}
