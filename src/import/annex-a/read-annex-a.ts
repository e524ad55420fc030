/*
 * The door for one Annex A list (CSV here; XLSX rows come from the case-list spreadsheet worker): the
 * same size, sniffing and CSV rules as case lists, columns chosen by the list's headings (data in
 * domain/rehearsal/annex-a-lists.ts), then the checks a council runs before upload. Any error refuses
 * the whole file and nothing is stored; names and NHS numbers are refused, dates of birth become ages.
 */
import { identifierWarnings, IDENTIFIER_MESSAGES } from '../../domain/case-audit/case-reference';
import { formatDate } from '../../domain/format/dates';
import {
  ANNEX_A_FIELD_KINDS,
  annexAList,
  type AnnexAColumn,
  type AnnexAField,
  type AnnexAList,
  type AnnexASet,
} from '../../domain/rehearsal/annex-a-lists';
import type { AnnexAListImport, AnnexARow } from '../../domain/rehearsal/records';
import { monthsBefore } from '../../domain/self-assessment/dates';
import { textLength, TEXT_LIMITS } from '../../domain/workspace/limits';
import type { IssueMessage } from '../../validation/messages';
import { chooseColumnsBy, normaliseHeading } from '../case-list/case-list-columns';
import { cellText, parseCellDate, readCsvFile } from '../case-list/read-case-list';
import { readSpreadsheetInWorker } from '../case-list/read-spreadsheet';

export interface AnnexAContext {
  set: AnnexASet;
  list: number;
  /** The day the lists are drawn (the rehearsal's date, yyyy-mm-dd): the period ends here. */
  drawnOn: string;
  fileName: string;
  importedAt: string;
}

export interface AnnexARead {
  imported: AnnexAListImport;
  warnings: IssueMessage[];
  /** Each column found: its name in messages and the file's heading for it. */
  columns: { label: string; heading: string }[];
}
export type AnnexAResult = ({ ok: true } & AnnexARead) | { ok: false; messages: IssueMessage[] };

const MAX_ERRORS = 50;
const NAME_HEADINGS =
  /^(child'?s? |young person'?s? |first |last |sur|fore|given |full |family |middle |preferred )?names?$|^(nhs|nhs number|nhs no)$/;

const error = (location: string, text: string): IssueMessage => ({ severity: 'error', location, text });
const warning = (location: string, text: string): IssueMessage => ({ severity: 'warning', location, text });

export function readAnnexACsv(bytes: Uint8Array, context: AnnexAContext): AnnexAResult {
  const file = readCsvFile(bytes, 'an Annex A list', 'rows');
  return file.ok ? readAnnexARows(file.rows, context, file.lines) : file;
}

export async function readAnnexASpreadsheet(
  bytes: Uint8Array,
  context: AnnexAContext,
  startWorker?: () => Worker,
  timeLimitMs?: number,
): Promise<AnnexAResult> {
  const read = await readSpreadsheetInWorker(bytes, 'Annex A list', startWorker, timeLimitMs);
  return read.ok ? readAnnexARows(read.rows, context) : read;
}

/** `lines` gives each row's line in the file (CSV); without it rows are numbered from 1. */
export function readAnnexARows(
  rows: readonly (readonly unknown[])[],
  context: AnnexAContext,
  lines?: readonly number[],
): AnnexAResult {
  const list = annexAList(context.set, context.list);
  if (!list)
    return {
      ok: false,
      messages: [error('The list', `number ${context.list} is not one of ${context.set.title}.`)],
    };
  const [header, ...body] = rows;
  if (!header)
    return {
      ok: false,
      messages: [error('The file', 'is empty. It needs a heading row and one row per child.')],
    };
  const headings = header.map(cellText);
  const refusedHeadings = headings.flatMap((h) =>
    NAME_HEADINGS.test(normaliseHeading(h))
      ? [
          error(
            `Heading row, column “${h}”`,
            'holds names or NHS numbers, which this tool never keeps. Remove the column and import the list again; the child id is enough.',
          ),
        ]
      : [],
  );
  const bodyText = body.map((cells) => cells.map(cellText));
  const spec = {
    headings: Object.fromEntries(list.columns.map((c) => [c.field, c.headings.map((h) => [h])])) as Record<
      AnnexAField,
      string[][]
    >,
    labels: Object.fromEntries(list.columns.map((c) => [c.field, c.label])) as Record<AnnexAField, string>,
    reference: 'childId' as AnnexAField,
  };
  const { columns, problems, contested } = chooseColumnsBy<AnnexAField>(spec, headings, bodyText);
  problems.unshift(...refusedHeadings);
  const missing = list.columns.filter(
    (c) => c.required && columns[c.field] === undefined && !contested.has(c.field),
  );
  if (missing.length)
    problems.push(
      error(
        'Heading row',
        `has no column for ${missing.map((c) => `“${c.label}”`).join(', ')}, which list ${list.number} (${list.title}) needs. Found: ${headings.join(', ') || 'nothing'}. Rename the columns, or export the list again.`,
      ),
    );
  if (problems.length) return { ok: false, messages: problems };
  if (body.length === 0) return { ok: false, messages: [error('The file', 'has headings but no rows.')] };
  const periodFrom = monthsBefore(context.drawnOn, context.set.periodMonths);
  const checks = { list, context, periodFrom };
  const messages: IssueMessage[] = [];
  const read: AnnexARow[] = [];
  const firstRowOf = new Map<string, number>();
  bodyText.forEach((cells, i) => {
    const rowNumber = lines?.[i + 1] ?? i + 2;
    const row = readRow(cells, columns, rowNumber, checks, messages);
    if (!row) return;
    const first = firstRowOf.get(row.childId);
    if (first !== undefined && list.onePerChild)
      messages.push(
        error(
          `Row ${rowNumber}, ${columnOf(list, 'childId').label}`,
          `${row.childId} is already on row ${first}. A child appears once on list ${list.number} (${list.title}): remove the duplicate and import again.`,
        ),
      );
    if (first === undefined) firstRowOf.set(row.childId, rowNumber);
    read.push(row);
  });
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS)
      shown.push(error('The file', `has ${errors.length - MAX_ERRORS} more problems like these.`));
    return { ok: false, messages: shown };
  }
  return {
    ok: true,
    imported: {
      list: list.number,
      setId: context.set.id,
      fileName: context.fileName,
      importedAt: context.importedAt,
      periodFrom,
      periodTo: context.drawnOn,
      rows: read,
    },
    warnings: messages,
    columns: list.columns.flatMap((c) =>
      columns[c.field] === undefined ? [] : [{ label: c.label, heading: headings[columns[c.field]!]! }],
    ),
  };
}

