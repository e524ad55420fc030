/*
 * The door for Ofsted reports and letters (PDF): size first, the file's signature, then its text read in
 * a worker under a time limit (always terminated), the reply checked line by line, and the report
 * recognised from those lines. A refused file changes nothing and says what is wrong and what to do.
 */
import type { Framework } from '../../domain/framework/types';
import { readInspectionReport } from '../../domain/inspection-report/read-report';
import type { ReadReport, ReportLine, ReportText } from '../../domain/inspection-report/types';
import type { IssueMessage } from '../../validation/messages';
import { REPORT_PDF_LIMITS, type PdfProblem } from './pdf-limits';

export type ReportPdfResult =
  { ok: true; report: ReadReport; text: ReportText } | { ok: false; messages: IssueMessage[] };

const REPLY_DOOR = 'inspection-report';

const PROBLEMS: Record<PdfProblem, string> = {
  encrypted:
    'is protected by a password, so it cannot be read. Download the report again from Ofsted’s website, or save a copy without the password, and choose that.',
  damaged:
    'is damaged or is not a PDF this reader can open. Download the report or letter again from Ofsted’s website and choose the new copy.',
  'too-many-pages': `has more than ${REPORT_PDF_LIMITS.pages} pages, far more than any Ofsted report or letter. Choose the report itself, not a bundle of documents.`,
  'too-much-text':
    'holds far more text than any Ofsted report or letter. Choose the report itself, not a bundle of documents.',
  timeout:
    'took too long to read and was stopped. It may be damaged: download the report again from Ofsted’s website and choose the new copy.',
  stopped: 'could not be read: the PDF reader stopped unexpectedly. Try again, or download the report again.',
};

const refuse = (text: string): { ok: false; messages: IssueMessage[] } => ({
  ok: false,
  messages: [{ severity: 'error', location: 'The file', text }],
});

const startPdfWorker = () => new Worker(new URL('./pdf-text-worker.ts', import.meta.url), { type: 'module' });

export async function readReportPdf(
  bytes: Uint8Array,
  frameworks: readonly Framework[],
  startWorker: () => Worker = startPdfWorker,
  timeLimitMs: number = REPORT_PDF_LIMITS.timeMs,
): Promise<ReportPdfResult> {
  if (bytes.length === 0) return refuse('is empty. Choose the report or letter Ofsted published (a PDF).');
  if (bytes.length > REPORT_PDF_LIMITS.bytes)
    return refuse(
      `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, larger than the ${REPORT_PDF_LIMITS.bytes / 1024 / 1024} MB an Ofsted report or letter could be. Choose the report itself.`,
    );
  if (!isPdf(bytes))
    return refuse(
      'is not a PDF. Choose the inspection report or letter as Ofsted published it (a .pdf file).',
    );
  const text = await textInWorker(bytes, startWorker, timeLimitMs);
  if (!text.ok) return refuse(PROBLEMS[text.problem]);
  const read = readInspectionReport(text, frameworks);
  return read.ok ? { ok: true, report: read.report, text } : refuse(read.message);
}

/** "%PDF-" within the first kilobyte, as PDF readers accept it. */
function isPdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

async function textInWorker(
  bytes: Uint8Array,
  startWorker: () => Worker,
  timeLimitMs: number,
): Promise<({ ok: true } & ReportText) | { ok: false; problem: PdfProblem }> {
  const worker = startWorker();
  try {
    const reply = await new Promise<unknown>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, problem: 'timeout' }), timeLimitMs);
      worker.onmessage = (event: MessageEvent<unknown>) => {
        if ((event.data as { door?: unknown } | null)?.door !== REPLY_DOOR) return;
        clearTimeout(timer);
        resolve(event.data);
      };
      worker.onerror = () => {
        clearTimeout(timer);
        resolve({ ok: false, problem: 'stopped' });
      };
      worker.postMessage({ door: REPLY_DOOR, bytes });
    });
    return checkReply(reply);
  } finally {
    worker.terminate();
  }
}

export function checkReply(reply: unknown): ({ ok: true } & ReportText) | { ok: false; problem: PdfProblem } {
  if (!isObject(reply)) return { ok: false, problem: 'stopped' };
  if (reply['ok'] !== true) {
    const problem = reply['problem'];
    return {
      ok: false,
      problem: typeof problem === 'string' && problem in PROBLEMS ? (problem as PdfProblem) : 'stopped',
    };
  }
  const { pageCount, lines } = reply;
  if (
    !Number.isInteger(pageCount) ||
    (pageCount as number) < 0 ||
    (pageCount as number) > REPORT_PDF_LIMITS.pages ||
    !Array.isArray(lines) ||
    lines.length > REPORT_PDF_LIMITS.lines + 10_000
  )
    return { ok: false, problem: 'stopped' };
  const checked: ReportLine[] = [];
  for (const line of lines) {
    if (!isLine(line, pageCount as number)) return { ok: false, problem: 'stopped' };
    checked.push({
      page: line.page,
      line: line.line,
      text: line.text,
      x: line.x,
      y: line.y,
      size: line.size,
    });
  }
  return { ok: true, pageCount: pageCount as number, lines: checked };
}

function isLine(value: unknown, pageCount: number): value is ReportLine {
  if (!isObject(value)) return false;
  const { page, line, text, x, y, size } = value;
  return (
    Number.isInteger(page) &&
    (page as number) >= 1 &&
    (page as number) <= pageCount &&
    Number.isInteger(line) &&
    (line as number) >= 1 &&
    typeof text === 'string' &&
    text.length <= REPORT_PDF_LIMITS.lineChars &&
    [x, y, size].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
