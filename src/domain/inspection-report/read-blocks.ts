/*
 * What a monitoring or focused-visit letter looked at and found: the paragraphs under its headings,
 * split where the page leaves a gap or a bullet starts. When a letter has no "areas covered" heading,
 * the opening sentences that say what inspectors looked at stand in for it.
 */
import { isHeading, sectionHeading, type SectionHeading } from './sections';
import { tidy } from './joined-text';
import { refOf } from './report-lines';
import type { ReadBlock, ReportLine } from './types';

const BULLET = /^[•●▪◦·‣∙*–-]\s*/;
const LOOKED_AT =
  /\b(inspectors|the visit|this visit|the inspection)\b[^.]{0,40}?\b(looked at|evaluated|reviewed|considered|focused on)\b[^.]*\./i;

export function readSection(lines: readonly ReportLine[], wanted: SectionHeading, body: number): ReadBlock[] {
  const blocks: ReadBlock[] = [];
  let inside = false;
  let block: ReadBlock | undefined;
  let previous: ReportLine | undefined;
  const end = () => {
    if (block) blocks.push(block);
    block = undefined;
  };
  for (const line of lines) {
    const heading = sectionHeading(line.text);
    if (heading || isHeading(line, body)) {
      end();
      inside = heading === wanted;
      previous = undefined;
      continue;
    }
    if (!inside || line.size < body * 0.9) continue;
    const text = tidy(line.text);
    const gap = previous && (line.page !== previous.page || line.y - previous.y > line.size * 1.9);
    if (!block || gap || BULLET.test(text)) {
      end();
      block = { text: text.replace(BULLET, ''), from: [refOf(line)] };
    } else block = { text: `${block.text} ${text}`, from: [...block.from, refOf(line)] };
    previous = line;
  }
  end();
  return blocks;
}

/** The sentence of the opening that says what the visit looked at. */
export function readLookedAtSentence(lines: readonly ReportLine[]): ReadBlock[] {
  const opening = lines.filter((l) => l.page <= 2);
  for (let i = 0; i < opening.length; i += 1) {
    const window = opening.slice(i, i + 4);
    const text = window.map((l) => tidy(l.text)).join(' ');
    const found = LOOKED_AT.exec(text);
    if (found && found.index < tidy(opening[i]!.text).length)
      return [{ text: found[0].trim(), from: window.map(refOf) }];
  }
  return [];
}
