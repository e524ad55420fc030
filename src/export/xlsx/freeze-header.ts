/*
 * SheetJS's community edition cannot write frozen panes, so the header row is frozen by editing each
 * sheet's XML inside the written file: one pane split below row 1, as Excel writes it.
 */
import * as XLSX from 'xlsx';

const FROZEN =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>';

export function freezeHeaderRows(xlsx: Uint8Array): Uint8Array {
  const zip = XLSX.CFB.read(xlsx, { type: 'array' });
  for (const [index, path] of zip.FullPaths.entries()) {
    if (!/xl\/worksheets\/sheet\d+\.xml$/.test(path)) continue;
    const entry = zip.FileIndex[index]!;
    const xml = new TextDecoder().decode(entry.content as Uint8Array);
    const frozen = /<sheetViews>/.test(xml)
      ? xml.replace(/<sheetView [^>]*\/>|<sheetView [^>]*>.*?<\/sheetView>/s, FROZEN)
      : xml.replace(
          /(<sheetPr[^>]*\/>|<sheetPr[^>]*>.*?<\/sheetPr>)?(<dimension [^>]*\/>)?/s,
          (m) => `${m}<sheetViews>${FROZEN}</sheetViews>`,
        );
    entry.content = new TextEncoder().encode(frozen);
  }
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'array' }) as ArrayBuffer);
}
