import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { PdfWriter } from '../../../src/export/pdf/pdf-writer';
import { readFileSync } from 'node:fs';

type Handler = (payload: { text: unknown }) => { text: unknown };
const api = jsPDF.API as unknown as {
  events: [string, Handler][];
  processArabic: (text: string) => string;
  __arabicParser__: { processArabic: Handler };
};
const jsPdfShaping = api.__arabicParser__.processArabic;
const preProcess = () => {
  new PdfWriter({
    regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  });
  return api.events.filter(([name]) => name === 'preProcessText').map(([, handler]) => handler);
};

describe('Arabic shaping in the PDF', () => {
  it('shapes text with Arabic letters as jsPDF does, and passes other text through as typed', () => {
    const handlers = preProcess();
    expect(handlers).toHaveLength(1);
    const [handler] = handlers;
    const arabic = 'زينب الحسن';
    const shaped = handler!({ text: arabic }).text;
    expect(shaped).toBe(jsPdfShaping({ text: arabic }).text);
    expect(shaped).not.toBe(arabic);
    expect(handler!({ text: [arabic, 'Zoë'] }).text).toEqual(jsPdfShaping({ text: [arabic, 'Zoë'] }).text);
    // Measuring text calls the same function directly.
    expect(api.processArabic(arabic)).toBe(shaped);
    for (const text of ['Zoë Brontë-Łukasiewicz', 'a literal \\s+ stays', '£12,000 – “good”…']) {
      expect(handler!({ text }).text).toBe(text);
      expect(api.processArabic(text)).toBe(text);
    }
  });

  it('wraps the handler once however many documents are made', () => {
    preProcess();
    expect(preProcess()).toHaveLength(1);
  });
});
