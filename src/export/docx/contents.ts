/*
 * The document's table of contents: a TOC field listing each Heading 1, each entry a link to a bookmark
 * on its heading with a PAGEREF field for Word to fill in the page, written as docx fills in its own
 * TableOfContents from the headings (tests/export/docx-contents.test.ts holds it to that). docx finds
 * the headings by reading every paragraph of the written body, every table cell's too, which in a large
 * workspace's report is tens of thousands of paragraphs; the document knows its headings as it makes
 * them, so they are listed here instead.
 */
import { FileChild, type IXmlableObject } from 'docx';
import { clean } from './docx-blocks';
import { TEXT_WIDTH } from './docx-style';

/** docx's element tree: `{ name: [children] }`, with attributes as an `_attr` child. */
const attributes = (values: Record<string, string | number | boolean>) => ({ _attr: values });
/** An element with neither attributes nor children, such as `<w:tab/>`. */
const EMPTY = {};
/** On every `w:t`, as docx writes it, so spaces at either end of a text are kept. */
const PRESERVE = attributes({ 'xml:space': 'preserve' });

interface Entry {
  title: string;
  bookmark: string;
}

const fieldChar = (type: 'begin' | 'separate' | 'end') => ({
  'w:fldChar': attributes(
    type === 'begin' ? { 'w:fldCharType': type, 'w:dirty': true } : { 'w:fldCharType': type },
  ),
});
const instruction = (text: string) => ({ 'w:instrText': [PRESERVE, text] });

/** The Heading 1s of a document, listed as it makes them, and the contents field that lists them. */
export class Contents {
  readonly #entries: Entry[] = [];

  /** Lists a Heading 1: the name of the bookmark its paragraph is to carry. */
  list(title: string): string {
    const bookmark = `_Toc${this.#entries.length + 1}`;
    this.#entries.push({ title: clean(title), bookmark });
    return bookmark;
  }

  /** The contents field, with every heading listed by the time the document is written. */
  field(): FileChild {
    return new ContentsField(this.#entries);
  }
}

class ContentsField extends FileChild {
  constructor(private readonly entries: readonly Entry[]) {
    super('w:sdt');
  }

  override prepForXml(): IXmlableObject {
    const begin = { 'w:r': [fieldChar('begin'), instruction('TOC \\h \\o "1-1"'), fieldChar('separate')] };
    const properties = {
      'w:pPr': [
        { 'w:pStyle': attributes({ 'w:val': 'TOC1' }) },
        { 'w:tabs': [{ 'w:tab': attributes({ 'w:val': 'right', 'w:pos': TEXT_WIDTH, 'w:leader': 'dot' }) }] },
      ],
    };
    const entries = this.entries.map(({ title, bookmark }, index) => ({
      'w:p': [
        properties,
        ...(index === 0 ? [begin] : []),
        {
          'w:hyperlink': [
            attributes({ 'w:history': 1, 'w:anchor': bookmark }),
            { 'w:r': [{ 'w:t': [PRESERVE, title] }] },
            { 'w:r': [{ 'w:tab': EMPTY }] },
            {
              'w:r': [
                fieldChar('begin'),
                instruction(`PAGEREF ${bookmark} \\h`),
                fieldChar('separate'),
                fieldChar('end'),
              ],
            },
          ],
        },
      ],
    }));
    return {
      'w:sdt': [
        {
          'w:sdtPr': [
            { 'w:alias': attributes({ 'w:val': 'Contents' }) },
            {
              'w:docPartObj': [
                { 'w:docPartGallery': attributes({ 'w:val': 'Table of Contents' }) },
                { 'w:docPartUnique': EMPTY },
              ],
            },
          ],
        },
        {
          'w:sdtContent': [
            ...(entries.length ? entries : [{ 'w:p': [begin] }]),
            { 'w:p': [{ 'w:r': [fieldChar('end')] }] },
          ],
        },
      ],
    };
  }
}
