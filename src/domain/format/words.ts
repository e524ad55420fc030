/*
 * Counts and lists in plain English, written once: "1 assessment cycle", "2 assessment cycles",
 * "a, b and c". Every message that counts something a person reads uses these, never "(s)".
 */

/** "1 response", "3 responses"; give the plural where it is not the noun plus "s". */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
