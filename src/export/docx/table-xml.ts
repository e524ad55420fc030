/*
 * The document's tables, written as the element tree docx itself would make of a Table of TableRows,
 * TableCells, Paragraphs and TextRuns, and handed to docx to escape, write and pack like the rest of
 * the document. A large workspace's report has tens of thousands of cells, and docx's components
 * (about ten objects a cell, each built from option objects and then walked) cost more than all the
 * rest of the export together; the same elements built directly cost a fraction of that.
 * tests/export/docx-table-xml.test.ts checks that the tree is the one docx's components make.
 * Lines typed as "- " bullets are still docx Paragraphs, prepared in the table's place, so docx
 * numbers them as it numbers every other list.
 */
import { FileChild, isXmlComponent, type IContext, type IXmlableObject, type Paragraph } from 'docx';
import { HEADER_FILL, RULE, TEXT_WIDTH } from './docx-style';
import { attributes, EMPTY, PRESERVE, type Element } from './elements';

/** A paragraph already written as elements, or a docx paragraph prepared when the table is. */
export type CellParagraph = Element | Paragraph;

export interface RunOptions {
  bold?: boolean;
  /** A tag's colours (docx-blocks.ts chooses them). */
  tag?: { text: string; fill: string };
  /** Starts with a line break: a typed line after the first of its paragraph. */
  breakBefore?: boolean;
}

const BOLD = [{ 'w:b': EMPTY }, { 'w:bCs': EMPTY }];
const clearShading = (fill: string) => ({
  'w:shd': attributes({ 'w:fill': fill, 'w:color': 'auto', 'w:val': 'clear' }),
});

export function run(text: string, options: RunOptions = {}): Element {
  const properties: Element[] = [];
  if (options.bold || options.tag) properties.push(...BOLD);
  if (options.tag)
    properties.push({ 'w:color': attributes({ 'w:val': options.tag.text }) }, clearShading(options.tag.fill));
  const children: Element[] = [];
  if (properties.length) children.push({ 'w:rPr': properties });
  if (options.breakBefore) children.push({ 'w:br': EMPTY });
  children.push({ 'w:t': [PRESERVE, text] });
  return { 'w:r': children };
}

/** A paragraph of the given paragraph style holding these runs. */
export function styledParagraph(style: string, runs: Element[]): Element {
  return { 'w:p': [{ 'w:pPr': [{ 'w:pStyle': attributes({ 'w:val': style }) }] }, ...runs] };
}

const border = attributes({ 'w:val': 'single', 'w:color': RULE, 'w:sz': 4 });
const margin = (size: number) => attributes({ 'w:type': 'dxa', 'w:w': size });
const TABLE_PROPERTIES: Element = {
  'w:tblPr': [
    { 'w:tblW': attributes({ 'w:type': 'dxa', 'w:w': TEXT_WIDTH }) },
    {
      'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((side) => ({
        [side]: border,
      })),
    },
    { 'w:tblLayout': attributes({ 'w:type': 'fixed' }) },
    {
      'w:tblCellMar': [
        { 'w:top': margin(40) },
        { 'w:left': margin(60) },
        { 'w:bottom': margin(40) },
        { 'w:right': margin(60) },
      ],
    },
  ],
};
const HEADER_ROW = { 'w:trPr': [{ 'w:cantSplit': EMPTY }, { 'w:tblHeader': EMPTY }] };
const BODY_ROW = { 'w:trPr': [{ 'w:cantSplit': EMPTY }] };

/**
 * A table spanning the text width with grid lines, fixed column widths (twips), a shaded header row
 * that repeats on every page, and rows that move whole to the next page, as in the PDF.
 */
export class TableXml extends FileChild {
  constructor(
    private readonly widths: readonly number[],
    private readonly head: readonly CellParagraph[][],
    private readonly body: readonly (readonly CellParagraph[][])[],
  ) {
    super('w:tbl');
  }

  override prepForXml(context: IContext): IXmlableObject {
    const width = (w: number) => ({ 'w:tcW': attributes({ 'w:type': 'dxa', 'w:w': w }) });
    const headProperties = this.widths.map((w) => ({ 'w:tcPr': [width(w), clearShading(HEADER_FILL)] }));
    const bodyProperties = this.widths.map((w) => ({ 'w:tcPr': [width(w)] }));
    const cell = (paragraphs: readonly CellParagraph[], properties: Element): Element => ({
      'w:tc': [properties, ...paragraphs.map((p) => (isXmlComponent(p) ? p.prepForXml(context)! : p))],
    });
    return {
      'w:tbl': [
        TABLE_PROPERTIES,
        { 'w:tblGrid': this.widths.map((w) => ({ 'w:gridCol': attributes({ 'w:w': w }) })) },
        { 'w:tr': [HEADER_ROW, ...this.head.map((c, i) => cell(c, headProperties[i]!))] },
        ...this.body.map((row) => ({
          'w:tr': [BODY_ROW, ...row.map((c, i) => cell(c, bodyProperties[i]!))],
        })),
      ],
    };
  }
}
