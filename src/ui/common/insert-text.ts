/*
 * Putting a snippet (an evidence reference) into text being typed, as a person would: separated from
 * the words either side by a space, so "worker.[Evidence: …][Evidence: …]" never runs together.
 */
export interface Inserted {
  text: string;
  /** Where the caret goes: just after the snippet. */
  caret: number;
}

export function insertWithSpaces(text: string, start: number, end: number, snippet: string): Inserted {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === '' || /\s$/.test(before) ? '' : ' ';
  // No space before closing punctuation: "… [Evidence: …]." reads as a sentence.
  const trail = after === '' || /^[\s.,;:!?)]/.test(after) ? '' : ' ';
  const middle = `${lead}${snippet}${trail}`;
  return { text: before + middle + after, caret: before.length + lead.length + snippet.length };
}
