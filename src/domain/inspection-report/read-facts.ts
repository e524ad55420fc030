/*
 * The council, the fieldwork dates and the publication date, read from the first pages in the words
 * reports and letters use for them. Each comes with the lines it was read from; none is guessed.
 */
import { findDate, readDate, readDateRange } from './read-dates';
import { joinLines } from './joined-text';
import { normalise, refOf } from './report-lines';
import type { DateRange, LineRef, ReportKind, ReportLine } from './types';

const COUNCIL_AFTER = [
  /\blocal authority\s*:\s*(.+?)(?=\s+(?:inspection dates?|dates? of inspection|lead inspector|date of publication|report published)\b|$)/i,
  /\b(?:focused|monitoring) visit (?:to|of) (.+?)(?:'s)? (?:local authority )?children's (?:services|social care)/i,
  /\bjoint targeted area inspection of .+? in (.+?)(?:\.|\s+(?:between|from|on|this|dear)\b|$)/i,
  /\binspection of (?!the\b|services\b|children's\b)(.+?) (?:local authority )?children's (?:social care )?services/i,
];
const TITLE_AFTER_COUNCIL =
  /^(inspection of (the )?local authority children's services|inspection of children's social care services|inspection of services for children in need of help and protection)/;

export function readCouncil(
  lines: readonly ReportLine[],
  kind: ReportKind,
): { name: string; from: LineRef[] } | undefined {
  const opening = lines.filter((l) => l.page <= 2);
  const joined = joinLines(opening);
  const [label, visit, jtai, inspection] = COUNCIL_AFTER as [RegExp, RegExp, RegExp, RegExp];
  const patterns =
    kind === 'jtai'
      ? [jtai, label]
      : kind === 'ilacs-report' || kind === 'sif-report'
        ? [label, inspection]
        : [visit, label];
  for (const pattern of patterns) {
    const found = pattern.exec(joined.text);
    const name = found?.[1] ? cleanName(found[1]) : '';
    if (found && name) {
      const start = found.index + found[0].indexOf(found[1]!);
      return { name, from: joined.refs(start, start + found[1]!.length) };
    }
  }
  const title = opening.findIndex((l, i) => i > 0 && TITLE_AFTER_COUNCIL.test(normalise(l.text)));
  const before = title > 0 ? opening[title - 1] : undefined;
  return before && cleanName(before.text)
    ? { name: cleanName(before.text), from: [refOf(before)] }
    : undefined;
}

function cleanName(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^the\s+(?=\S+\s+(council|borough))/i, '')
    .replace(/[\s,.;:]+$/, '')
    .trim()
    .slice(0, 120);
}

const FIELDWORK_AFTER =
  /\b(inspection dates?|dates? of (?:the )?inspection|fieldwork|dates? of (?:the )?visit|visit dates?|on site|visit(?:ed)?\b[^.]{0,140}?\b(?:on|between|from)|inspection\b[^.]{0,140}?\b(?:on|between|from)|between)\b\s*:?\s*/gi;

export function readFieldwork(lines: readonly ReportLine[]): (DateRange & { from: LineRef[] }) | undefined {
  const joined = joinLines(lines.filter((l) => l.page <= 3));
  for (const found of joined.text.matchAll(FIELDWORK_AFTER)) {
    const start = found.index + found[0].length;
    const window = joined.text.slice(start, start + 90);
    const range = readDateRange(window);
    if (range)
      return {
        start: range.start,
        end: range.end,
        from: joined.refs(found.index, start + range.index + range.length),
      };
  }
  return undefined;
}

const PUBLISHED_AFTER =
  /\b(report published|date of publication|publication date|published on|published)\s*:?\s*/gi;
const DATE_ONLY = /^\d{1,2}\s+[a-z]+\s+\d{4}$/i;

export function readPublished(lines: readonly ReportLine[]): { date: string; from: LineRef[] } | undefined {
  const opening = lines.filter((l) => l.page <= 2);
  const joined = joinLines(opening);
  for (const found of joined.text.matchAll(PUBLISHED_AFTER)) {
    const start = found.index + found[0].length;
    const date = findDate(joined.text.slice(start, start + 30));
    if (date) return { date: date.date, from: joined.refs(found.index, start + date.index + date.length) };
  }
  // A letter is dated on a line of its own above "Dear …".
  const dated = opening.filter((l) => l.page === opening[0]?.page).find((l) => DATE_ONLY.test(l.text.trim()));
  const date = dated ? readDate(dated.text) : undefined;
  return dated && date ? { date, from: [refOf(dated)] } : undefined;
}