function columnOf(list: AnnexAList, field: AnnexAField): AnnexAColumn {
  return list.columns.find((c) => c.field === field)!;
}

interface Checks {
  list: AnnexAList;
  context: AnnexAContext;
  periodFrom: string;
}

function readRow(
  cells: readonly string[],
  columns: Partial<Record<AnnexAField, number>>,
  rowNumber: number,
  { list, context, periodFrom }: Checks,
  messages: IssueMessage[],
): AnnexARow | undefined {
  const before = messages.length;
  const values: AnnexARow['values'] = {};
  const where = (c: AnnexAColumn) => `Row ${rowNumber}, ${c.label}`;
  for (const c of list.columns) {
    const index = columns[c.field];
    const text = index === undefined ? '' : (cells[index] ?? '');
    if (/^[=+\-@\t\r]/.test(text)) {
      messages.push(
        error(
          where(c),
          `starts with “${text.charAt(0)}”, which spreadsheets run as a formula. Lists must hold plain values: fix the cell and export again.`,
        ),
      );
      continue;
    }
    if (textLength(text) > TEXT_LIMITS.line) {
      messages.push(
        error(
          where(c),
          `is ${textLength(text).toLocaleString('en-GB')} characters long; at most ${TEXT_LIMITS.line.toLocaleString('en-GB')} fit.`,
        ),
      );
      continue;
    }
    if (!text) {
      if (c.required) messages.push(error(where(c), `is empty. Every row of list ${list.number} needs it.`));
      continue;
    }
    const value = readValue(
      c,
      text,
      where(c),
      { drawnOn: context.drawnOn, periodFrom, months: context.set.periodMonths },
      messages,
    );
    if (value !== undefined) values[c.field] = value;
  }
  if (messages.length > before && messages.slice(before).some((m) => m.severity === 'error'))
    return undefined;
  const childId = String(values.childId ?? '');
  for (const w of identifierWarnings(childId))
    messages.push(
      warning(
        `Row ${rowNumber}, ${columnOf(list, 'childId').label}`,
        `“${childId}” ${IDENTIFIER_MESSAGES[w]}. Only pseudonymised references belong here: replace it before sharing anything.`,
      ),
    );
  const { childId: _id, team, worker, dateOfBirth, ...rest } = values;
  const age =
    typeof rest.age === 'number'
      ? rest.age
      : typeof dateOfBirth === 'string'
        ? ageOn(dateOfBirth, context.drawnOn)
        : undefined;
  if (age !== undefined) rest.age = age;
  if (age !== undefined && list.ages && (age < list.ages.min || age > list.ages.max))
    messages.push(
      warning(
        `Row ${rowNumber}`,
        `${childId} is ${age}, outside the ages list ${list.number} (${list.title}) holds (${list.ages.min} to ${list.ages.max}): check the child belongs on this list.`,
      ),
    );
  return { childId, team: String(team ?? ''), worker: String(worker ?? ''), values: rest };
}

function readValue(
  c: AnnexAColumn,
  text: string,
  location: string,
  period: { drawnOn: string; periodFrom: string; months: number },
  messages: IssueMessage[],
): string | number | undefined {
  const kind = ANNEX_A_FIELD_KINDS[c.field];
  if (kind === 'number') {
    if (!/^\d{1,6}(\.\d+)?$/.test(text)) {
      messages.push(
        error(
          location,
          `“${text.slice(0, 40)}” is not a number. Write a number, such as 3, or leave the cell empty.`,
        ),
      );
      return undefined;
    }
    return Number(text);
  }
  if (kind !== 'date') return text;
  const date = parseCellDate(text);
  if (!date) {
    messages.push(
      error(
        location,
        `“${text.slice(0, 40)}” is not a date. Write dates as dd/mm/yyyy, for example 07/04/2026.`,
      ),
    );
    return undefined;
  }
  if (date > period.drawnOn) {
    messages.push(
      error(
        location,
        `${formatDate(date)} is after ${formatDate(period.drawnOn)}, the day the lists are drawn. Check the date.`,
      ),
    );
    return undefined;
  }
  if (c.inPeriod && date < period.periodFrom) {
    messages.push(
      error(
        location,
        `${formatDate(date)} is before ${formatDate(period.periodFrom)}, so outside the ${period.months} months this list covers. Export the list for the period only.`,
      ),
    );
    return undefined;
  }
  return date;
}

/** Whole years from a date of birth to a day, both yyyy-mm-dd. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
