/*
 * The door for case lists (CSV here; XLSX rows come from the spreadsheet worker): size first, then
 * rows → columns recognised by their headings → entries, every problem located by row and column.
 * A refused list changes nothing. References that look like names, NHS numbers or dates are warned about.
 */
import { identifierWarnings, IDENTIFIER_MESSAGES } from '../../domain/case-audit/case-reference';
import type { CaseListEntry } from '../../domain/case-audit/records';
import { textLength, TEXT_LIMITS } from '../../domain/workspace/limits';
import type { IssueMessage } from '../../validation/messages';
import { parseCsv } from './parse-csv';
import { sniffFile } from '../sniff';

export const MAX_CASE_LIST_BYTES = 10 * 1024 * 1024;

export type CaseListResult =
  { ok: true; entries: CaseListEntry[]; warnings: IssueMessage[] } | { ok: false; messages: IssueMessage[] };

type Field = keyof CaseListEntry;

const HEADINGS: Record<Field, string[]> = {
  caseReference: ['case reference', 'case ref', 'reference', 'case id', 'child id', 'id'],
  caseType: ['case type', 'type', 'cohort', 'status'],
  team: ['team'],
  worker: ['worker', 'social worker', 'allocated worker', 'practitioner', 'personal adviser'],
  startDate: ['start date', 'open date', 'date opened', 'episode start'],
  lastAuditedDate: ['last audited', 'last audit date', 'date last audited'],
};
const REQUIRED: Field[] = ['caseReference', 'caseType', 'team', 'worker'];

const CASE_TYPES: [RegExp, string][] = [
  [/^(early help|eh)$/i, 'early-help'],
  [
    /^(child in need|cin|child protection|cp|cin\/cp|child in need and child protection)$/i,
    'child-in-need-child-protection',
  ],
  [/^(children in care|child in care|cic|cla|lac|looked after)$/i, 'children-in-care'],
  [/^(care leavers?|cl|leaving care)$/i, 'care-leavers'],
];

const error = (location: string, text: string): IssueMessage => ({ severity: 'error', location, text });
const warning = (location: string, text: string): IssueMessage => ({ severity: 'warning', location, text });

export function readCaseListCsv(bytes: Uint8Array): CaseListResult {
  if (bytes.length > MAX_CASE_LIST_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      messages: [
        error(
          'The file',
          `is ${mb} MB, larger than the 10 MB a case list can be. Export only the columns and cases you need.`,
        ),
      ],
    };
  }
  const sniffed = sniffFile(bytes, 'csv');
  if (sniffed) return { ok: false, messages: [sniffed] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      messages: [error('The file', 'is not UTF-8 text. Save it as “CSV UTF-8” and try again.')],
    };
  }
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { ok: false, messages: [error('The file', `could not be read: ${parsed.problem}.`)] };
  return readCaseListRows(parsed.rows);
}

export function readCaseListRows(rows: readonly (readonly unknown[])[]): CaseListResult {
  const [header, ...body] = rows;
  if (!header)
    return {
      ok: false,
      messages: [error('The file', 'is empty. It needs a heading row and one row per case.')],
    };
  const columns = mapColumns(header.map((h) => String(h ?? '')));
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  if (missing.length) {
    const names = missing.map((f) => `“${HEADINGS[f][0]}”`).join(', ');
    return {
      ok: false,
      messages: [
        error(
          'Heading row',
          `has no column for ${names}. Found: ${header.map(String).join(', ') || 'nothing'}. Rename the columns, or export the list again.`,
        ),
      ],
    };
  }
  if (body.length === 0) return { ok: false, messages: [error('The file', 'has headings but no cases.')] };
  const messages: IssueMessage[] = [];
  const entries: CaseListEntry[] = [];
  const seen = new Set<string>();
  body.forEach((cells, i) => {
    const entry = readRow(cells, columns, i + 2, messages);
    if (!entry) return;
    if (seen.has(entry.caseReference))
      messages.push(
        warning(`Row ${i + 2}`, `case ${entry.caseReference} is listed twice; the first is kept.`),
      );
    else {
      seen.add(entry.caseReference);
      entries.push(entry);
    }
  });
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) return { ok: false, messages: errors.slice(0, 50) };
  return { ok: true, entries, warnings: messages };
}

function mapColumns(header: string[]): Partial<Record<Field, number>> {
  const normal = header.map((h) => h.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' '));
  const columns: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(HEADINGS) as Field[]) {
    const index = normal.findIndex((h) => HEADINGS[field].includes(h));
    if (index >= 0) columns[field] = index;
  }
  return columns;
}

function readRow(
  cells: readonly unknown[],
  columns: Partial<Record<Field, number>>,
  rowNumber: number,
  messages: IssueMessage[],
): CaseListEntry | undefined {
  const at = (field: Field) => (columns[field] === undefined ? '' : cellText(cells[columns[field]!]));
  const where = (field: Field) => `Row ${rowNumber}, ${HEADINGS[field][0]}`;
  for (const field of Object.keys(columns) as Field[]) {
    if (/^[=+\-@\t\r]/.test(at(field))) {
      messages.push(
        error(
          where(field),
          `starts with “${at(field).charAt(0)}”, which spreadsheets run as a formula. Case lists must hold plain values: fix the cell and export again.`,
        ),
      );
      return undefined;
    }
  }
  // As long as an audit's fields can be (limits.ts), so every case sampled from the list can be backed up.
  for (const field of REQUIRED) {
    const length = textLength(at(field));
    if (length > TEXT_LIMITS.line) {
      messages.push(
        error(
          where(field),
          `is ${length.toLocaleString('en-GB')} characters long; at most ${TEXT_LIMITS.line.toLocaleString('en-GB')} fit. Shorten it in the list and import it again.`,
        ),
      );
      return undefined;
    }
  }
  const caseReference = at('caseReference');
  if (!caseReference) {
    messages.push(error(where('caseReference'), 'is empty. Every case needs its pseudonymised reference.'));
    return undefined;
  }
  for (const w of identifierWarnings(caseReference)) {
    messages.push(
      warning(
        where('caseReference'),
        `“${caseReference}” ${IDENTIFIER_MESSAGES[w]}. Only pseudonymised references belong here: replace it before sharing anything.`,
      ),
    );
  }
  const caseType = normaliseCaseType(at('caseType'));
  const startDate = readDate(at('startDate'), where('startDate'), messages);
  const lastAuditedDate = readDate(at('lastAuditedDate'), where('lastAuditedDate'), messages);
  return {
    caseReference,
    caseType,
    team: at('team'),
    worker: at('worker'),
    ...(startDate ? { startDate } : {}),
    ...(lastAuditedDate ? { lastAuditedDate } : {}),
  };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function normaliseCaseType(value: string): string {
  const match = CASE_TYPES.find(([pattern]) => pattern.test(value.trim()));
  return match ? match[1] : value.trim();
}

/** dd/mm/yyyy (UK), yyyy-mm-dd, or a spreadsheet serial day number. */
function readDate(value: string, location: string, messages: IssueMessage[]): string | undefined {
  if (!value) return undefined;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  let date: string | undefined;
  if (uk) date = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  else if (iso) date = `${iso[1]}-${iso[2]}-${iso[3]}`;
  else if (/^\d{5}(\.\d+)?$/.test(value))
    date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(value)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  if (!date || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) {
    messages.push(
      warning(location, `“${value}” is not a date this import reads (use dd/mm/yyyy); it was left blank.`),
    );
    return undefined;
  }
  return date;
}
