/*
 * A small layer over jsPDF for flowing documents: an embedded Unicode font (so ’ – … £ and accented
 * names print right), a cursor that breaks pages instead of cutting text off, headings kept with what
 * follows, paragraphs and lists kept as written, and tables with grid lines, repeated headers, columns
 * sized to their content, bullets in cells and coloured tags for grades and RAG.
 */
import { toBase64 } from '../base64';
import { jsPDF } from 'jspdf';
import {
  __createTable,
  __drawTable,
  autoTable,
  type CellHookData,
  type RowInput,
  type Table,
  type UserOptions,
} from 'jspdf-autotable';
import type { Tone } from '../../domain/report/report-model';
import { cellText, columnWidths, type Measure, type ReportTable } from '../../domain/report/tables';
import { shapeOnlyArabicText } from './arabic-shaping';

shapeOnlyArabicText();

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const PAGE = { width: 210, height: 297, left: 20, right: 20, top: 24, bottom: 20 } as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const FONT = 'DejaVuSans';
const INK: [number, number, number] = [11, 12, 12];
const LINE = 1.45;
const TABLE_FONT = 8.5;
const CELL_PADDING = 1.6;
type Rgb = [number, number, number];
/** GOV.UK tag colours: a light fill with dark text of the same hue (contrast above 7:1). */
const TAGS: Record<Tone, { fill: Rgb; text: Rgb }> = {
  red: { fill: [244, 205, 198], text: [42, 11, 6] },
  amber: { fill: [255, 247, 191], text: [89, 77, 0] },
  green: { fill: [204, 226, 216], text: [0, 90, 48] },
  blue: { fill: [187, 212, 234], text: [12, 45, 74] },
  grey: { fill: [238, 239, 239], text: [40, 45, 48] },
};
const BULLET = /^\s*[-*•]\s+/;
/** Tables of up to this many rows are kept whole on one page where they fit one. */
const SHORT_TABLE = 15;
const MEASURED = 200_000;

const encodedFonts = new WeakMap<Uint8Array, string>();

/** A font as jsPDF takes it (base64), encoded once for the same bytes however many documents use them. */
function fontFile(bytes: Uint8Array): string {
  let encoded = encodedFonts.get(bytes);
  if (encoded === undefined) {
    encoded = toBase64(bytes);
    encodedFonts.set(bytes, encoded);
  }
  return encoded;
}

export class PdfWriter {
  readonly doc: jsPDF;
  y: number = PAGE.top;
  /** Each table is laid out once, however often its height is asked for before it is drawn. */
  private readonly layouts = new WeakMap<
    ReportTable,
    { head: string[]; body: string[][]; widths: number[] }
  >();
  /** Table text widths, each distinct text measured once per document. */
  private readonly measure: Measure;

  constructor(fonts: PdfFonts) {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
    this.doc.addFileToVFS(`${FONT}.ttf`, fontFile(fonts.regular));
    this.doc.addFont(`${FONT}.ttf`, FONT, 'normal');
    this.doc.addFileToVFS(`${FONT}-Bold.ttf`, fontFile(fonts.bold));
    this.doc.addFont(`${FONT}-Bold.ttf`, FONT, 'bold');
    this.doc.setFont(FONT, 'normal');
    // autotable asks for the font list for every cell it styles, and jsPDF builds it afresh each time
    // (a third of a second in a large council's report); no font is added after these two.
    const fontList = this.doc.getFontList();
    this.doc.getFontList = () => fontList;
    this.doc.setTextColor(...INK);
    this.measure = measureText(this.doc, FONT, TABLE_FONT);
  }

  get page(): number {
    return this.doc.getNumberOfPages();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.top;
  }

  /** Starts a new page if fewer than `height` mm are left. */
  ensure(height: number): void {
    if (this.y + height > PAGE.height - PAGE.bottom) this.newPage();
  }

  /** Space left on this page, in mm. */
  get room(): number {
    return PAGE.height - PAGE.bottom - this.y;
  }

