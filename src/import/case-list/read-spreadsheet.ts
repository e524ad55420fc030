/*
 * Reading an untrusted spreadsheet through the worker: size limits first (the file, then what its zip
 * directory says it inflates to), a time limit while it runs, the worker always terminated, and its
 * reply checked to be rows of plain values before use.
 */
import type { IssueMessage } from '../../validation/messages';
import { MAX_CASE_LIST_BYTES, readCaseListRows, type CaseListResult } from './read-case-list';
import { inflatedSizeOf } from './zip-size';
import { sniffFile } from '../sniff';

export const SPREADSHEET_TIME_LIMIT_MS = 15_000;

export type Cell = string | number | boolean | null;
export type SpreadsheetRows = { ok: true; rows: Cell[][] } | { ok: false; messages: IssueMessage[] };

const refuse = (text: string): { ok: false; messages: IssueMessage[] } => ({
  ok: false,
  messages: [{ severity: 'error', location: 'The file', text }],
});

const startSpreadsheetWorker = () =>
  new Worker(new URL('./spreadsheet-worker.ts', import.meta.url), { type: 'module' });

/** The first sheet's rows; `what` names the file in messages ("case list", "values file"). */
export async function readSpreadsheetInWorker(
  bytes: Uint8Array,
  what: string,
  startWorker: () => Worker = startSpreadsheetWorker,
  timeLimitMs = SPREADSHEET_TIME_LIMIT_MS,
): Promise<SpreadsheetRows> {
  if (bytes.length > MAX_CASE_LIST_BYTES) {
    return refuse(
      `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, larger than the 10 MB a ${what} can be. Export only the columns and rows you need.`,
    );
  }
  const sniffed = sniffFile(bytes, 'xlsx');
  if (sniffed) return { ok: false, messages: [sniffed] };
  const size = inflatedSizeOf(bytes);
  if (!size.ok)
    return refuse(`could not be read: ${size.problem}. Save the ${what} again as CSV and import that.`);
  const worker = startWorker();
  try {
    const reply = await new Promise<unknown>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, problem: 'timeout' }), timeLimitMs);
      worker.onmessage = (event: MessageEvent<unknown>) => {
        clearTimeout(timer);
        resolve(event.data);
      };
      worker.onerror = () => {
        clearTimeout(timer);
        resolve({ ok: false, problem: 'the spreadsheet reader stopped unexpectedly' });
      };
      worker.postMessage(bytes);
    });
    return checkReply(reply, what);
  } finally {
    worker.terminate();
  }
}

export async function readCaseListSpreadsheet(
  bytes: Uint8Array,
  startWorker?: () => Worker,
  timeLimitMs?: number,
): Promise<CaseListResult> {
  const read = await readSpreadsheetInWorker(bytes, 'case list', startWorker, timeLimitMs);
  return read.ok ? readCaseListRows(read.rows) : read;
}

function checkReply(reply: unknown, what: string): SpreadsheetRows {
  if (!isObject(reply)) return refuse('could not be read.');
  if (reply['ok'] !== true) {
    const problem = typeof reply['problem'] === 'string' ? reply['problem'] : 'unknown problem';
    if (problem === 'timeout') {
      return refuse(
        `took too long to read and was stopped. It may be damaged or far larger inside than it looks: save the ${what} again as CSV and import that.`,
      );
    }
    return refuse(`could not be read: ${problem}.`);
  }
  const rows = reply['rows'];
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row) && row.every(isPlainCell))) {
    return refuse('could not be read: the spreadsheet reader returned something unexpected.');
  }
  return { ok: true, rows: rows.map((row: Cell[]) => [...row]) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainCell(cell: unknown): boolean {
  return cell === null || ['string', 'number', 'boolean'].includes(typeof cell);
}
