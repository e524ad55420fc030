/*
 * A small layer over jsPDF for flowing documents: an embedded Unicode font (so ’ – … £ and accented
 * names print right), a cursor that breaks pages instead of cutting text off, paragraphs and lists
 * kept as written, and tables with grid lines and repeated headers.
 */
import { toBase64 } from '../base64';
import { jsPDF } from 'jspdf';
import { autoTable, type RowInput, type UserOptions } from 'jspdf-autotable';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const PAGE = { width: 210, height: 297, left: 20, right: 20, top: 24, bottom: 20 } as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const FONT = 'DejaVuSans';
const INK: [number, number, number] = [11, 12, 12];
const LINE = 1.45;

export class PdfWriter {
  readonly doc: jsPDF;
  y: number = PAGE.top;

  constructor(fonts: PdfFonts) {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
    this.doc.addFileToVFS(`${FONT}.ttf`, toBase64(fonts.regular));
    this.doc.addFont(`${FONT}.ttf`, FONT, 'normal');
    this.doc.addFileToVFS(`${FONT}-Bold.ttf`, toBase64(fonts.bold));
    this.doc.addFont(`${FONT}-Bold.ttf`, FONT, 'bold');
    this.doc.setFont(FONT, 'normal');
    this.doc.setTextColor(...INK);
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

  heading(text: string, size: 18 | 14 | 12): void {
    this.ensure(size * 1.2);
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

  table(head: string[], body: RowInput[], options: Partial<UserOptions> = {}): void {
    autoTable(this.doc, {
      head: [head],
      body,
      startY: this.y + 1,
      margin: { left: PAGE.left, right: PAGE.right, top: PAGE.top, bottom: PAGE.bottom },
      theme: 'grid',
      showHead: 'everyPage',
      rowPageBreak: 'auto',
      styles: {
        font: FONT,
        fontSize: 8.5,
        cellPadding: 1.6,
        lineColor: [80, 90, 95],
        lineWidth: 0.2,
        textColor: INK,
        overflow: 'linebreak',
      },
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: [29, 79, 107], textColor: [255, 255, 255] },
      ...options,
    });
    const last = (this.doc as unknown as { lastAutoTable?: { finalY: number } }).lastAutoTable;
    this.y = (last?.finalY ?? this.y) + 5;
  }

  /** The running header (from page 2) and footer with "Page x of y", drawn once every page exists. */
  frame(text: { headerLeft: string; headerRight: string; footer: string }): void {
    const total = this.page;
    for (let page = 1; page <= total; page += 1) {
      this.doc.setPage(page);
      this.doc.setFont(FONT, 'normal');
      this.doc.setFontSize(8);
      if (page > 1) {
        this.doc.text(text.headerLeft, PAGE.left, 12);
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
    this.ensure(7);
    this.doc.setFontSize(9);
    this.doc.text(label, PAGE.left, this.y + 3.5);
    const x = PAGE.left + 60;
    const width = 80;
    this.doc.setDrawColor(80, 90, 95);
    this.doc.setFillColor(243, 242, 241);
    this.doc.rect(x, this.y, width, 5, 'FD');
    if (share !== null && share > 0) {
      this.doc.setFillColor(29, 79, 107);
      this.doc.rect(x, this.y, width * share, 5, 'F');
    }
    this.doc.text(valueText, x + width + 3, this.y + 3.5);
    this.y += 7;
  }
}
