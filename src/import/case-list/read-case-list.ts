/*
 * The door for case lists (CSV here; XLSX rows come from the spreadsheet worker): size first, then
 * rows → columns chosen by their headings (case-list-columns.ts) → entries, every problem located by
 * row and column. A refused list changes nothing. References that look like names, NHS numbers or
 * dates are warned about.
 */
import {
  identifierWarnings,
  IDENTIFIER_MESSAGES,
  isMostlyDateSerials,
} from '../../domain/case-audit/case-reference';
import type { CaseListEntry } from '../../domain/case-audit/records';
import { textLength, TEXT_LIMITS } from '../../domain/workspace/limits';
import type { IssueMessage } from '../../validation/messages';
import {
  chooseColumns,
  FIELD_LABELS,
  REQUIRED_FIELDS,
  type CaseListColumns,
  type CaseListField,
} from './case-list-columns';
import { parseCsvRecords } from './csv-records';
import { sniffFile } from '../sniff';

export const MAX_CASE_LIST_BYTES = 10 * 1024 * 1024;

/** What was read, for the preview: the column chosen for each field, and the cases. */
export interface CaseListRead {
  entries: CaseListEntry[];
  warnings: IssueMessage[];
  /** Each field found, its name in messages (`label`), and the file's heading for it. */
  columns: { field: CaseListField; label: string; heading: string }[];
}
/**
 * Refused when any row has an error; `partial` then holds the good rows and the bad rows' numbers, so
 * the user may choose to import the good ones, knowing which were left out.
 */
export type CaseListResult =
  | ({ ok: true } & CaseListRead)
  | { ok: false; messages: IssueMessage[]; partial?: CaseListRead & { skippedRows: number[] } };

type Field = CaseListField;

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
  const file = readCsvFile(bytes, 'a case list', 'cases');
  return file.ok ? readCaseListRows(file.rows, file.lines) : file;
}

/**
 * The first steps of every CSV door: size, what the bytes really are, UTF-8, then records with their
 * file lines. `what` and `items` name the file and its rows in the size message ("a case list", "cases").
 */
