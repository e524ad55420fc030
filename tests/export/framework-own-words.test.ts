// @vitest-environment node
/*
 * Each document prints a framework in its own words. A safeguarding partnership's cycle: its six
 * numbered areas (area 6, its agencies' section 11 standards, is one of them, not a review part of its
 * own), its met / partly met / not met words (a grade never wrapped, "met" where Ofsted's scale says
 * "good or better"), agency returns called so, and a running header that never runs into the marking.
 * The PDF, the Word document (read back through LibreOffice) and the workbook; a SIF cycle's workbook
 * in SIF's numbering.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/domain/format/dates';
import { buildReport } from '../../src/domain/report/build-report';
import { buildWorkbookDetails } from '../../src/domain/report/workbook-details';
import { renderDocument } from '../../src/export/docx/render-document';
import { renderReportPdf } from '../../src/export/pdf/render-report';
import { renderWorkbook } from '../../src/export/xlsx/render-workbook';
import { partnershipCycleInput, sifCycleInput } from './pdf/report-inputs';

const fonts = {
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
const OUT = 'test-results/partnership';
const has = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasPoppler = has('pdftotext', ['-v']);
const hasLibreOffice = hasPoppler && has('soffice', ['--version']);

const AREA_6 = "6 Agencies' own safeguarding arrangements (section 11 and sections 157 and 175)";

/** The cells of a laid-out page, as pdftotext -layout prints them: runs of text two spaces apart. */
function cellsOf(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
    .split('\n')
    .flatMap((line) => line.trim().split(/\s{2,}/));
}

function flatTextOf(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function rowsOf(book: XLSX.WorkBook, sheet: string): Record<string, unknown>[] {
  return XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[sheet]!, { defval: '' });
}

