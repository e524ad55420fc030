// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  encryptedPdf,
  ilacsReport,
  imageOnlyPdf,
  javascriptPdf,
  manyPagesPdf,
  noisePdf,
  truncatedPdf,
} from '../../fixtures/inspection-reports/build-reports.mjs';
import { extractInNode } from '../../fixtures/inspection-reports/read-fixture';
import { checkReply } from '../../../src/import/inspection-report/read-report-pdf';

describe('reading hostile PDFs', () => {
  it('an encrypted PDF is called encrypted', async () => {
    expect(await extractInNode(encryptedPdf())).toEqual({ ok: false, problem: 'encrypted' });
  });
  it('noise after a PDF header, and a PDF cut short, are damaged or hold no report', async () => {
    expect(await extractInNode(noisePdf())).toEqual({ ok: false, problem: 'damaged' });
    const cut = await extractInNode(truncatedPdf());
    // pdf.js recovers what it can from a cut file; it must never throw or hang.
    expect(cut.ok ? 'read' : cut.problem).toMatch(/read|damaged/);
  });
  it('thousands of pages are refused before any is read', async () => {
    expect(await extractInNode(manyPagesPdf(2500))).toEqual({ ok: false, problem: 'too-many-pages' });
  });
  it('too many lines are refused', async () => {
    expect(await extractInNode(ilacsReport(), { pages: 300, lines: 10, lineChars: 2000 })).toEqual({
      ok: false,
      problem: 'too-much-text',
    });
  });
  it('embedded JavaScript is never run: only the text is read', async () => {
    const read = await extractInNode(javascriptPdf());
    expect(read.ok && read.lines.map((l) => l.text)).toEqual([
      'Northby Borough Council',
      "Inspection of children's social care services",
      'Inspection dates: 3 to 14 June 2024',
    ]);
  });
  it('an image-only page has no lines', async () => {
    expect(await extractInNode(imageOnlyPdf())).toMatchObject({ ok: true, pageCount: 1, lines: [] });
  });
});

describe('checking the worker’s reply', () => {
  const line = { page: 1, line: 1, text: 'Text', x: 1, y: 2, size: 11 };
  it('keeps only the known fields of well-formed lines', () => {
    expect(checkReply({ ok: true, pageCount: 1, lines: [{ ...line, extra: '<script>' }] })).toEqual({
      ok: true,
      pageCount: 1,
      lines: [line],
    });
  });
  it.each([
    ['a line on a page that does not exist', { ok: true, pageCount: 1, lines: [{ ...line, page: 2 }] }],
    ['a line that is not text', { ok: true, pageCount: 1, lines: [{ ...line, text: 5 }] }],
    ['a position that is not a number', { ok: true, pageCount: 1, lines: [{ ...line, x: 'NaN' }] }],
    ['no lines', { ok: true, pageCount: 1 }],
    ['not an object', 'hello'],
  ])('refuses %s', (_name, reply) => {
    expect(checkReply(reply).ok).toBe(false);
  });
  it('passes on a known problem and calls an unknown one a stop', () => {
    expect(checkReply({ ok: false, problem: 'encrypted' })).toEqual({ ok: false, problem: 'encrypted' });
    expect(checkReply({ ok: false, problem: 'whatever' })).toEqual({ ok: false, problem: 'stopped' });
  });
});

describe('under a CSP that forbids eval', () => {
  it('reads every layout without eval or new Function', async () => {
    const {
      ilacsReport: ilacs,
      sifReport,
      focusedVisitLetter,
      monitoringVisitLetter,
      jtaiLetter,
    } = await import('../../fixtures/inspection-reports/build-reports.mjs');
    const files = [ilacs(), sifReport(), focusedVisitLetter(), monitoringVisitLetter(), jtaiLetter()];
    const realFunction = globalThis.Function;
    const realEval = globalThis.eval;
    const calls: string[] = [];
    const forbidden = function () {
      calls.push('new Function');
      throw new EvalError('eval is forbidden here');
    } as unknown as FunctionConstructor;
    Object.defineProperty(forbidden, 'prototype', { value: realFunction.prototype });
    try {
      globalThis.Function = forbidden;
      globalThis.eval = ((code: string) => {
        calls.push(`eval ${code.slice(0, 20)}`);
        throw new EvalError('eval is forbidden here');
      }) as typeof eval;
      for (const file of files) expect((await extractInNode(file)).ok).toBe(true);
    } finally {
      globalThis.Function = realFunction;
      globalThis.eval = realEval;
    }
    expect(calls).toEqual([]);
  });
});