  /** A heading, on a new page if fewer than `keep` mm would be left under it for what follows. */
  heading(text: string, size: 18 | 14 | 12, keep = 28): void {
    this.doc.setFont(FONT, 'bold');
    this.doc.setFontSize(size);
    const lines = (this.doc.splitTextToSize(text, TEXT_WIDTH) as string[]).length;
    this.ensure(lines * size * 0.3528 * LINE + 4.5 + keep);
    this.y += size === 18 ? 2 : 3;
    this.write(text, { size, bold: true });
    this.y += 1.5;
  }

  /** Plain text as written: blank lines make paragraphs, lines starting "- " or "* " make a list. */
  prose(text: string, size = 10): void {
    const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
    for (const block of blocks) {
      for (const line of block.split('\n')) {
        const bullet = /^\s*[-*•]\s+/.exec(line);
        if (bullet) this.write(line.slice(bullet[0].length), { size, indent: 5, bullet: true });
        else if (line.trim()) this.write(line, { size });
      }
      this.y += size * 0.25;
    }
  }

  write(
    text: string,
    options: { size?: number; bold?: boolean; indent?: number; bullet?: boolean } = {},
  ): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    this.doc.setFont(FONT, options.bold ? 'bold' : 'normal');
    this.doc.setFontSize(size);
    const lineHeight = size * 0.3528 * LINE;
    const lines = this.doc.splitTextToSize(text, TEXT_WIDTH - indent) as string[];
    lines.forEach((line, i) => {
      this.ensure(lineHeight);
      if (options.bullet && i === 0) this.doc.text('•', PAGE.left + indent - 3.5, this.y + size * 0.3528);
      this.doc.text(line, PAGE.left + indent, this.y + size * 0.3528);
      this.y += lineHeight;
    });
    this.doc.setFont(FONT, 'normal');
  }

  /** "Label: " and a word as a coloured tag, as the tables print grades. */
  tagLine(label: string, text: string, tone: Tone, size = 12): void {
    const lineHeight = size * 0.3528 * LINE;
    this.ensure(lineHeight + 2);
    const baseline = this.y + size * 0.3528;
    this.doc.setFont(FONT, 'bold');
    this.doc.setFontSize(size);
    this.doc.text(`${label}: `, PAGE.left, baseline);
    const x = PAGE.left + this.doc.getTextWidth(`${label}: `) + 1.2;
    const width = this.doc.getTextWidth(text);
    this.doc.setFillColor(...TAGS[tone].fill);
    this.doc.roundedRect(x - 1.2, this.y - 0.6, width + 2.4, size * 0.3528 * 1.3 + 1.2, 1, 1, 'F');
    this.doc.setTextColor(...TAGS[tone].text);
    this.doc.text(text, x, baseline);
    this.doc.setTextColor(...INK);
    this.doc.setFont(FONT, 'normal');
    this.y += lineHeight + 1.5;
  }

  /** A heading and the table under it, kept together when the table is short enough to be. */
  headedTable(title: string, size: 14 | 12, table: ReportTable): void {
    this.heading(title, size, this.keepFor(table));
    this.reportTable(table);
  }

  /**
   * How much room a heading needs under it for this table: all of a short one; of a long one its header
   * and first two rows (at least 28 mm), as `table` will not start a table with fewer on a page.
   */
  keepFor(table: ReportTable): number {
    const { head, body, widths } = this.layoutOf(table);
    const short = this.shortTableHeight(head, body, widths);
    if (short !== null) return short;
    const start = this.rowsHeight([head, ...body.slice(0, 2)], widths);
    return Math.min(Math.max(28, start), PAGE.height - PAGE.top - PAGE.bottom - 20);
  }

  /** The height of a short table that fits on one page, or null for a long one (it breaks across pages). */
  private shortTableHeight(head: string[], body: string[][], widths: number[]): number | null {
    if (body.length > SHORT_TABLE) return null;
    const height = this.rowsHeight([head, ...body], widths);
    return height < PAGE.height - PAGE.top - PAGE.bottom - 10 ? height : null;
  }

  /** The printed height of these rows (the first is the bold header). */
  private rowsHeight(rows: string[][], widths: number[]): number {
    return rows.reduce((sum, row, r) => {
      this.doc.setFont(FONT, r === 0 ? 'bold' : 'normal');
      this.doc.setFontSize(TABLE_FONT);
      const lines = Math.max(
        ...row.map(
          (text, i) => (this.doc.splitTextToSize(text, widths[i]! - 2 * CELL_PADDING) as string[]).length,
        ),
      );
      return sum + lines * TABLE_FONT * 0.3528 * 1.15 + 2 * CELL_PADDING;
    }, 1);
  }

  /** Column widths for the content, and the cells' text as printed (bullets, hyphenated long words). */
  private layoutOf(table: ReportTable): { head: string[]; body: string[][]; widths: number[] } {
    const known = this.layouts.get(table);
    if (known) return known;
    const measure = this.measure;
    // The tag's own margin sits inside the cell padding; the extra absorbs rounding.
    const padding = 2 * CELL_PADDING + 0.6;
    const widths = columnWidths(table, TEXT_WIDTH, measure, padding);
    const body = table.rows.map((row) =>
      row.map((cell, i) =>
        hyphenateLongWords(
          asBullets(cellText(cell)),
          widths[i]! - padding,
          measure,
          typeof cell === 'object',
        ),
      ),
    );
    const head = table.columns.map((c, i) =>
      hyphenateLongWords(c.heading, widths[i]! - padding, measure, true),
    );
    const layout = { head, body, widths };
    this.layouts.set(table, layout);
    return layout;
  }

  /**
   * A table from its shared definition: columns sized to their content, words never broken (one too
   * long for any column is broken with a hyphen), "- " lines as bullets, tones as coloured tags.
   */
  reportTable(table: ReportTable): void {
    const { head, body, widths } = this.layoutOf(table);
    const rowOf = new Map<unknown, number>(body.map((row, i) => [row, i]));
    const toneOf = (data: CellHookData): Tone | undefined => {
      if (data.section !== 'body') return undefined;
      const cell = table.rows[rowOf.get(data.row.raw) ?? -1]?.[data.column.index];
      return typeof cell === 'object' ? cell.tone : undefined;
    };
    // A short table that fits a page but not what is left of this one starts on the next, whole.
    const height = this.shortTableHeight(head, body, widths);
    if (height !== null && height > this.room) this.newPage();
    this.table(head, body, {
      columnStyles: Object.fromEntries(widths.map((w, i) => [i, { cellWidth: w }])),
      didParseCell: (data) => {
        const tone = toneOf(data);
        if (tone) {
          data.cell.styles.textColor = TAGS[tone].text;
          data.cell.styles.fontStyle = 'bold';
        }
      },
      // Drawn over the cell once autotable has drawn it: the tag, then its word again on top.
      didDrawCell: (data) => {
        const tone = toneOf(data);
        // A row taller than a page goes on over the next: the tag is on the part that holds its word.
        const lines = data.cell.text.filter((l) => l.trim());
        if (!tone || lines.length === 0) return;
        const doc = data.doc as jsPDF;
        const fontSize = TABLE_FONT / doc.internal.scaleFactor;
        const lineHeight = fontSize * doc.getLineHeightFactor();
        doc.setFont(FONT, 'bold');
        doc.setFontSize(TABLE_FONT);
        const width = Math.max(...lines.map((l) => doc.getTextWidth(l)));
        const { x, y } = data.cell.getTextPos();
        doc.setFillColor(...TAGS[tone].fill);
        doc.roundedRect(x - 0.9, y - 0.7, width + 1.8, lines.length * lineHeight + 1.2, 0.8, 0.8, 'F');
        doc.setTextColor(...TAGS[tone].text);
        doc.text(lines, x, y + fontSize * (2 - 1.15));
        doc.setTextColor(...INK);
        doc.setFont(FONT, 'normal');
      },
    });
  }

  /**
   * A table with its header repeated on every page it reaches, and never a header with one row alone:
   * the table starts on the next page when only its first row would fit on this one, and its last two
   * rows go over together when the last alone would. Such a table is drawn in two parts, so a hook tells
   * rows apart by `data.row.raw` (the row as given), not by `data.row.index`.
   */
  table(head: string[], body: RowInput[], options: Partial<UserOptions> = {}): void {
    const settings = (startY: number, rows: RowInput[]): UserOptions => ({
      head: [head],
      body: rows,
      startY,
      margin: { left: PAGE.left, right: PAGE.right, top: PAGE.top, bottom: PAGE.bottom },
      theme: 'grid',
      showHead: 'everyPage',
      // A row moves whole to the next page unless it is taller than a page.
      rowPageBreak: 'avoid',
      styles: {
        font: FONT,
        fontSize: TABLE_FONT,
        cellPadding: CELL_PADDING,
        lineColor: [80, 90, 95],
        lineWidth: 0.2,
        textColor: INK,
        overflow: 'linebreak',
      },
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: [29, 79, 107], textColor: [255, 255, 255] },
      ...options,
    });
    this.ensure(12);
    const plan = () => {
      const laidOut = __createTable(this.doc, settings(this.y + 1, body));
      return { laidOut, pages: pagesOfRows(laidOut, this.y + 1) };
    };
    let { laidOut, pages } = plan();
    if (pages.filter((p) => p === 0).length < Math.min(2, body.length) && this.y > PAGE.top) {
      this.newPage();
      ({ laidOut, pages } = plan());
    }
    const n = body.length;
    const lastPage = pages[n - 1] ?? 0;
    const onLast = pages.filter((p) => p === lastPage).length;
    const onLastButOne = pages.filter((p) => p === lastPage - 1).length;
    if (n >= 3 && lastPage > 0 && onLast === 1 && onLastButOne >= 3) {
      autoTable(this.doc, settings(this.y + 1, body.slice(0, n - 2)));
      this.newPage();
      autoTable(this.doc, settings(this.y + 1, body.slice(n - 2)));
    } else __drawTable(this.doc, laidOut);
    const last = (this.doc as unknown as { lastAutoTable?: { finalY: number } }).lastAutoTable;
    this.y = (last?.finalY ?? this.y) + 5;
  }

  /** The running header (from page 2) and footer with "Page x of y", drawn once every page exists. */
  frame(text: { headerLeft: string; headerRight: string; footer: string }): void {
    const total = this.page;
    this.doc.setFont(FONT, 'normal');
    this.doc.setFontSize(8);
    // A long name and title take two lines (the second over the rule) rather than run into the marking.
    const room = TEXT_WIDTH - this.doc.getTextWidth(text.headerRight) - 6;
    const wrapped = this.doc.splitTextToSize(text.headerLeft, room) as string[];
    const headerLines =
      wrapped.length > 2 ? [wrapped[0]!, ellipsised(this.doc, wrapped.slice(1).join(' '), room)] : wrapped;
    for (let page = 1; page <= total; page += 1) {
      this.doc.setPage(page);
      this.doc.setFont(FONT, 'normal');
      this.doc.setFontSize(8);
      if (page > 1) {
        this.doc.text(headerLines, PAGE.left, 12 - (headerLines.length - 1) * 3.4);
        this.doc.text(text.headerRight, PAGE.width - PAGE.right, 12, { align: 'right' });
        this.doc.setDrawColor(177, 180, 182);
        this.doc.line(PAGE.left, 14, PAGE.width - PAGE.right, 14);
      }
      this.doc.text(text.footer, PAGE.left, PAGE.height - 10);
      this.doc.text(`Page ${page} of ${total}`, PAGE.width - PAGE.right, PAGE.height - 10, {
        align: 'right',
      });
    }
  }

  /** A horizontal bar for a share, drawn beside its number (the number always carries the meaning). */
  bar(label: string, share: number | null, valueText: string): void {
    this.doc.setFont(FONT, 'normal');
    this.doc.setFontSize(9);
    const labelLines = this.doc.splitTextToSize(label, 52) as string[];
    const x = PAGE.left + 55;
    const width = 50;
    const valueX = x + width + 3;
    const valueLines = this.doc.splitTextToSize(valueText, PAGE.width - PAGE.right - valueX) as string[];
    const height = Math.max(labelLines.length, valueLines.length) * 4.2 + 2.5;
    this.ensure(height);
    this.doc.text(labelLines, PAGE.left, this.y + 3.5);
    this.doc.setDrawColor(80, 90, 95);
    this.doc.setFillColor(243, 242, 241);
    this.doc.rect(x, this.y, width, 5, 'FD');
    if (share !== null && share > 0) {
      this.doc.setFillColor(29, 79, 107);
      this.doc.rect(x, this.y, width * share, 5, 'F');
    }
    this.doc.text(valueLines, valueX, this.y + 3.5);
    this.y += height;
  }
}

