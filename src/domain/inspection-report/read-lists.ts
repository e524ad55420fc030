/*
 * The lists a report or letter asks the council to act on, numbered as the report numbers them (or by
 * their place, when it uses bullets), each item read once with every line it wraps onto, across pages.
 * A list starts at its heading and ends at the next heading, or at a paragraph set back to the margin.
 */
import { isHeading, sectionHeading } from './sections';
import { refOf } from './report-lines';
import { tidy } from './joined-text';
import type { ListKind, ReadItem, ReportKind, ReportLine } from './types';

const NUMBERED = /^(\d{1,3})[.)]\s+(\S.*)$/;
const BULLET = /^[•●▪◦·‣∙*–-]\s*(\S.*)$/;

interface Open {
  list: ListKind;
  markerX?: number;
  item?: ReadItem;
  count: number;
}

export function readLists(lines: readonly ReportLine[], kind: ReportKind, body: number): ReadItem[] {
  const items: ReadItem[] = [];
  let open: Open | undefined;
  // The title page names the LSCB review too: its section is the last place the heading appears.
  const lscbFrom = lines.reduce((last, l, i) => (sectionHeading(l.text) === 'lscb-review' ? i : last), -1);
  const close = () => {
    if (open?.item) items.push(open.item);
    open = undefined;
  };
  for (const [index, line] of lines.entries()) {
    const heading = sectionHeading(line.text);
    const inLscbReview = lscbFrom >= 0 && index >= lscbFrom;
    if (heading || isHeading(line, body)) {
      close();
      const list = heading ? listOf(heading, kind, inLscbReview) : undefined;
      if (list) open = { list, count: 0 };
      continue;
    }
    // Small print (a running header on a short letter, a footnote) is never part of a list.
    if (!open || line.size < body * 0.9) continue;
    const text = tidy(line.text);
    const numbered = NUMBERED.exec(text);
    const bullet = numbered ? undefined : BULLET.exec(text);
    if (numbered || bullet) {
      if (open.item) items.push(open.item);
      open.count += 1;
      open.markerX ??= line.x;
      open.item = {
        list: open.list,
        number: numbered ? Number(numbered[1]) : open.count,
        numberedByReport: Boolean(numbered),
        text: (numbered ? numbered[2]! : bullet![1]!).trim(),
        from: [refOf(line)],
      };
    } else if (open.item && open.markerX !== undefined && line.x > open.markerX + 1) {
      open.item = { ...open.item, text: `${open.item.text} ${text}`, from: [...open.item.from, refOf(line)] };
    } else if (open.item) {
      // Back at the margin: a paragraph after the list.
      close();
    }
  }
  close();
  return items;
}

function listOf(heading: string, kind: ReportKind, inLscbReview: boolean): ListKind | undefined {
  if (heading === 'priority-immediate-action') return 'priority-immediate-action';
  if (heading === 'priority-action') return 'priority-action';
  if (heading === 'improve') return 'improve';
  if (heading === 'improvement')
    return kind === 'sif-report' && inLscbReview ? 'lscb-improvement' : 'improvement';
  return undefined;
}
