/*
 * Writing a workbook with every sheet's header row frozen, in one pass. SheetJS's community edition
 * writes each sheet view without a pane and has no option for one. It builds the file as a container
 * of uncompressed parts and hands that to its own zip writer (XLSX.CFB.write, the same object it
 * exports), so for the length of one write that call is wrapped: each sheet's one <sheetView …/>, near
 * the start of its XML, gets the pane Excel writes for a frozen first row, and the zip is written once.
 * Nothing is decompressed, decoded whole or compressed twice.
 */
import * as XLSX from 'xlsx';

const PANE = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>';
const SHEET = /xl\/worksheets\/sheet\d+\.xml$/;
/** The sheet view comes after the sheet properties and dimension, well inside the first few KB. */
const HEAD_BYTES = 4096;

/** The part of SheetJS's container this needs: each part's path and its bytes. */
interface Container {
  FullPaths: string[];
  FileIndex: { content: unknown }[];
}

export function writeWithFrozenHeaders(book: XLSX.WorkBook): Uint8Array {
  const cfb = XLSX.CFB as { write: typeof XLSX.CFB.write };
  const zipWrite = cfb.write;
  let frozenSheets = 0;
  cfb.write = ((container: Container, options: Parameters<typeof XLSX.CFB.write>[1]) => {
    container.FullPaths.forEach((path: string, index: number) => {
      if (!SHEET.test(path)) return;
      const entry = container.FileIndex[index]!;
      entry.content = frozen(bytesOf(entry.content));
      frozenSheets += 1;
    });
    return zipWrite(container, options);
  }) as typeof zipWrite;
  let bytes: ArrayBuffer;
  try {
    bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  } finally {
    cfb.write = zipWrite;
  }
  if (frozenSheets !== book.SheetNames.length)
    throw new Error(
      'The spreadsheet library wrote its file another way, so header rows could not be frozen.',
    );
  return new Uint8Array(bytes);
}

function bytesOf(content: unknown): Uint8Array {
  if (content instanceof Uint8Array) return content;
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return Uint8Array.from(content as ArrayLike<number>);
}

function frozen(xml: Uint8Array): Uint8Array {
  // The head is ASCII markup up to the sheet view, so byte offsets and character offsets agree there.
  const head = new TextDecoder().decode(xml.subarray(0, HEAD_BYTES));
  const view = /<sheetView\b[^>]*?\/>/.exec(head);
  if (!view) throw new Error('A sheet was written without a sheet view, so its header row cannot be frozen.');
  const open = new TextEncoder().encode(`${view[0].slice(0, -2)}>${PANE}</sheetView>`);
  const out = new Uint8Array(xml.length - view[0].length + open.length);
  out.set(xml.subarray(0, view.index), 0);
  out.set(open, view.index);
  out.set(xml.subarray(view.index + view[0].length), view.index + open.length);
  return out;
}