/**
 * The page (0 for the one it starts on) each body row of a laid-out table lands on, breaking as
 * autotable does with `rowPageBreak: 'avoid'`: a row that does not fit goes whole to the next page,
 * under the repeated header.
 */
function pagesOfRows(table: Table, startY: number): number[] {
  const bottom = PAGE.height - PAGE.bottom;
  const head = table.getHeadHeight(table.columns);
  let page = 0;
  let y = startY + head;
  return table.body.map((row) => {
    if (y + row.height > bottom && y > PAGE.top + head) {
      page += 1;
      y = PAGE.top + head;
    }
    y += row.height;
    return page;
  });
}

/**
 * How wide text prints in one of a jsPDF document's fonts at `size` points, in the document's unit:
 * the measure `columnWidths` sizes table columns by, for the PDF (its own font) and for Word (Arial,
 * through its metric twin Helvetica), so both documents size a table's columns the same way. Sizing a
 * column measures every word of every cell, and jsPDF's getTextWidth is slow (it shapes Arabic on each
 * call), so each distinct text is measured once (up to MEASURED texts a style, then it starts afresh,
 * as Word's measure lives as long as the worker). The measure leaves the document's font as it was.
 */
export function measureText(doc: jsPDF, font: string, size: number): Measure {
  const known = [new Map<string, number>(), new Map<string, number>()];
  return (text, bold) => {
    const widths = known[bold ? 1 : 0]!;
    let width = widths.get(text);
    if (width === undefined) {
      const before = doc.getFont();
      const beforeSize = doc.getFontSize();
      doc.setFont(font, bold ? 'bold' : 'normal');
      doc.setFontSize(size);
      width = doc.getTextWidth(text);
      doc.setFont(before.fontName, before.fontStyle);
      doc.setFontSize(beforeSize);
      if (widths.size >= MEASURED) widths.clear();
      widths.set(text, width);
    }
    return width;
  };
}

/** `text` cut to `width` with an ellipsis, for a line that has to stay one line. */
function ellipsised(doc: jsPDF, text: string, width: number): string {
  if (doc.getTextWidth(text) <= width) return text;
  let cut = text;
  while (cut && doc.getTextWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Lines typed as "- item" print as bullets. */
function asBullets(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(BULLET, '• '))
    .join('\n');
}

/** Breaks, with a hyphen, only a word wider than its column, so the table never breaks one silently. */
export function hyphenateLongWords(text: string, width: number, measure: Measure, bold = false): string {
  // A hair of slack, so a word exactly as wide as its column (its column was sized to it) still fits.
  const fits = (t: string) => measure(t, bold) <= width + 0.01;
  return text
    .split('\n')
    .map((line) =>
      line
        .split(' ')
        .map((word) => (fits(word) ? word : pieces(word, fits).join(' ')))
        .join(' '),
    )
    .join('\n');
}

function pieces(word: string, fits: (text: string) => boolean): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && !fits(`${piece}${ch}-`)) {
      out.push(`${piece}-`);
      piece = '';
    }
    piece += ch;
  }
  return [...out, piece];
}
