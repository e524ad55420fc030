/*
 * What a sanitised copy removed and redacted, in words, for the user to read before downloading it.
 * Every kind is listed, including those with nothing to report, so the list reads the same each time.
 */
import { countOf, listInWords } from '../../domain/format/words';
import type { SanitiseSummary } from './scrubber';

export interface SummaryRow {
  key: string;
  value: string;
}

export function describeSanitiseSummary(summary: SanitiseSummary): SummaryRow[] {
  const { redactions: r } = summary;
  const redacted = [
    countOf(r.caseReference, 'case reference'),
    countOf(r.name, 'name'),
    countOf(r.nhsNumber, 'NHS number'),
    countOf(r.dateOfBirth, 'date of birth', 'dates of birth'),
  ];
  const total = r.caseReference + r.name + r.nhsNumber + r.dateOfBirth;
  return [
    {
      key: 'Names replaced',
      value: `${countOf(summary.namesReplaced, 'name')}, of ${countOf(summary.people, 'person', 'people')}${labels(summary.people, 'Colleague')}`,
    },
    { key: 'Teams replaced', value: `${countOf(summary.teams, 'team')}${labels(summary.teams, 'Team')}` },
    {
      key: 'Case references replaced',
      value: `${countOf(summary.caseReferences, 'case')}${labels(summary.caseReferences, 'Case')}`,
    },
    {
      key: 'Fields removed',
      value: `${countOf(summary.fieldsDropped, 'field')}, such as audit and rehearsal notes, case lists and samples, evidence locations, file names and the logo`,
    },
    { key: 'Unrecognised fields removed', value: countOf(summary.unknownFieldsDropped, 'field') },
    {
      key: 'Redacted in the text kept',
      value: total === 0 ? 'Nothing found' : `${listInWords(redacted)}, each now “[redacted]”`,
    },
  ];
}

/** ", now “Colleague 1”", ", now “Colleague 1” to “Colleague 3”", or nothing when there are none. */
function labels(count: number, prefix: string): string {
  if (count === 0) return '';
  return count === 1 ? `, now “${prefix} 1”` : `, now “${prefix} 1” to “${prefix} ${count}”`;
}