describe('a safeguarding partnership’s self-assessment', () => {
  const input = partnershipCycleInput();
  const model = buildReport(input);
  const partlyMet = model.judgements.flatMap((j) => j.criteria).filter((c) => c.grade === 'Partly met');

  it('numbers area 6 with the other five, with no review part made up for it', () => {
    expect(model.reviewPart).toBeNull();
    expect(model.judgements.map((j) => j.heading.split(' ')[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(model.summary.at(-1)!.judgement).toBe(AREA_6);
    const area6 = model.judgements.at(-1)!;
    expect(area6).toMatchObject({
      part: 'inspection',
      auditsName: 'agency returns',
      goodOrBetterWords: 'met',
    });
    expect(area6.criteria.find((c) => c.auditSummary)?.auditSummary).toMatch(
      /^\d+% met \(\d+ of \d+ audits\)$/,
    );
    expect(model.judgements[0]).toMatchObject({
      auditsName: 'multi-agency audits',
      goodOrBetterWords: 'good or better',
    });
  });

  describe.runIf(hasPoppler)('as a PDF', () => {
    const path = `${OUT}/partnership.pdf`;
    let bytes: Uint8Array;
    let flat: string;
    beforeAll(() => {
      mkdirSync(OUT, { recursive: true });
      bytes = renderReportPdf(model, fonts);
      writeFileSync(path, bytes);
      flat = flatTextOf(path);
    });

    it('prints area 6 under its own number and in its scale’s words', () => {
      expect(flat).toContain(AREA_6);
      expect(flat).not.toMatch(/standards review/i);
      expect(flat).toContain('What agency returns found');
      expect(flat).toMatch(/\d+% met \(\d+ of \d+\)/);
      expect(flat).toContain('Share met');
      expect(flat).toContain('Good or better / met');
    });

    it('never wraps a short grade such as “Partly met”', () => {
      const cells = cellsOf(path);
      expect(partlyMet.length).toBeGreaterThan(0);
      expect(cells.filter((c) => c === 'Partly met').length).toBeGreaterThanOrEqual(partlyMet.length);
      expect(cells.filter((c) => c === 'Partly' || c === 'Not')).toEqual([]);
    });

    it('keeps the running header clear of the protective marking', async () => {
      const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
      const page = await doc.getPage(3);
      const items = (await page.getTextContent()).items as {
        str: string;
        transform: number[];
        width: number;
      }[];
      const top = items.filter((i) => i.transform[5]! > page.view[3]! - 50 && i.str.trim());
      const marking = top.find((i) => i.str === model.cover.marking)!;
      expect(marking).toBeDefined();
      const rest = top.filter((i) => i !== marking);
      expect(rest.length).toBeGreaterThan(0);
      for (const item of rest) expect(item.transform[4]! + item.width).toBeLessThan(marking.transform[4]!);
      await doc.destroy();
    });
  });

  describe.runIf(hasLibreOffice)('as a Word document, opened in LibreOffice', () => {
    let cells: string[];
    let flat: string;
    beforeAll(async () => {
      rmSync(`${OUT}/word`, { recursive: true, force: true });
      mkdirSync(`${OUT}/word`, { recursive: true });
      writeFileSync(`${OUT}/word/partnership.docx`, await renderDocument(model));
      execFileSync(
        'soffice',
        [
          '-env:UserInstallation=file:///tmp/rw-lo-partnership-profile',
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          `${OUT}/word`,
          `${OUT}/word/partnership.docx`,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      cells = cellsOf(`${OUT}/word/partnership.pdf`);
      flat = flatTextOf(`${OUT}/word/partnership.pdf`);
    }, 150_000);

    it('prints area 6 under its own number and in its scale’s words', () => {
      expect(flat).toContain(AREA_6);
      expect(flat).not.toMatch(/standards review/i);
      expect(flat).toContain('What agency returns found');
      expect(flat).toMatch(/\d+% met \(\d+ of \d+\)/);
    });

    it('sizes columns so dates, references and short grades never wrap, even in a wider font than Arial', () => {
      for (const e of model.evidence) {
        expect(cells).toContain(e.ref);
        expect(flat).toContain(formatDate(e.date));
      }
      for (const c of model.judgements.flatMap((j) => j.criteria)) expect(flat).toContain(`${c.ref} `);
      expect(cells.filter((c) => c === 'Partly met').length).toBeGreaterThanOrEqual(partlyMet.length);
      expect(cells.filter((c) => c === 'Partly' || c === 'Not')).toEqual([]);
      // Headings of short columns keep their words whole.
      expect(flat).toContain('Proposed from the evidence');
    });
  });

  it('names each area by its number in the workbook, and the audits behind it in its scale’s words', () => {
    const book = XLSX.read(renderWorkbook(model, buildWorkbookDetails(input)), { type: 'array' });
    const judgements = rowsOf(book, 'Judgements');
    expect(judgements.map((r) => r['Judgement'])).toEqual(model.judgements.map((j) => j.heading));
    expect(Object.keys(judgements[0]!)).toContain('Audits (good or better / met)');
    expect(rowsOf(book, 'Criteria').find((r) => r['Ref'] === 'AS1')!['Judgement']).toBe(AREA_6);
    // The example's recommendations link to ILACS judgements: left out, never printed as internal ids.
    for (const r of rowsOf(book, 'Recommendations'))
      expect(String(r['Judgements'])).not.toMatch(/[a-z]-[a-z]/);
  });
});

describe('a SIF cycle’s workbook', () => {
  const input = sifCycleInput();
  const model = buildReport(input);
  const book = XLSX.read(renderWorkbook(model, buildWorkbookDetails(input)), { type: 'array' });

  it('names judgements in SIF’s numbering, 1, 2, 2.1, 2.2 and 3, on every sheet', () => {
    const names = rowsOf(book, 'Judgements').map((r) => r['Judgement']);
    for (const heading of [
      '1 Children who need help and protection',
      '2.1 Adoption performance',
      '3 Leadership, management and governance',
    ])
      expect(names).toContain(heading);
    expect(new Set(rowsOf(book, 'Criteria').map((r) => r['Judgement']))).toContain(
      '2.2 Experiences and progress of care leavers',
    );
    expect(new Set(rowsOf(book, 'Narrative').map((r) => r['Judgement']))).toContain(
      '2.1 Adoption performance',
    );
    expect(rowsOf(book, 'Recommendations').map((r) => r['Judgements'])).toContain(
      '1 Children who need help and protection',
    );
    const linked = rowsOf(book, 'Actions')
      .map((r) => String(r['Judgements']))
      .filter(Boolean);
    expect(linked.length).toBeGreaterThan(0);
    for (const names of linked) for (const name of names.split(', ')) expect(name).toMatch(/^\d(\.\d)? /);
  });
});
