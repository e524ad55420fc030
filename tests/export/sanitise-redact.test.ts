import { describe, expect, it } from 'vitest';
import { makeRedactor, passesModulus11, type RedactionKind } from '../../src/export/backup/redact';

const redactor = makeRedactor({
  caseReferences: ['CIN-0042', 'LAC 7781'],
  names: ['Priya Okonkwo', 'Sam', 'Head of service', 'M', "Seán O'Brien"],
});

function redact(text: string) {
  const found: Record<RedactionKind, number> = { caseReference: 0, name: 0, nhsNumber: 0, dateOfBirth: 0 };
  return { text: redactor(text, found), found };
}

describe('redacting the free text a sanitised copy keeps', () => {
  it.each([
    ['Priya Okonkwo chairs the panel.', '[redacted] chairs the panel.'],
    ['Discussed with PRIYA   okonkwo and Sam.', 'Discussed with [redacted] and [redacted].'],
    ['Case cin-0042 and LAC 7781 drifted.', 'Case [redacted] and [redacted] drifted.'],
    ["Seán O'Brien agreed.", '[redacted] agreed.'],
  ])('names and case references, whole words, any case: %s', (text, expected) => {
    expect(redact(text).text).toBe(expected);
  });

  it('leaves words that only contain a name, roles, and one-letter names alone', () => {
    const text = 'Samantha and the samples; the Head of service; M and N; CIN-00421.';
    expect(redact(text).text).toBe(text);
  });

  it.each(['943 476 5919', '9434765919', '943-476-5919', '94 34 76 59 19', '9 4 3 4 7 6 5 9 1 9'])(
    'NHS numbers in any spacing: %s',
    (nhs) => {
      const { text, found } = redact(`NHS no. ${nhs}.`);
      expect(text).toBe('NHS no. [redacted].');
      expect(found.nhsNumber).toBe(1);
    },
  );

  it('leaves ten digits that fail the modulus 11 check, and longer runs of digits', () => {
    expect(passesModulus11('9434765919')).toBe(true);
    expect(passesModulus11('9434765918')).toBe(false);
    for (const text of ['Ref 9434765918', 'Phone 0943 476 5919 1', '2,345,678 contacts'])
      expect(redact(text).text).toBe(text);
  });

  it.each([
    ['DOB 1 March 2015', 'DOB [redacted]'],
    ['d.o.b. 01/03/2015', 'd.o.b. [redacted]'],
    ['born 1/3/15', 'born [redacted]'],
    ['Date of birth: 2015-03-01', 'Date of birth: [redacted]'],
    ['born on the 1st of March 2015', 'born on the [redacted]'],
    ['born on 1st March 2015', 'born on [redacted]'],
    ['D.O.B: March 1, 2015', 'D.O.B: [redacted]'],
    ['born in 2015', 'born in [redacted]'],
  ])('dates given as a date of birth: %s', (text, expected) => {
    expect(redact(text).text).toBe(expected);
  });

  it('leaves other dates, which are what a self-assessment is about', () => {
    const text = 'Audited on 01/03/2025; the newborn 1/3/15 cohort; stubborn 2015 figures.';
    expect(redact(text).text).toBe(text);
  });

  it('counts what it redacted, by kind', () => {
    expect(redact('Sam saw CIN-0042 (DOB 1/3/15, NHS 9434765919).').found).toEqual({
      caseReference: 1,
      name: 1,
      nhsNumber: 1,
      dateOfBirth: 1,
    });
  });
});
