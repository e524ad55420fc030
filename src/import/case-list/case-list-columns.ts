/*
 * Which column is which field: an explicit list of heading names per field, strongest first. A field
 * takes the column with the strongest name; two columns that tie are reported, naming both, for the
 * user to rename one — never guessed. "Status" is never a case type; NHS numbers are never a reference.
 */
import { containsNhsNumber } from '../../domain/case-audit/case-reference';
import type { CaseListEntry } from '../../domain/case-audit/records';
import type { IssueMessage } from '../../validation/messages';

export type CaseListField = keyof CaseListEntry;
export type CaseListColumns = Partial<Record<CaseListField, number>>;

/** Heading names per field in tiers, strongest first; within a tier the names are equals. */
export const CASE_LIST_HEADINGS: Record<CaseListField, readonly (readonly string[])[]> = {
  caseReference: [
    ['case reference', 'pseudonymised reference', 'pseudonymised case reference'],
    ['case ref', 'case reference number'],
    ['reference', 'ref'],
    ['case id', 'child id', 'person id', 'id'],
  ],
  caseType: [['case type', 'cohort', 'case category'], ['type']],
  team: [['team', 'team name', 'allocated team']],
  worker: [['worker', 'social worker', 'allocated worker', 'practitioner', 'personal adviser', 'key worker']],
  startDate: [['start date', 'open date', 'date opened', 'episode start', 'case start date']],
  lastAuditedDate: [['last audited', 'last audit date', 'date last audited']],
};
export const REQUIRED_FIELDS: readonly CaseListField[] = ['caseReference', 'caseType', 'team', 'worker'];
/** The field's name in messages, as the template's heading spells it. */
export const FIELD_LABELS: Record<CaseListField, string> = {
  caseReference: 'case reference',
  caseType: 'case type',
  team: 'team',
  worker: 'worker',
  startDate: 'start date',
  lastAuditedDate: 'last audited',
};

const error = (location: string, text: string): IssueMessage => ({ severity: 'error', location, text });

export function normaliseHeading(heading: string): string {
  return heading.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
}

/** Which headings name which field, and the field that holds the reference (never NHS numbers). */
export interface ColumnSpec<F extends string> {
  headings: Readonly<Record<F, readonly (readonly string[])[]>>;
  labels: Readonly<Record<F, string>>;
  reference: F;
}

/** Chooses a column for each field, or says why it cannot; `body` lets it look at the values. */
export function chooseColumns(
  header: readonly string[],
  body: readonly (readonly string[])[],
): { columns: CaseListColumns; problems: IssueMessage[]; contested: Set<CaseListField> } {
  return chooseColumnsBy(
    { headings: CASE_LIST_HEADINGS, labels: FIELD_LABELS, reference: 'caseReference' },
    header,
    body,
  );
}

/** The same choice for any list of fields (the Annex A lists use it with their own headings). */
export function chooseColumnsBy<F extends string>(
  spec: ColumnSpec<F>,
  header: readonly string[],
  body: readonly (readonly string[])[],
): { columns: Partial<Record<F, number>>; problems: IssueMessage[]; contested: Set<F> } {
  const normal = header.map(normaliseHeading);
  const columns: Partial<Record<F, number>> = {};
  const problems: IssueMessage[] = [];
  const contested = new Set<F>();
  for (const field of Object.keys(spec.headings) as F[]) {
    const usable = (index: number) =>
      field !== spec.reference || !holdsNhsNumbers(body.map((cells) => cells[index] ?? ''));
    for (const tier of spec.headings[field]) {
      const matches = normal.flatMap((h, i) => (tier.includes(h) ? [i] : []));
      const refused = matches.filter((i) => !usable(i));
      for (const i of refused)
        problems.push(
          error(
            `Heading row, column “${header[i]}”`,
            `holds NHS numbers, so it cannot be the ${spec.labels[field]}. Add a column of pseudonymised references headed “${capitalise(spec.labels[field])}”, and remove this one.`,
          ),
        );
      const candidates = matches.filter(usable);
      if (candidates.length > 1) {
        const names = candidates.map((i) => `“${header[i]}”`).join(' and ');
        problems.push(
          error(
            'Heading row',
            `has ${candidates.length} columns that could be the ${spec.labels[field]}: ${names}. Rename all but one, so the import does not have to guess.`,
          ),
        );
      }
      if (candidates.length > 1 || refused.length) contested.add(field);
      if (candidates.length === 1) columns[field] = candidates[0]!;
      if (candidates.length || refused.length) break;
    }
  }
  return { columns, problems, contested };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Over half the filled cells are NHS numbers (ten digits, any spacing, passing the checksum). */
function holdsNhsNumbers(values: readonly string[]): boolean {
  const filled = values.filter((v) => v.trim() !== '');
  return filled.length > 0 && filled.filter(containsNhsNumber).length * 2 > filled.length;
}
