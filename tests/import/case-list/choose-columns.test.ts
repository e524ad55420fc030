// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readCaseListCsv } from '../../../src/import/case-list/read-case-list';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('case-list columns are chosen by an explicit, prioritised list of headings', () => {
  it('never takes “Status” as the case type, even beside a case type column', () => {
    const result = readCaseListCsv(
      bytes('Case reference,Status,Case type,Team,Worker\nCIN-1,Open,CP,North,W1\n'),
    );
    expect(result).toMatchObject({ ok: true, entries: [{ caseType: 'child-in-need-child-protection' }] });
  });

  it('prefers a stronger heading and ignores a weaker one: “Case ref” over a “Child ID” of NHS numbers', () => {
    const result = readCaseListCsv(
      bytes('Child ID,Case ref,Case type,Team,Worker\n9434765919,CIN-1,CIN,North,W1\n'),
    );
    expect(result).toMatchObject({ ok: true, entries: [{ caseReference: 'CIN-1' }] });
  });

  it('reports every heading problem at once: two candidate columns and a missing one', () => {
    const result = readCaseListCsv(
      bytes('Case reference,Case type,Social worker,Personal adviser\nCL-1,Care leaver,W1,PA1\n'),
    );
    expect(result).toMatchObject({
      ok: false,
      messages: [
        { location: 'Heading row', text: expect.stringContaining('could be the worker') },
        { location: 'Heading row', text: expect.stringContaining('has no column for “team”') },
      ],
    });
  });

  it('takes a weak heading when it is the only one and does not hold NHS numbers', () => {
    const result = readCaseListCsv(bytes('ID,Type,Team,Worker\nP-77,LAC,North,W1\n'));
    expect(result).toMatchObject({
      ok: true,
      entries: [{ caseReference: 'P-77', caseType: 'children-in-care' }],
    });
  });

  it('warns once about case types it does not know, and about a reference column of date serials', () => {
    const result = readCaseListCsv(
      bytes(
        'Case reference,Case type,Team,Worker\n42064,Open,North,W1\n42100,Closed,North,W1\n43000,Open,South,W2\n',
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.messages));
    expect(result.entries.map((e) => e.caseType)).toEqual(['Open', 'Closed', 'Open']);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        location: 'Column “Case reference”',
        text: expect.stringContaining('store dates'),
      }),
      expect.objectContaining({
        location: 'Column “Case type”',
        text: expect.stringContaining('(“Open”, “Closed”)'),
      }),
    ]);
  });

  it('numbers rows by their line in the file, past blank lines and quoted line breaks', () => {
    const result = readCaseListCsv(
      bytes(
        'Case reference,Case type,Team,Worker,Notes\nCIN-1,CIN,North,W1,"two\nlines"\n\n=1+1,CIN,North,W1,\n',
      ),
    );
    expect(result).toMatchObject({ ok: false, messages: [{ location: 'Row 5, case reference' }] });
  });
});
