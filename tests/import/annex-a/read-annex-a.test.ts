// @vitest-environment node
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { ANNEX_A_SETS } from '../../../src/domain/rehearsal/annex-a-lists';
import { readSpreadsheetRows } from '../../../src/import/case-list/spreadsheet-rows';
import { readAnnexACsv, readAnnexARows, type AnnexAContext } from '../../../src/import/annex-a/read-annex-a';

const context = (list: number, set = ANNEX_A_SETS.ilacs): AnnexAContext => ({
  set,
  list,
  drawnOn: '2026-06-15',
  fileName: 'list.csv',
  importedAt: '2026-06-15T09:00:00Z',
});
const csv = (text: string) => new TextEncoder().encode(text);
const texts = (result: ReturnType<typeof readAnnexACsv>) =>
  result.ok ? [] : result.messages.map((m) => `${m.location}: ${m.text}`);

const CP = [
  'Child ID,Team,Social worker,Date of birth,Plan start date,Previous child protection plans,Date of last visit',
  'CP001,North,Worker A,14/03/2015,02/01/2024,1,01/06/2026',
  'CP002,South,Worker B,2019-08-30,10/05/2026,0,10/06/2026',
].join('\n');

describe('the Annex A door', () => {
  it('reads a list by its headings, gives ages for dates of birth and keeps no date of birth', () => {
    const result = readAnnexACsv(csv(CP), context(7));
    expect(texts(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.imported.rows).toEqual([
      {
        childId: 'CP001',
        team: 'North',
        worker: 'Worker A',
        values: { age: 11, planStartDate: '2024-01-02', previousPlans: 1, lastVisitDate: '2026-06-01' },
      },
      {
        childId: 'CP002',
        team: 'South',
        worker: 'Worker B',
        values: { age: 6, planStartDate: '2026-05-10', previousPlans: 0, lastVisitDate: '2026-06-10' },
      },
    ]);
    expect(result.imported).toMatchObject({
      list: 7,
      setId: 'ilacs',
      periodFrom: '2025-12-15',
      periodTo: '2026-06-15',
    });
    expect(result.columns).toContainEqual({ label: 'plan start date', heading: 'Plan start date' });
    expect(JSON.stringify(result.imported)).not.toContain('2015');
  });

  it('names the missing columns the list needs', () => {
    const result = readAnnexACsv(csv('Child ID,Team\nCP001,North'), context(7));
    expect(texts(result)).toEqual([
      expect.stringMatching(
        /^Heading row: has no column for “plan start date”, which list 7 \(Child protection\) needs/,
      ),
    ]);
  });

  it('refuses dates it cannot read, telling the user to write dd/mm/yyyy', () => {
    const result = readAnnexACsv(
      csv('Child ID,Team,Contact date\nA1,North,13/25/2026\nA2,North,12/06/2026'),
      context(1),
    );
    expect(texts(result)).toEqual([
      'Row 2, contact date: “13/25/2026” is not a date. Write dates as dd/mm/yyyy, for example 07/04/2026.',
    ]);
  });

  it('refuses event dates outside the six months the list covers, and any date after the lists are drawn', () => {
    const result = readAnnexACsv(
      csv('Child ID,Team,Referral date\nR1,North,01/11/2025\nR2,North,20/06/2026\nR3,North,01/03/2026'),
      context(3),
    );
    expect(texts(result)).toEqual([
      'Row 2, referral date: 01/11/2025 is before 15/12/2025, so outside the 6 months this list covers. Export the list for the period only.',
      'Row 3, referral date: 20/06/2026 is after 15/06/2026, the day the lists are drawn. Check the date.',
    ]);
  });

  it('refuses a child listed twice on a cohort list, but not on an event list', () => {
    const cohort = readAnnexACsv(
      csv(`${CP}\nCP001,North,Worker A,14/03/2015,02/01/2024,1,01/06/2026`),
      context(7),
    );
    expect(texts(cohort)).toEqual([
      'Row 4, child id: CP001 is already on row 2. A child appears once on list 7 (Child protection): remove the duplicate and import again.',
    ]);
    const contacts = readAnnexACsv(
      csv('Child ID,Team,Contact date\nA1,North,01/06/2026\nA1,North,02/06/2026'),
      context(1),
    );
    expect(contacts.ok).toBe(true);
  });

  it('refuses name and NHS number columns, and NHS numbers as the child id', () => {
    expect(
      texts(readAnnexACsv(csv('Child ID,Surname,Team,Contact date\nA1,Smith,North,01/06/2026'), context(1))),
    ).toEqual([
      'Heading row, column “Surname”: holds names or NHS numbers, which this tool never keeps. Remove the column and import the list again; the child id is enough.',
    ]);
    const nhs = readAnnexACsv(csv('Child ID,Team,Contact date\n943 476 5919,North,01/06/2026'), context(1));
    expect(texts(nhs)[0]).toMatch(
      /^Heading row, column “Child ID”: holds NHS numbers, so it cannot be the child id/,
    );
  });

  it('warns of a child whose age does not fit the list, and refuses formulas', () => {
    const leavers = readAnnexACsv(
      csv('Child ID,Team,Age\nL1,Leaving care,12\nL2,Leaving care,19'),
      context(9),
    );
    expect(leavers.ok && leavers.warnings.map((w) => w.text)).toEqual([
      'L1 is 12, outside the ages list 9 (Care leavers) holds (16 to 25): check the child belongs on this list.',
    ]);
    expect(
      texts(readAnnexACsv(csv('Child ID,Team,Contact date\n=HYPERLINK(1),North,01/06/2026'), context(1)))[0],
    ).toMatch(/Row 2, child id: starts with “=”/);
  });

  it('reads the SIF lists with their own names', () => {
    const result = readAnnexACsv(
      csv('Unique child identifier,Team,Date started to be looked after\nLA1,Care,01/01/2020'),
      context(8, ANNEX_A_SETS.sif),
    );
    expect(result.ok).toBe(true);
    expect(texts(readAnnexACsv(csv('Child ID,Team\nLA1,Care'), context(7, ANNEX_A_SETS.sif)))[0]).toMatch(
      /list 7 \(Children subject to a child protection plan\)/,
    );
  });

  it('reads spreadsheet rows as the worker gives them, dates as serial numbers', () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Child ID', 'Team', 'Contact date', 'Outcome'],
      ['A1', 'Front door', 46174, 'No further action'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'List 1');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const rows = readSpreadsheetRows(bytes);
    expect(rows.ok).toBe(true);
    if (!rows.ok) return;
    const result = readAnnexARows(rows.rows, context(1));
    expect(result.ok && result.imported.rows[0]).toEqual({
      childId: 'A1',
      team: 'Front door',
      worker: '',
      values: { eventDate: '2026-06-01', outcome: 'No further action' },
    });
  });
});
