/*
 * Runs in a Web Worker: reads an untrusted PDF's text with pdf.js, which runs here too (its own worker
 * code is imported, so it needs no second worker and fetches nothing). The page terminates this worker
 * after a time limit and re-checks every line it sends back. pdf.js's worker module announces itself
 * on load, so replies carry `door` and the page ignores anything else.
 */
import * as pdfjs from 'pdfjs-dist';
import 'pdfjs-dist/build/pdf.worker.mjs';
import { extractReportText, type PdfJs } from './extract-lines';

export const REPLY_DOOR = 'inspection-report';

self.onmessage = (event: MessageEvent<unknown>) => {
  const data = event.data as { door?: unknown; bytes?: unknown } | null;
  if (data?.door !== REPLY_DOOR || !(data.bytes instanceof Uint8Array)) return;
  void extractReportText(pdfjs as unknown as PdfJs, data.bytes)
    .catch(() => ({ ok: false as const, problem: 'damaged' as const }))
    .then((result) => self.postMessage({ door: REPLY_DOOR, ...result }));
};
