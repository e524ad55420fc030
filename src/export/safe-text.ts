/*
 * Text that leaves the app in a spreadsheet: anything a spreadsheet could run as a formula (leading
 * = + - @, tab or carriage return) gets a leading apostrophe, so it stays inert text even when the
 * sheet is saved as CSV and opened again (OWASP's advice for formula injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
