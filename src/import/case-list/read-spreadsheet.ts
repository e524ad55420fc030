/*
 * Reading an untrusted spreadsheet through the worker: size limit first, a time limit while it runs,
 * the worker always terminated, and its reply checked to be rows of plain values before use.
 */
import type { IssueMessage } from '../../validation/messages';
import { MAX_CASE_LIST_BYTES, readCaseListRows, type CaseListResult } from './read-case-list';
import { inflatedSizeOf } from './zip-size';

export const SPREADSHEET_TIME_LIMIT_MS = 15_000;

const refuse = (text: string): CaseListResult => ({
  ok: false,
  messages: [{ severity: 'error', location: 'The file', text } satisfies IssueMessage],
});

export async function readCaseListSpreadsheet(
  bytes: Uint8Array,
  startWorker: () => Worker = () =>
    new Worker(new URL('./spreadsheet-worker.ts', import.meta.url), { type: 'module' }),
  timeLimitMs = SPREADSHEET_TIME_LIMIT_MS,
  onRows?: (rows: (string | number | boolean | null)[][]) => void,
): Promise<CaseListResult> {
  if (bytes.length > MAX_CASE_LIST_BYTES) {
    return refuse(
      `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, larger than the 10 MB a case list can be. Export only the columns and cases you need.`,
    );
  }
  const size = inflatedSizeOf(bytes);
  if (!size.ok)
    return refuse(`could not be read: ${size.problem}. Save the case list again as CSV and import that.`);
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
    return checkReply(reply, onRows);
  } finally {
    worker.terminate();
  }
}

export type SpreadsheetRows =
  { ok: true; rows: (string | number | boolean | null)[][] } | { ok: false; messages: IssueMessage[] };

/** The first sheet's rows, read in the worker with the same limits; for any spreadsheet import. */
export async function readSpreadsheetInWorker(
  bytes: Uint8Array,
  startWorker?: () => Worker,
): Promise<SpreadsheetRows> {
  let rows: SpreadsheetRows = { ok: false, messages: [] };
  const result = await readCaseListSpreadsheet(bytes, startWorker, SPREADSHEET_TIME_LIMIT_MS, (plain) => {
    rows = { ok: true, rows: plain };
  });
  return result.ok || rows.ok ? rows : { ok: false, messages: result.messages };
}

function checkReply(
  reply: unknown,
  onRows?: (rows: (string | number | boolean | null)[][]) => void,
): CaseListResult {
  if (!isObject(reply)) return refuse('could not be read.');
  if (reply['ok'] !== true) {
    const problem = typeof reply['problem'] === 'string' ? reply['problem'] : 'unknown problem';
    if (problem === 'timeout') {
      return refuse(
        'took too long to read and was stopped. It may be damaged or far larger inside than it looks: save the case list again as CSV and import that.',
      );
    }
    return refuse(`could not be read: ${problem}.`);
  }
  const rows = reply['rows'];
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row) && row.every(isPlainCell))) {
    return refuse('could not be read: the spreadsheet reader returned something unexpected.');
  }
  const plain = rows.map((row: (string | number | boolean | null)[]) => [...row]);
  if (onRows) {
    onRows(plain);
    return { ok: true, entries: [], warnings: [] };
  }
  return readCaseListRows(plain);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainCell(cell: unknown): boolean {
  return cell === null || ['string', 'number', 'boolean'].includes(typeof cell);
}
