/*
 * Lines joined into one text, keeping which characters came from which line, so a phrase that wraps
 * ("…focused visit to Northby / children's services…") is still found and still points at its lines.
 */
import { refOf } from './report-lines';
import type { LineRef, ReportLine } from './types';

export interface JoinedText {
  text: string;
  /** The lines holding characters start..end of `text`. */
  refs(start: number, end: number): LineRef[];
}

export function joinLines(lines: readonly ReportLine[]): JoinedText {
  const starts: number[] = [];
  let text = '';
  for (const line of lines) {
    if (text) text += ' ';
    starts.push(text.length);
    text += tidy(line.text);
  }
  return {
    text,
    refs(start, end) {
      return lines.flatMap((line, i) => {
        const from = starts[i]!;
        const to = from + tidy(line.text).length;
        return from < end && to > start ? [refOf(line)] : [];
      });
    },
  };
}

/** Straight quotes and single spaces, case kept. */
export function tidy(text: string): string {
  return text.replace(/[‘’`]/g, "'").replace(/\s+/g, ' ').trim();
}
