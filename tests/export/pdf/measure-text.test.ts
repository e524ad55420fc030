// @vitest-environment node
/*
 * The measure tables are sized by (pdf-writer.ts): the same widths as jsPDF gives, each distinct text
 * measured once however many cells hold it, and the document's font left as it was, so caching a width
 * can never change what the PDF prints next.
 */
import { jsPDF } from 'jspdf';
import { describe, expect, it, vi } from 'vitest';
import { measureText } from '../../../src/export/pdf/pdf-writer';

function helvetica() {
  const doc = new jsPDF({ unit: 'mm' });
  const widths = vi.spyOn(doc, 'getTextWidth');
  return { doc, widths };
}

describe('measureText', () => {
  it('gives the width jsPDF gives, in the font, style and size asked for', () => {
    const { doc } = helvetica();
    const measure = measureText(doc, 'helvetica', 8.5);
    const reference = new jsPDF({ unit: 'mm' });
    reference.setFontSize(8.5);
    reference.setFont('helvetica', 'bold');
    const bold = reference.getTextWidth('Requires improvement');
    reference.setFont('helvetica', 'normal');
    const normal = reference.getTextWidth('Requires improvement');
    expect(measure('Requires improvement', true)).toBe(bold);
    expect(measure('Requires improvement', false)).toBe(normal);
    expect(bold).toBeGreaterThan(normal);
  });

  it('measures each distinct text once a style, however often it is asked for', () => {
    const { doc, widths } = helvetica();
    const measure = measureText(doc, 'helvetica', 8.5);
    const cells = Array.from({ length: 1000 }, (_, i) => ['Good', 'Outstanding', `CASE-${i % 10}`][i % 3]!);
    const first = cells.map((text) => measure(text, false));
    cells.forEach((text) => measure(text, true));
    const again = cells.map((text) => measure(text, false));
    expect(again).toEqual(first);
    expect(widths).toHaveBeenCalledTimes(2 * new Set(cells).size);
  });

  it('leaves the document’s font, style and size as they were', () => {
    const { doc } = helvetica();
    doc.setFont('times', 'italic');
    doc.setFontSize(14);
    const measure = measureText(doc, 'helvetica', 8.5);
    measure('Partly met', true);
    measure('Partly met', true);
    expect(doc.getFont()).toMatchObject({ fontName: 'times', fontStyle: 'italic' });
    expect(doc.getFontSize()).toBe(14);
  });
});
