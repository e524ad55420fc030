/**
 * Whether two names are one person, as the workspace records people (the name in Settings, or the
 * signed-in name in a team): ignoring case and spaces at either end; an empty name is no one.
 */
export function samePerson(a: string, b: string): boolean {
  const [x, y] = [a.trim().toLowerCase(), b.trim().toLowerCase()];
  return x !== '' && x === y;
}
