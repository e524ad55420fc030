/*
 * Warning signs that a "case reference" is really personal data: a name, an NHS number or a date of
 * birth. Only pseudonymised references belong in the workbook; these are warnings, not proof.
 */
export type IdentifierWarning = 'name' | 'nhs-number' | 'date-of-birth';

const DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b|\b\d{4}-\d{2}-\d{2}\b/;
const NAME = /^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+$/;

export function identifierWarnings(reference: string): IdentifierWarning[] {
  const text = reference.trim();
  const warnings: IdentifierWarning[] = [];
  if (NAME.test(text)) warnings.push('name');
  if (containsNhsNumber(text)) warnings.push('nhs-number');
  if (DATE.test(text)) warnings.push('date-of-birth');
  return warnings;
}

/** Ten digits (spaces allowed as 3-3-4) passing the NHS modulus 11 check. */
function containsNhsNumber(text: string): boolean {
  const candidates = text.match(/\b\d{3}\s?\d{3}\s?\d{4}\b/g) ?? [];
  return candidates.some((candidate) => {
    const digits = candidate.replace(/\s/g, '').split('').map(Number);
    const total = digits.slice(0, 9).reduce((sum, d, i) => sum + d * (10 - i), 0);
    const check = 11 - (total % 11);
    const expected = check === 11 ? 0 : check;
    return expected !== 10 && expected === digits[9];
  });
}

export const IDENTIFIER_MESSAGES: Record<IdentifierWarning, string> = {
  name: 'looks like a person’s name',
  'nhs-number': 'looks like an NHS number',
  'date-of-birth': 'contains a date, which may be a date of birth',
};
