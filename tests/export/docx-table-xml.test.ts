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
  Packer,
  type FileChild,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { table } from '../../src/export/docx/docx-blocks';
import { packDocument } from '../../src/export/docx/table-xml';
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

/** The document's body and numbering as written: docx packing the components, or ours packing our tables. */
async function written(children: FileChild[], ours: boolean) {
  const doc = new Document({ sections: [{ children }], numbering: NUMBERING_CONFIG });
  const files = unzipSync(ours ? await packDocument(doc) : await Packer.pack(doc, 'uint8array'));
  const text = (path: string) => strFromU8(files[path]!);
  return { body: text('word/document.xml'), numbering: text('word/numbering.xml') };
}

const bulletLine = (text: string) =>
  new Paragraph({ numbering: { reference: NUMBERING.bullets, level: 0 }, children: [new TextRun(text)] });

describe('the Word tables, written directly', () => {
  const head = ['Reference', 'What was found', 'Grade'];
  const widths = [1500, 6638, 1500];
  const awkward = 'Tom & Jerry <said> "it\'s" =SUM(A1)';
  const body: string[][] = [
    ['EV-1', 'One line', '3'],
    ['EV-2', 'First line\nSecond line\n\nA second paragraph', ''],
    ['EV-3', 'Found:\n- a typed point\n- another point', awkward],
  ];
  const tagged = (fill: string, colour: string) => ['EV-4', 'Tagged', { text: 'Good', fill, colour }];

  it('are the XML docx’s own table, rows, cells, paragraphs and runs write, numbering and all', async () => {
    const ours = table(head, [...body, ['EV-4', 'Tagged', { text: 'Good', tone: 'green' }]], widths);
    const theirs = componentTable(head, [...body, tagged('CCE2D8', '005A30')], widths);
    const a = await written([ours], true);
    const b = await written([theirs], false);
    expect(a.body).toBe(b.body);
    expect(a.numbering).toBe(b.numbering);
    expect(a.body).toContain('<w:numId w:val="2"/>');
  });

  it('take their places among other tables and lists, each in its own slot', async () => {
    const second = [['EV-9', '- only a point', 'x']];
    const document = (makeTable: (head: string[], body: string[][], widths: number[]) => FileChild) => [
      bulletLine('before'),
      makeTable(head, body, widths),
      new Paragraph('between'),
      makeTable(head, second, widths),
      makeTable(['Empty'], [], [9638]),
    ];
    const ours = document(table);
    const theirs = document(componentTable);
    const a = await written(ours, true);
    expect(a.body).toBe((await written(theirs, false)).body);
    expect(a.body).not.toContain('rw:');
  });

  it('keep text typed in braces, which docx would take for one of its own placeholders', async () => {
    const { body } = await written([table(['Note'], [['see {bullets-0} and {x}']])], true);
    expect(body).toContain('>see {bullets-0} and {x}</w:t>');
  });

  it('are refused by docx’s own packer, which would leave their slots empty', async () => {
    const doc = new Document({ sections: [{ children: [table(['A'], [['1']])] }] });
    await expect(Packer.pack(doc, 'uint8array')).rejects.toThrow(/packDocument/);
  });

  it('drop the characters XML cannot carry and keep every other one', async () => {
    const { body } = await written([table(['Heading\u0001'], [['tab\there\u0007 😀 end\ud800']])], true);
    expect(body).toContain('>Heading</w:t>');
    expect(body).toContain('>tab\there 😀 end</w:t>');
    for (const character of ['\u0001', '\u0007', '\ud800']) expect(body).not.toContain(character);
  });
});
