/*
 * Warning signs that a "case reference" is really personal data: a name, an NHS number or a date of
 * birth — and, for a whole column, spreadsheet date serials. Only pseudonymised references belong in
 * the workbook; these are warnings, not proof.
 */
export type IdentifierWarning = 'name' | 'nhs-number' | 'date-of-birth';

const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b|\b\d{4}-\d{2}-\d{2}\b/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WORD_DATE = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{2,4}\\b|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
  'i',
);
const BIRTH_WORDS = /\b(?:d\.?\s?o\.?\s?b\.?|born|date of birth|birth ?date)(?![a-z])/i;
/** Two or more capitalised words ("Jane Smith"), or two or three words of letters only in any case. */
const NAME = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)+$/u;
const LETTER_WORDS = /^[\p{L}'’-]*\p{L}[\p{L}'’-]*(?:\s+[\p{L}'’-]*\p{L}[\p{L}'’-]*){1,2}$/u;
/** Ten digits with any spaces or hyphens between them, not part of a longer run of digits. */
const TEN_DIGITS = /(?<!\d[\s-]*)\d(?:[\s-]*\d){9}(?![\s-]*\d)/g;

export function identifierWarnings(reference: string): IdentifierWarning[] {
  const text = reference.trim();
  const warnings: IdentifierWarning[] = [];
  if (NAME.test(text) || LETTER_WORDS.test(text)) warnings.push('name');
  if (containsNhsNumber(text)) warnings.push('nhs-number');
  if (NUMERIC_DATE.test(text) || WORD_DATE.test(text) || BIRTH_WORDS.test(text))
    warnings.push('date-of-birth');
  return warnings;
}

/** True when the text holds ten digits, in any spacing, that pass the NHS modulus 11 check. */
export function containsNhsNumber(text: string): boolean {
  return (text.match(TEN_DIGITS) ?? []).some((candidate) => isNhsNumber(candidate.replace(/\D/g, '')));
}

function isNhsNumber(digits: string): boolean {
  const d = digits.split('').map(Number);
  const total = d.slice(0, 9).reduce((sum, n, i) => sum + n * (10 - i), 0);
  const check = 11 - (total % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === d[9];
}

/** A spreadsheet date serial (20000 is 1954-10-03, 60000 is 2064-04-08), as a reference cell shows it. */
export function isDateSerial(reference: string): boolean {
  const text = reference.trim();
  return /^\d{5}(?:\.0+)?$/.test(text) && Number(text) >= 20_000 && Number(text) <= 60_000;
}

/** A column of references that is mostly (over half) date serials was probably a date column. */
export function isMostlyDateSerials(references: readonly string[]): boolean {
  const filled = references.filter((r) => r.trim() !== '');
  return filled.length > 0 && filled.filter(isDateSerial).length * 2 > filled.length;
}

export const IDENTIFIER_MESSAGES: Record<IdentifierWarning, string> = {
  name: 'looks like a person’s name',
  'nhs-number': 'looks like an NHS number',
  'date-of-birth': 'contains a date, which may be a date of birth',
};
