/*
 * Reads a PDF back, page by page, to find where each table's header row is printed and how many of its
 * rows follow it on that page. A header is a line whose cells, left to right, begin with the table's
 * column headings; rows are told apart by the cell padding between them, which is wider than the gap
 * between two lines of one cell. The DRAFT mark (rotated text) and the running header and footer are left out.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ReportModel } from '../../../src/domain/report/report-model';
import {
  actionsTable,
  agreementTable,
  auditCountsTable,
  byJudgementTable,
  changesTable,
  criteriaTable,
  distributionTable,
  escalationsTable,
  evidenceTable,
  moderationsTable,
  recommendationsTable,
  scorecardTable,
  summaryTable,
  themesTable,
  type ReportTable,
} from '../../../src/domain/report/tables';

/** Points. A cell's lines are 9.8 pt apart; rows add 9 pt of padding; a table ends 14 pt or more above what follows. */
const SAME_ROW = 14;
const TABLE_END = 22;
/** The running header sits above this distance from the top, the footer below it from the bottom. */
const FRAME = 50;

interface Line {
  x: number;
  y: number;
  text: string;
}

export interface HeaderOnPage {
  page: number;
  headings: string[];
  rowsBelow: number;
}

async function linesByPage(bytes: Uint8Array): Promise<Line[][]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false })
    .promise;
  const pages: Line[][] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const height = page.view[3]!;
    const content = await page.getTextContent();
    const lines = (content.items as { str?: string; transform?: number[] }[])
      .filter((item) => item.str?.trim() && item.transform && item.transform[1] === 0)
      .map((item) => ({ x: item.transform![4]!, y: height - item.transform![5]!, text: item.str!.trim() }))
      .filter((line) => line.y > FRAME && line.y < height - FRAME);
    pages.push(lines.sort((a, b) => a.y - b.y || a.x - b.x));
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

function firstWord(text: string): string {
  return text.split(/\s+/)[0]!.replace(/-$/, '');
}

function isHeader(cells: Line[], table: ReportTable): boolean {
  return (
    cells.length === table.columns.length &&
    cells.every((cell, i) => table.columns[i]!.heading.startsWith(firstWord(cell.text)))
  );
}

/** Every header row printed, with the number of the table's rows under it on its page. */
export async function headersOnPages(bytes: Uint8Array, tables: ReportTable[]): Promise<HeaderOnPage[]> {
  const found: HeaderOnPage[] = [];
  (await linesByPage(bytes)).forEach((lines, index) => {
    const ys = [...new Set(lines.map((l) => Math.round(l.y * 10) / 10))];
    for (const y of ys) {
      const cells = lines.filter((l) => Math.abs(l.y - y) < 0.5);
      const table = tables.find((t) => isHeader(cells, t));
      if (!table) continue;
      // Below the header: lines in groups, a group per row, until the gap that ends the table.
      const below = [...new Set(lines.filter((l) => l.y > y + 0.5).map((l) => l.y))].sort((a, b) => a - b);
      let groups = 0;
      let last = y;
      let inHeader = true;
      for (const next of below) {
        const gap = next - last;
        if (gap > TABLE_END) break;
        if (gap > SAME_ROW) {
          if (!inHeader) groups += 1;
          inHeader = false;
        }
        last = next;
      }
      if (!inHeader) groups += 1;
      found.push({ page: index + 1, headings: table.columns.map((c) => c.heading), rowsBelow: groups });
    }
  });
  return found;
}

/** Every table the annual self-assessment prints, from the same definitions the renderers use. */
export function tablesOf(model: ReportModel): ReportTable[] {
  const f = model.auditFindings;
  return [
    summaryTable(model),
    ...model.judgements.filter((j) => j.criteria.length).map(criteriaTable),
    ...model.judgements.flatMap((j) => (j.auditFindings ? [auditCountsTable(j.auditFindings)] : [])),
    actionsTable(model),
    recommendationsTable(model),
    ...(model.changes ? [changesTable(model.changes)] : []),
    scorecardTable(model),
    evidenceTable(model),
    byJudgementTable(f),
    ...f.distributions.map(distributionTable),
    ...f.agreement.map(agreementTable),
    moderationsTable(f),
    themesTable(f),
    escalationsTable(f),
  ];
}
