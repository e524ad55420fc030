/*
 * Building blocks for the Word document: headings, text as the user typed it (blank lines make
 * paragraphs, line breaks are kept, lines starting "- " become real bullets) and tables with grid
 * lines and a header row that repeats on every page. Text is always a run, never a field, so nothing
 * a user types can become a Word field or a formula.
 */
import {
  Bookmark,
  HeadingLevel,
  Paragraph,
  ShadingType,
  TextRun,
  type FileChild,
  type IRunOptions,
} from 'docx';
import type { Tone } from '../../domain/report/report-model';
import { jsPDF } from 'jspdf';
import { cellText, columnWidths, type Measure, type ReportTable } from '../../domain/report/tables';
import { measureText } from '../pdf/pdf-writer';
import { NUMBERING, STYLE, TEXT_WIDTH } from './docx-style';
import { run, styledParagraph, TableXml, type CellParagraph } from './table-xml';

/** The GOV.UK tag colours the PDF uses: a light fill, dark text of the same hue. */
const TAGS: Record<Tone, { fill: string; text: string }> = {
  red: { fill: 'F4CDC6', text: '2A0B06' },
  amber: { fill: 'FFF7BF', text: '594D00' },
  green: { fill: 'CCE2D8', text: '005A30' },
  blue: { fill: 'BBD4EA', text: '0C2D4A' },
  grey: { fill: 'EEEFEF', text: '282D30' },
};

/** A word as a coloured tag: a shaded bold run. */
export function tag(text: string, tone: Tone): TextRun {
  return new TextRun({
    text: clean(text),
    bold: true,
    color: TAGS[tone].text,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: TAGS[tone].fill },
  });
}

/** Table text is 9 pt (docx-style.ts); a cell's margins are 60 twips a side, and the rest is slack for Word's rounding. */
const TABLE_POINTS = 9;
const CELL_PADDING = 2 * 60 + 80;
/**
 * Where Arial is missing (LibreOffice on Linux), DejaVu Sans prints in its place, up to a quarter
 * wider; columns are sized for it, so a date, a reference or a grade fits its column either way.
 */
const SUBSTITUTE_WIDTH = 1.27;
let arial: Measure | undefined;

/**
 * How wide text prints in the table text's Arial, in twips: Helvetica's metrics, which Arial shares.
 * One measure for every table of every document, so each distinct text is measured once.
 */
function measureArial(): Measure {
  if (!arial) {
    const points = measureText(new jsPDF({ unit: 'pt' }), 'helvetica', TABLE_POINTS);
    arial = (text, bold) => points(text, bold) * 20 * SUBSTITUTE_WIDTH;
  }
  return arial;
}

/** A table from its shared definition, its columns sized as the PDF sizes them; tones print as coloured tags. */
export function reportTable(definition: ReportTable): FileChild {
  const widths = columnWidths(definition, TEXT_WIDTH, measureArial(), CELL_PADDING);
  return table(
    definition.columns.map((c) => c.heading),
    definition.rows.map((row) =>
      row.map((cell) => (typeof cell === 'string' ? cell : { text: cellText(cell), tone: cell.tone })),
    ),
    widths,
  );
}

/** Characters XML 1.0 cannot carry (control characters, lone surrogates) would make the file unreadable. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function clean(text: string): string {
  return text.replace(NOT_XML, '');
}

const LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

export function heading(
  text: string,
  level: 1 | 2 | 3 | 4,
  options: { numberInstance?: number; newPage?: boolean; bookmark?: string } = {},
): Paragraph {
  const words = new TextRun(clean(text));
  return new Paragraph({
    heading: LEVELS[level],
    // Each part starts on a new page, as in the PDF; short parts follow on.
    pageBreakBefore: options.newPage ?? level === 1,
    children: [options.bookmark ? new Bookmark({ id: options.bookmark, children: [words] }) : words],
    ...(options.numberInstance === undefined
      ? {}
      : { numbering: { reference: NUMBERING.questions, level: 0, instance: options.numberInstance } }),
  });
}

/** One paragraph of the document's own words (labels, sentences), not split into lists. */
export function line(
  text: string,
  run: Omit<IRunOptions, 'text' | 'children'> = {},
  bullet = false,
): Paragraph {
  return new Paragraph({
    children: [new TextRun({ ...run, text: clean(text) })],
    ...(bullet ? { numbering: { reference: NUMBERING.bullets, level: 0 } } : {}),
  });
}

/** A bold line that introduces what follows it (a table, a paragraph), kept on the same page as it. */
export function label(text: string): Paragraph {
  return new Paragraph({ keepNext: true, children: [new TextRun({ text: clean(text), bold: true })] });
}

const BULLET = /^\s*[-*•]\s+/;

/** Text as typed, in paragraphs: blank lines end one, single line breaks are kept, "- " lines are bullets. */
interface TypedParagraph {
  lines: string[];
  bullet: boolean;
}

function typedParagraphs(text: string): TypedParagraph[] {
  const paragraphs: TypedParagraph[] = [];
  const blocks = clean(text)
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/);
  for (const block of blocks) {
    let plain: string[] = [];
    const flush = () => {
      if (plain.length) paragraphs.push({ lines: plain, bullet: false });
      plain = [];
    };
    for (const row of block.split('\n')) {
      const bullet = BULLET.exec(row);
      if (bullet) {
        flush();
        paragraphs.push({ lines: [row.slice(bullet[0].length)], bullet: true });
      } else if (row.trim()) plain.push(row);
    }
    flush();
  }
  return paragraphs;
}

const bulletParagraph = (text: string, style?: string) =>
  new Paragraph({
    ...(style ? { style } : {}),
    numbering: { reference: NUMBERING.bullets, level: 0 },
    children: [new TextRun(text)],
  });

/** Text as written: blank lines make paragraphs, single line breaks are kept, "- " lines become bullets. */
export function prose(text: string): Paragraph[] {
  return typedParagraphs(text).map(({ lines, bullet }) =>
    bullet
      ? bulletParagraph(lines[0]!)
      : new Paragraph({
          children: lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
        }),
  );
}

/** Widths are relative weights; the table always spans the text width exactly. */
type Cell = string | number | { text: string; tone: Tone };

export function table(head: string[], body: Cell[][], weights?: number[]): FileChild {
  const cell = (content: Cell): CellParagraph[] =>
    typeof content === 'object'
      ? [styledParagraph(STYLE.tableText, [run(clean(content.text), { tag: TAGS[content.tone] })])]
      : cellParagraphs(String(content));
  return new TableXml(
    widthsOf(weights ?? head.map(() => 1), head.length),
    head.map((h) => [styledParagraph(STYLE.tableText, [run(clean(h), { bold: true })])]),
    body.map((row) => row.map(cell)),
  );
}

function cellParagraphs(text: string): CellParagraph[] {
  const paragraphs = typedParagraphs(text).map(({ lines, bullet }) =>
    bullet
      ? bulletParagraph(lines[0]!, STYLE.tableText)
      : styledParagraph(
          STYLE.tableText,
          lines.map((line, i) => run(line, { breakBefore: i > 0 })),
        ),
  );
  return paragraphs.length ? paragraphs : [styledParagraph(STYLE.tableText, [])];
}

function widthsOf(weights: number[], columns: number): number[] {
  const padded = Array.from({ length: columns }, (_, i) => weights[i] ?? 1);
  const total = padded.reduce((sum, w) => sum + w, 0);
  const widths = padded.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((sum, w) => sum + w, 0);
  return widths;
}

/** An empty paragraph after a table, so two tables or a table and a heading never touch. */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}
