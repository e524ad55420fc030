/*
 * The limits the inspection-report door holds a PDF to. Ofsted reports are a few hundred kilobytes
 * and under a hundred pages; anything far beyond that is refused before it can tie up the browser.
 */
export const REPORT_PDF_LIMITS = {
  bytes: 25 * 1024 * 1024,
  pages: 300,
  lines: 60_000,
  lineChars: 2_000,
  timeMs: 30_000,
} as const;

/** Why the reader stopped: the page says what to do about each. */
export type PdfProblem = 'encrypted' | 'damaged' | 'too-many-pages' | 'too-much-text' | 'timeout' | 'stopped';