export function readCsvFile(
  bytes: Uint8Array,
  what: string,
  items: string,
): { ok: true; rows: string[][]; lines: number[] } | { ok: false; messages: IssueMessage[] } {
  if (bytes.length > MAX_CASE_LIST_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      messages: [
        error(
          'The file',
          `is ${mb} MB, larger than the 10 MB ${what} can be. Export only the columns and ${items} you need.`,
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
  const parsed = parseCsvRecords(text);
  if (!parsed.ok)
    return {
      ok: false,
      messages: [error(`Line ${parsed.line}`, `could not be read: ${parsed.problem}.`)],
    };
  return { ok: true, rows: parsed.rows, lines: parsed.lines };
}

/** `lines` gives each row's line in the file (CSV); without it rows are numbered from 1. */
export function readCaseListRows(
  rows: readonly (readonly unknown[])[],
  lines?: readonly number[],
): CaseListResult {
  const [header, ...body] = rows;
  if (!header)
    return {
      ok: false,
      messages: [error('The file', 'is empty. It needs a heading row and one row per case.')],
    };
  const headings = header.map((h) => cellText(h));
  const { columns, problems, contested } = chooseColumns(
    headings,
    body.map((cells) => cells.map(cellText)),
  );
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined && !contested.has(f));
  if (missing.length) {
    const names = missing.map((f) => `“${FIELD_LABELS[f]}”`).join(', ');
    problems.push(
      error(
        'Heading row',
        `has no column for ${names}. Found: ${headings.join(', ') || 'nothing'}. Rename the columns, or export the list again.`,
      ),
    );
  }
  if (problems.length) return { ok: false, messages: problems };
  if (body.length === 0) return { ok: false, messages: [error('The file', 'has headings but no cases.')] };
  const messages: IssueMessage[] = columnWarnings(headings, body, columns);
  const entries: CaseListEntry[] = [];
  const skippedRows: number[] = [];
  const seen = new Set<string>();
  body.forEach((cells, i) => {
    const row = lines?.[i + 1] ?? i + 2;
    const entry = readRow(cells, columns, row, messages);
    if (!entry) {
      skippedRows.push(row);
      return;
    }
    if (seen.has(entry.caseReference))
      messages.push(warning(`Row ${row}`, `case ${entry.caseReference} is listed twice; the first is kept.`));
    else {
      seen.add(entry.caseReference);
      entries.push(entry);
    }
  });
  const chosen = (Object.keys(FIELD_LABELS) as Field[]).flatMap((field) =>
    columns[field] === undefined
      ? []
      : [{ field, label: FIELD_LABELS[field], heading: headings[columns[field]!]! }],
  );
  const warnings = messages.filter((m) => m.severity !== 'error');
  const read = { entries, warnings, columns: chosen };
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length)
    return {
      ok: false,
      messages: errors.slice(0, 50),
      ...(entries.length ? { partial: { ...read, skippedRows } } : {}),
    };
  return { ok: true, ...read };
}

/** Whole-column warnings: references that are date serials, case types the import does not know. */
function columnWarnings(
  headings: readonly string[],
  body: readonly (readonly unknown[])[],
  columns: CaseListColumns,
): IssueMessage[] {
  const values = (field: Field) => body.map((cells) => cellText(cells[columns[field]!]));
  const warnings: IssueMessage[] = [];
  if (isMostlyDateSerials(values('caseReference')))
    warnings.push(
      warning(
        `Column “${headings[columns.caseReference!]}”`,
        'is mostly five-digit numbers between 20000 and 60000, which is how spreadsheets store dates. Check it holds case references, not dates of birth.',
      ),
    );
  const unknown = [...new Set(values('caseType').filter((v) => v && !CASE_TYPES.some(([p]) => p.test(v))))];
  if (unknown.length)
    warnings.push(
      warning(
        `Column “${headings[columns.caseType!]}”`,
        `has case types this import does not recognise (${unknown
          .slice(0, 5)
          .map((v) => `“${v.slice(0, 40)}”`)
          .join(
            ', ',
          )}${unknown.length > 5 ? ', …' : ''}); they are kept as written. Recognised: early help, child in need, child protection, children in care, care leavers.`,
      ),
    );
  return warnings;
}

function readRow(
  cells: readonly unknown[],
  columns: CaseListColumns,
  rowNumber: number,
  messages: IssueMessage[],
): CaseListEntry | undefined {
  const at = (field: Field) => (columns[field] === undefined ? '' : cellText(cells[columns[field]!]));
  const where = (field: Field) => `Row ${rowNumber}, ${FIELD_LABELS[field]}`;
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
  for (const field of REQUIRED_FIELDS) {
    if (at(field).includes('\n')) {
      messages.push(
        error(
          where(field),
          'runs over more than one line, which usually means a quote mark in the file is missing its partner. Fix the quotes and export again.',
        ),
      );
      return undefined;
    }
  }
  // As long as an audit's fields can be (limits.ts), so every case sampled from the list can be backed up.
  for (const field of REQUIRED_FIELDS) {
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

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function normaliseCaseType(value: string): string {
  const match = CASE_TYPES.find(([pattern]) => pattern.test(value.trim()));
  return match ? match[1] : value.trim();
}

function readDate(value: string, location: string, messages: IssueMessage[]): string | undefined {
  if (!value) return undefined;
  const date = parseCellDate(value);
  if (!date) {
    messages.push(
      warning(location, `“${value}” is not a date this import reads (use dd/mm/yyyy); it was left blank.`),
    );
    return undefined;
  }
  return date;
}

/** dd/mm/yyyy (UK), yyyy-mm-dd, or a spreadsheet serial day number, as yyyy-mm-dd; undefined if none. */
export function parseCellDate(value: string): string | undefined {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  let date: string | undefined;
  if (uk) date = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  else if (iso) date = `${iso[1]}-${iso[2]}-${iso[3]}`;
  else if (/^\d{5}(\.\d+)?$/.test(value))
    date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(value)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  if (!date || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date)
    return undefined;
  return date;
}
