/*
 * The document's tables, written as the XML docx itself writes for a Table of TableRows, TableCells,
 * Paragraphs and TextRuns (tests/export/docx-table-xml.test.ts holds them to that, byte for byte). A
 * large workspace's report has tens of thousands of cells; docx's components (about ten objects a cell,
 * each built from option objects, then walked into an element tree, then into text) cost more than all
 * the rest of the export together, and the same text written directly costs a fraction of that.
 *
 * docx writes each table as a numbered slot, and `packDocument` puts the table's text in its slot once
 * docx has packed the rest. Lines typed as "- " bullets stay docx Paragraphs, written inside the slot,
 * so docx numbers them as it numbers every other list; they take their places in the cells from there.
 */
import { FileChild, Packer, type Document, type IContext, type IXmlableObject, type Paragraph } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { HEADER_FILL, RULE, TEXT_WIDTH } from './docx-style';

export interface RunOptions {
  bold?: boolean;
  /** A tag's colours (docx-blocks.ts chooses them). */
  tag?: { text: string; fill: string };
  /** Starts with a line break: a typed line after the first of its paragraph. */
  breakBefore?: boolean;
}

/** Text as docx escapes it; the characters XML cannot carry are already gone (`clean`). */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
const escape = (text: string) => text.replace(/[&"'<>]/g, (c) => ESCAPES[c]!);

const BOLD = '<w:b/><w:bCs/>';
const shading = (fill: string) => `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>`;

/** A run of text, as a string of WordprocessingML. */
export function run(text: string, options: RunOptions = {}): string {
  let properties = options.bold || options.tag ? BOLD : '';
  if (options.tag) properties += `<w:color w:val="${options.tag.text}"/>${shading(options.tag.fill)}`;
  return (
    '<w:r>' +
    (properties ? `<w:rPr>${properties}</w:rPr>` : '') +
    (options.breakBefore ? '<w:br/>' : '') +
    `<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`
  );
}

/** A paragraph of the given paragraph style holding these runs. */
export function styledParagraph(style: string, runs: string[]): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${runs.join('')}</w:p>`;
}

/** A cell's paragraphs: written already, or a docx bullet paragraph docx writes in the table's slot. */
export type CellParagraph = string | Paragraph;

/** Where a bullet paragraph goes in a table's text: a character `clean` has taken out of every text. */
const BULLET_PLACE = '\u0000';

const side = (name: string) => `<w:${name} w:val="single" w:color="${RULE}" w:sz="4"/>`;
const margin = (name: string, size: number) => `<w:${name} w:type="dxa" w:w="${size}"/>`;
const TABLE_PROPERTIES =
  `<w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>` +
  `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(side).join('')}</w:tblBorders>` +
  '<w:tblLayout w:type="fixed"/>' +
  `<w:tblCellMar>${margin('top', 40)}${margin('left', 60)}${margin('bottom', 40)}${margin('right', 60)}</w:tblCellMar>` +
  '</w:tblPr>';
const HEADER_ROW = '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
const BODY_ROW = '<w:trPr><w:cantSplit/></w:trPr>';

/** The tables docx has written as slots while packing a document, by slot number. */
const slotsOf = new WeakMap<object, TableXml[]>();
const SLOT = 'rw:slot';
const SLOTS = /<rw:slot rw:n="(\d+)">([\s\S]*?)<\/rw:slot>/g;

/**
 * A table spanning the text width with grid lines, fixed column widths (twips), a shaded header row
 * that repeats on every page, and rows that move whole to the next page, as in the PDF.
 */
export class TableXml extends FileChild {
  readonly #xml: string;
  readonly #bullets: Paragraph[] = [];

  constructor(
    widths: readonly number[],
    head: readonly CellParagraph[][],
    body: readonly CellParagraph[][][],
  ) {
    super('w:tbl');
    const width = (w: number) => `<w:tcW w:type="dxa" w:w="${w}"/>`;
    const headProperties = widths.map((w) => `<w:tcPr>${width(w)}${shading(HEADER_FILL)}</w:tcPr>`);
    const bodyProperties = widths.map((w) => `<w:tcPr>${width(w)}</w:tcPr>`);
    const paragraph = (p: CellParagraph) => {
      if (typeof p === 'string') return p;
      this.#bullets.push(p);
      return BULLET_PLACE;
    };
    const row = (cells: readonly CellParagraph[][], properties: readonly string[], rowProperties: string) => {
      let xml = `<w:tr>${rowProperties}`;
      cells.forEach((cell, i) => {
        xml += `<w:tc>${properties[i]}`;
        for (const p of cell) xml += paragraph(p);
        xml += '</w:tc>';
      });
      return `${xml}</w:tr>`;
    };
    this.#xml =
      `<w:tbl>${TABLE_PROPERTIES}` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
      row(head, headProperties, HEADER_ROW) +
      body.map((cells) => row(cells, bodyProperties, BODY_ROW)).join('') +
      '</w:tbl>';
  }

  override prepForXml(context: IContext): IXmlableObject {
    const slots = slotsOf.get(context.file);
    if (!slots) throw new Error('A document with tables is packed with packDocument, which writes them.');
    slots.push(this);
    return {
      [SLOT]: [{ _attr: { 'rw:n': slots.length - 1 } }, ...this.#bullets.map((p) => p.prepForXml(context)!)],
    };
  }

  /** The table's text, with the bullet paragraphs docx wrote in its slot in their places. */
  xml(bullets: readonly string[]): string {
    if (bullets.length !== this.#bullets.length) throw new Error('A table slot lost its bullet paragraphs.');
    if (!bullets.length) return this.#xml;
    return this.#xml
      .split(BULLET_PLACE)
      .map((part, i) => (i ? bullets[i - 1]! + part : part))
      .join('');
  }
}

/** A docx paragraph's text ends at its own closing tag: text inside it is escaped. */
const paragraphsOf = (xml: string) => (xml ? xml.split(/(?<=<\/w:p>)/) : []);

/** The document as a .docx file: docx packs it with a slot for each table, and the tables fill them. */
export async function packDocument(doc: Document): Promise<Uint8Array> {
  const slots: TableXml[] = [];
  slotsOf.set(doc, slots);
  let packed: Uint8Array;
  try {
    packed = await Packer.pack(doc, 'uint8array');
  } finally {
    slotsOf.delete(doc);
  }
  if (!slots.length) return packed;
  const files = unzipSync(packed);
  let filled = 0;
  const body = strFromU8(files['word/document.xml']!).replace(SLOTS, (_, n: string, inner: string) => {
    filled++;
    return slots[Number(n)]!.xml(paragraphsOf(inner));
  });
  if (filled !== slots.length) throw new Error(`Only ${filled} of the ${slots.length} tables were written.`);
  files['word/document.xml'] = strToU8(body);
  return zipSync(files);
}
