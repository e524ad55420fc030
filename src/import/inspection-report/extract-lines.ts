/*
 * Text lines from a PDF with pdf.js, configured for a strict CSP and for untrusted files: no eval, no
 * font faces, no WebAssembly, no fetching, no XFA, no scripts. Each page's text items are gathered into
 * lines by baseline, left to right, with their position and size. The same function runs in the
 * browser's worker (build/pdf.mjs) and in Node's tests (legacy/build/pdf.mjs).
 */
import type { ReportLine, ReportText } from '../../domain/inspection-report/types';
import { REPORT_PDF_LIMITS, type PdfProblem } from './pdf-limits';

/** The small part of pdf.js this uses, so either build can be passed in. */
export interface PdfJs {
  getDocument(params: Record<string, unknown>): {
    promise: Promise<PdfDocument>;
    destroy(): Promise<void>;
  };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}
interface PdfPage {
  getViewport(params: { scale: number }): { convertToViewportPoint(x: number, y: number): number[] };
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): void;
}
interface Item {
  str: string;
  transform: number[];
  width: number;
}

export type ExtractResult = ({ ok: true } & ReportText) | { ok: false; problem: PdfProblem };

export const PDF_OPTIONS = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  useWasm: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  enableXfa: false,
  disableAutoFetch: true,
  disableStream: true,
  stopAtErrors: false,
  verbosity: 0,
} as const;

export async function extractReportText(
  pdfjs: PdfJs,
  bytes: Uint8Array,
  limits: { pages: number; lines: number; lineChars: number } = REPORT_PDF_LIMITS,
): Promise<ExtractResult> {
  // pdf.js takes the buffer over; a copy keeps the caller's bytes intact.
  const task = pdfjs.getDocument({ ...PDF_OPTIONS, data: bytes.slice() });
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (error) {
      return {
        ok: false,
        problem: (error as { name?: string })?.name === 'PasswordException' ? 'encrypted' : 'damaged',
      };
    }
    if (doc.numPages > limits.pages) return { ok: false, problem: 'too-many-pages' };
    const lines: ReportLine[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      lines.push(
        ...pageLines(n, content.items.filter(isItem), page.getViewport({ scale: 1 }), limits.lineChars),
      );
      page.cleanup();
      if (lines.length > limits.lines) return { ok: false, problem: 'too-much-text' };
    }
    return { ok: true, pageCount: doc.numPages, lines };
  } catch {
    return { ok: false, problem: 'damaged' };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function isItem(value: unknown): value is Item {
  const item = value as Partial<Item> | null;
  return (
    typeof item?.str === 'string' &&
    Array.isArray(item.transform) &&
    item.transform.length === 6 &&
    typeof item.width === 'number'
  );
}

interface Placed {
  text: string;
  x: number;
  y: number;
  end: number;
  size: number;
}

function pageLines(
  page: number,
  items: readonly Item[],
  viewport: { convertToViewportPoint(x: number, y: number): number[] },
  lineChars: number,
): ReportLine[] {
  const placed: Placed[] = items
    .filter((item) => item.str.trim() !== '')
    .map((item) => {
      const [, , c, d, e, f] = item.transform as [number, number, number, number, number, number];
      const [x = e, y = f] = viewport.convertToViewportPoint(e, f);
      return { text: item.str, x, y, end: x + item.width, size: Math.hypot(c, d) || 1 };
    })
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Placed[][] = [];
  for (const item of placed) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(row[0]!.size, item.size) * 0.35) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row, i) => {
    const ordered = [...row].sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of ordered) {
      const gap = item.x - end > item.size * 0.15;
      if (text && gap && !text.endsWith(' ') && !item.text.startsWith(' ')) text += ' ';
      text += item.text;
      end = item.end;
    }
    return {
      page,
      line: i + 1,
      text: text.replace(/\s+/g, ' ').trim().slice(0, lineChars),
      x: round(ordered[0]!.x),
      y: round(row[0]!.y),
      size: round(Math.max(...row.map((r) => r.size))),
    };
  });
}

const round = (n: number) => Math.round(n * 10) / 10;
