/*
 * Which kind of document this is, from the words that name it on its first page. A letter mentions the
 * inspection before it and a report mentions earlier visits, so the name that comes first wins.
 */
import { joinLines } from './joined-text';
import type { LineRef, ReportKind, ReportLine } from './types';

const MARKERS: [ReportKind, RegExp][] = [
  ['jtai', /joint targeted area inspection/],
  ['monitoring-visit', /monitoring visit (to|of)\b/],
  ['focused-visit', /focused visit (to|of)\b/],
  [
    'sif-report',
    /inspection of services for children in need of help and protection|review of the effectiveness of the local safeguarding children board|single inspection framework/,
  ],
  [
    'ilacs-report',
    /inspection of [a-z ,.'&()-]{0,80}?(local authority )?children's (social care )?services|\bilacs\b/,
  ],
];

/** Lines of the first page (the title page) are enough; later pages are read only if it says nothing. */
export function recogniseKind(
  lines: readonly ReportLine[],
): { kind: ReportKind; from: LineRef[] } | undefined {
  const firstPage = lines.filter((l) => l.page === lines[0]?.page);
  return earliestMarker(firstPage) ?? earliestMarker(lines.filter((l) => l.page <= 3));
}

function earliestMarker(lines: readonly ReportLine[]): { kind: ReportKind; from: LineRef[] } | undefined {
  // Lines are joined so a title that wraps onto a second line is still found; normalising keeps lengths.
  const joined = joinLines(lines);
  const text = joined.text.toLowerCase().replace(/[‘’`]/g, "'");
  let best: { kind: ReportKind; at: number; length: number } | undefined;
  for (const [kind, marker] of MARKERS) {
    const found = marker.exec(text);
    if (found && (!best || found.index < best.at)) best = { kind, at: found.index, length: found[0].length };
  }
  return best && { kind: best.kind, from: joined.refs(best.at, best.at + best.length) };
}
