// @vitest-environment node
import { Document, HeadingLevel, Packer, Paragraph, TableOfContents, TextRun } from 'docx';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/export/docx/render-document';
import { PAGE_SETUP, STYLES } from '../../src/export/docx/docx-style';
import { AWKWARD, demoReport } from '../helpers/demo-report';

function documentXml(bytes: Uint8Array): string {
  const zip = XLSX.CFB.read(bytes, { type: 'array' });
  const i = zip.FullPaths.findIndex((path: string) => path.endsWith('word/document.xml'));
  return new TextDecoder().decode(zip.FileIndex[i]!.content as Uint8Array);
}

const contentsOf = (xml: string) => xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>') + 8);
/** Bookmark names in order of use, as 1, 2, 3…: docx numbers them from a counter all its documents share. */
function renumbered(xml: string): string {
  const names = new Map<string, number>();
  return xml.replace(
    /_Toc\d+/g,
    (name) => `_Toc${names.get(name) ?? names.set(name, names.size + 1).get(name)}`,
  );
}
const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Each Heading 1's text and the bookmark around it. */
function headingOnes(xml: string): { title: string; bookmark: string }[] {
  return [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading1"\/>.*?<\/w:p>/g)].map(([p]) => ({
    title: unescape([...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    bookmark: /<w:bookmarkStart w:name="([^"]+)"/.exec(p)?.[1] ?? '',
  }));
}

describe('the Word document’s table of contents', () => {
  const model = demoReport();
  const awkward = `${AWKWARD.strengths} & <a heading>`;
  model.judgements[0]!.heading = awkward;

  it('lists every Heading 1, in order, each a link to the bookmark on its heading', async () => {
    const xml = documentXml(await renderDocument(model));
    const headings = headingOnes(xml);
    expect(headings.length).toBeGreaterThan(5);
    expect(headings.map((h) => h.title)).toContain(awkward);
    const entries = [
      ...contentsOf(xml).matchAll(/<w:hyperlink w:history="1" w:anchor="([^"]+)"><w:r><w:t[^>]*>([^<]*)</g),
    ].map((m) => ({ title: unescape(m[2]!), bookmark: m[1]! }));
    expect(entries).toEqual(headings);
    expect(new Set(entries.map((e) => e.bookmark)).size).toBe(entries.length);
  });

  it('is written as docx fills in its own table of contents from the same headings', async () => {
    const ours = documentXml(await renderDocument(model));
    const headings = headingOnes(ours);
    const theirs = documentXml(
      await Packer.pack(
        new Document({
          styles: STYLES,
          sections: [
            {
              properties: { page: PAGE_SETUP },
              children: [
                new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }),
                ...headings.map(
                  (h) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(h.title)] }),
                ),
              ],
            },
          ],
        }),
        'uint8array',
      ),
    );
    expect(renumbered(contentsOf(ours))).toBe(renumbered(contentsOf(theirs)));
  });
});
