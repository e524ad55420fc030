/*
 * Text that leaves the app in a spreadsheet. A string cell in an .xlsx file is never evaluated when it
 * is opened (Excel, LibreOffice and Google Sheets only run cells written as formulas), but a copy saved
 * as CSV and opened again, or a cell the user edits and re-enters, is read as a formula when it starts
 * with = + - or @ (after any tab or carriage return some tools strip). Such text gets a leading
 * apostrophe so it stays inert (OWASP's advice) — unless it cannot be harmful as a formula:
 */
const LEADING = /^[\t\r]*/;

/** After "=", anything is a formula. */
const EQUALS = /^[\t\r]*=/;
const SIGN = /^[\t\r]*[+\-@]/;
/**
 * A sign followed by a word is how people write list items ("- Strong oversight") and mentions
 * ("@Priya"). Read as a formula that is at worst an error (#NAME?), never a calculation, a link or a
 * command — unless the text also calls a function (HYPERLINK(, WEBSERVICE(), reaches another program
 * (DDE: cmd|' /C calc'!A0) or another file or sheet ([book]Sheet!A1).
 */
const SIGN_THEN_WORD = /^[+\-@]\s*\p{L}/u;
const REACHES_OUT = /[\p{L}\d_.]\(|\||!\$?[A-Za-z]{1,3}\$?\d|\[/u;

export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

export function isFormulaLike(text: string): boolean {
  if (EQUALS.test(text)) return true;
  if (!SIGN.test(text)) return false;
  const start = text.replace(LEADING, '');
  return !SIGN_THEN_WORD.test(start) || REACHES_OUT.test(start);
}
