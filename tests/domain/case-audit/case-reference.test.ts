import { describe, expect, it } from 'vitest';
import {
  identifierWarnings,
  isDateSerial,
  isMostlyDateSerials,
} from '../../../src/domain/case-audit/case-reference';

describe('identifier warnings on case references', () => {
  it.each([
    '9434765919',
    '943 476 5919',
    '943-476-5919',
    '94 34 76 59 19',
    ' 9 4 3 4 7 6 5 9 1 9 ',
    'NHS 9434765870',
  ])('an NHS number in any spacing (%s)', (reference) =>
    expect(identifierWarnings(reference)).toContain('nhs-number'),
  );

  it.each(['9434765918', '12345678901', '943 476 59190', 'CIN-0001'])(
    'not an NHS number: wrong check digit, too long, or an ordinary reference (%s)',
    (reference) => expect(identifierWarnings(reference)).not.toContain('nhs-number'),
  );

  it.each(['Jane Smith', 'JOHN SMITH', 'john smith', 'Mary-Jane O’Neill', 'anne marie jones', 'Zoë Brontë'])(
    'a name in any case (%s)',
    (reference) => expect(identifierWarnings(reference)).toContain('name'),
  );

  it.each(['CIN-0001', 'SMITH', 'CIC 204', 'EH-7 North', 'one two three four'])(
    'not a name: one word, digits, or more than three words in lower case (%s)',
    (reference) => expect(identifierWarnings(reference)).not.toContain('name'),
  );

  it.each([
    'DOB 1 March 2015',
    'D.O.B. 01/03/2015',
    'born 1st Mar 2015',
    'CIN-1 1 March 2015',
    'March 1, 2015',
    '2015-03-01',
    '1.3.15',
    'date of birth: unknown',
  ])('a date or a date of birth (%s)', (reference) =>
    expect(identifierWarnings(reference)).toContain('date-of-birth'),
  );

  it.each(['CIN-0001', 'CIC-2015', 'DOBSON-1', 'Mar-204'])('no date in %s', (reference) =>
    expect(identifierWarnings(reference)).not.toContain('date-of-birth'),
  );

  it('spots a column of spreadsheet date serials, not a stray number among references', () => {
    expect(isDateSerial('42064')).toBe(true);
    expect(isDateSerial('42064.0')).toBe(true);
    expect([isDateSerial('19999'), isDateSerial('60001'), isDateSerial('4206')]).toEqual([
      false,
      false,
      false,
    ]);
    expect(isMostlyDateSerials(['42064', '41000', '43500', 'CIN-1', ''])).toBe(true);
    expect(isMostlyDateSerials(['42064', 'CIN-1', 'CIN-2'])).toBe(false);
    expect(isMostlyDateSerials(['', ''])).toBe(false);
  });
});
