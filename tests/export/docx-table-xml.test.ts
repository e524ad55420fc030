// @vitest-environment node
import {
  BorderStyle,
  Document,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IContext,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { table } from '../../src/export/docx/docx-blocks';
import {
  HEADER_FILL,
  NUMBERING,
  NUMBERING_CONFIG,
  RULE,
  STYLE,
  TEXT_WIDTH,
} from '../../src/export/docx/docx-style';

/**
 * The table as docx's own components write it: the oracle the directly written elements are held to.
 * A cell is a string as typed (blank lines make paragraphs, "- " lines bullets) or a tag.
 */
function componentTable(
  head: string[],
  body: (string | { text: string; fill: string; colour: string })[][],
  widths: number[],
): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
  const paragraph = (children: TextRun[], bullet = false) =>
    new Paragraph({
      style: STYLE.tableText,
      children,
      ...(bullet ? { numbering: { reference: NUMBERING.bullets, level: 0 } } : {}),
    });
  const typed = (text: string): Paragraph[] => {
    const out = text.split(/\n{2,}/).flatMap((block) => {
      const paragraphs: Paragraph[] = [];
      let lines: string[] = [];
      const flush = () => {
        if (lines.length)
          paragraphs.push(
            paragraph(lines.map((t, i) => new TextRun({ text: t, ...(i ? { break: 1 } : {}) }))),
          );
        lines = [];
      };
      for (const row of block.split('\n'))
        if (row.startsWith('- ')) {
          flush();
          paragraphs.push(paragraph([new TextRun(row.slice(2))], true));
        } else if (row.trim()) lines.push(row);
      flush();
      return paragraphs;
    });
    return out.length ? out : [paragraph([])];
  };
  const width = (i: number) => ({ width: { size: widths[i]!, type: WidthType.DXA } });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: Object.fromEntries(
      ['top', 'bottom', 'left', 'right', 'insideHorizontal', 'insideVertical'].map((side) => [side, border]),
    ),
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: head.map(
          (h, i) =>
            new TableCell({
              ...width(i),
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
              children: [paragraph([new TextRun({ text: h, bold: true })])],
            }),
        ),
      }),
      ...body.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map(
              (cell, i) =>
                new TableCell({
                  ...width(i),
                  children:
                    typeof cell === 'string'
                      ? typed(cell)
                      : [
                          paragraph([
                            new TextRun({
                              text: cell.text,
                              bold: true,
                              color: cell.colour,
                              shading: { type: ShadingType.CLEAR, color: 'auto', fill: cell.fill },
                            }),
                          ]),
                        ],
                }),
            ),
          }),
      ),
    ],
  });
}

/** What a component hands docx's writer, with the numbering it registers on the way. */
function prepared(component: { prepForXml(context: IContext): unknown }) {
  const file = new Document({ sections: [], numbering: NUMBERING_CONFIG });
  const context = { file, viewWrapper: file.Document, stack: [] } as unknown as IContext;
  const xml = JSON.parse(JSON.stringify(component.prepForXml(context))) as unknown;
  return { xml, numberings: file.Numbering.ConcreteNumbering.map((n) => n.reference) };
}

describe('the Word tables, written as elements', () => {
  it('are the elements docx’s own table, rows, cells, paragraphs and runs would write', () => {
    const head = ['Reference', 'What was found', 'Grade'];
    const widths = [1500, 6638, 1500];
    const awkward = 'Tom & Jerry <said> "it\'s" =SUM(A1)';
    const body: string[][] = [
      ['EV-1', 'One line', '3'],
      ['EV-2', 'First line\nSecond line\n\nA second paragraph', ''],
      ['EV-3', 'Found:\n- a typed point\n- another point', awkward],
    ];
    const ours = table(head, [...body, ['EV-4', 'Tagged', { text: 'Good', tone: 'green' }]], widths);
    const theirs = componentTable(
      head,
      [...body, ['EV-4', 'Tagged', { text: 'Good', fill: 'CCE2D8', colour: '005A30' }]],
      widths,
    );
    const a = prepared(ours);
    const b = prepared(theirs);
    expect(a.xml).toEqual(b.xml);
    expect(a.numberings).toEqual(['default-bullet-numbering', NUMBERING.bullets]);
    expect(b.numberings).toEqual(a.numberings);
  });

  it('drop the characters XML cannot carry and keep every other one', () => {
    const { xml } = prepared(table(['Heading\u0001'], [['tab\there\u0007 😀 end\ud800']]));
    const text = JSON.stringify(xml);
    expect(text).toContain('Heading"');
    expect(text).toContain('tab\\there 😀 end"');
    expect(text).not.toMatch(/\\u000[17]|\\ud800/);
  });
});
