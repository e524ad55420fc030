/*
 * The name stamped on changes. Settings (a later issue) lets the user set it; until then it is
 * read from the browser's local settings, falling back to a plain label.
 */
export function settingsUserName(): string {
  return globalThis.localStorage?.getItem('readiness-workbook:user-name') ?? 'This device';
}
