// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../src/export/pdf/render-report';
import { renderWorkbook } from '../../src/export/xlsx/render-workbook';
import { AWKWARD, demoReport } from '../helpers/demo-report';

const fonts = {
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
const OUT = 'test-results/exports';
function hasCommand(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const hasPoppler = hasCommand('pdfinfo', ['-v']);

describe('the Excel workbook', () => {
  const model = demoReport();
  let book: XLSX.WorkBook;
  let bytes: Uint8Array;
  beforeAll(() => {
    bytes = renderWorkbook(model);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/self-assessment.xlsx`, bytes);
    book = XLSX.read(bytes, { type: 'array', cellDates: false, cellNF: true });
  });
  const rows = (sheet: string) =>
    XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[sheet]!, { defval: '' });

  it('has one sheet per subject', () => {
    expect(book.SheetNames).toEqual([
      'Summary',
      'Judgements',
      'Criteria',
      'Narrative',
      'Evidence',
      'Actions',
      'Recommendations',
      'Audits',
      'Audit findings',
      'Moderation agreement',
      'Scorecard',
      'Readiness checks',
      'Changes since last year',
    ]);
  });

  it('carries every criterion with its fields, and the text as written', () => {
    const criteria = rows('Criteria');
    // Every criterion of ILACS 2026, this year's framework: the 39 of ILACS 2023 and three new.
    expect(criteria).toHaveLength(42);
    expect(criteria.map((r) => r['Ref'])).toEqual(expect.arrayContaining(['L10', 'HP13', 'HP14']));
    const hp2 = criteria.find((r) => r['Ref'] === 'HP2')!;
    expect(hp2['Grade']).toBe('Requires improvement to be good');
    expect(hp2['Strengths']).toBe(AWKWARD.strengths);
    expect(Object.keys(hp2)).toEqual(
      expect.arrayContaining([
        'Confidence',
        'Status',
        'Assigned to',
        'Areas for development',
        'Evidence',
        'To re-evaluate',
        'Audit findings',
      ]),
    );
  });

  it('writes real dates shown dd/mm/yyyy', () => {
    const sheet = book.Sheets['Evidence']!;
    const cell = sheet['D2']!;
    expect(cell.t).toBe('n');
    expect(cell.z).toBe('dd/mm/yyyy');
    expect(XLSX.SSF.format('dd/mm/yyyy', cell.v as number)).toBe(
      model.evidence[0]!.date.split('-').reverse().join('/'),
    );
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const actions = rows('Actions');
    expect(actions.some((a) => a['Action'] === `'${AWKWARD.formula}`)).toBe(true);
    const formulas = Object.values(book.Sheets).flatMap((s) =>
      Object.values(s).filter((c) => typeof c === 'object' && c && 'f' in c),
    );
    expect(formulas).toEqual([]);
    const audits = rows('Audits');
    expect(audits.find((a) => a['Case reference'] === 'EX-0102')!['Strengths']).toBe("'+44 line of enquiry");
  });

  it('freezes the header row and sets filters and widths on every sheet', () => {
    const zip = XLSX.CFB.read(bytes, { type: 'array' });
    const sheets = zip.FullPaths.filter((p: string) => /worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(13);
    for (const path of sheets) {
      const xml = new TextDecoder().decode(XLSX.CFB.find(zip, path)!.content as Uint8Array);
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      expect(xml).toMatch(/<autoFilter ref="A1:/);
      expect(xml).toContain('<cols>');
    }
  });

  it('has one row per audit and a column per question of its tool', () => {
    const audits = rows('Audits');
    expect(audits).toHaveLength(2);
    const headings = Object.keys(audits[0]!);
    expect(
      headings.filter((h) => h.startsWith('Child in need and child protection case audit › ')).length,
    ).toBeGreaterThan(30);
  });
});

describe('the PDF', () => {
  const model = demoReport();
  const path = `${OUT}/self-assessment.pdf`;
  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path, renderReportPdf(model, fonts));
  });

  it.runIf(hasPoppler)('embeds its fonts and prints ’ – … £ and accented names correctly', () => {
    const fontsReport = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fontsReport).toContain('DejaVuSans');
    expect(
      fontsReport
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .every((line) => /\byes\b/.test(line)),
    ).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    for (const piece of ['£12,000', '–', 'panel’s', '…', '“good”', 'Zoë', 'Brontë-Łukasiewicz'])
      expect(text).toContain(piece);
  });

  it.runIf(hasPoppler)(
    'has a cover, contents, every judgement, the tracker and the appendix, with page numbers',
    () => {
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThan(10);
      expect(info).toContain('A4');
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Annual self-assessment 2026–27');
      expect(text).toContain('Exampleshire County Council');
      expect(text).toContain('OFFICIAL-SENSITIVE');
      expect(text).toContain('Contents');
      for (const j of model.judgements) expect(text).toContain(j.title);
      expect(text).toContain('What we have done so far');
      expect(text).toContain('Evidence appendix');
      expect(text).toContain(`Page ${pages} of ${pages}`);
      expect(text).toContain('DRAFT');
      const page3 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', path, '-'], {
        encoding: 'utf8',
      });
      expect(page3).toMatch(/Summary of judgements\s+3/);
    },
  );

  it.runIf(hasPoppler)('keeps the narrative’s lists and never cuts text off', () => {
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const answer = model.judgements[1]!.narrative[2]!.answer;
    const lastWords = answer.trim().split(/\s+/).slice(-4).join(' ');
    expect(text).toContain(lastWords);
    expect(text).toContain('•');
  });
});

const hasLibreOffice = hasCommand('soffice', ['--version']);

describe('the workbook in LibreOffice', () => {
  it.runIf(hasLibreOffice)(
    'opens, shows dates as dd/mm/yyyy and keeps formula-like text as text',
    () => {
      mkdirSync(`${OUT}/csv`, { recursive: true });
      writeFileSync(`${OUT}/lo.xlsx`, renderWorkbook(demoReport()));
      // Filter options: comma, double quote, UTF-8, from row 1, …, "save cell contents as shown", every sheet.
      const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
      execFileSync(
        'soffice',
        [
          '-env:UserInstallation=file:///tmp/rw-lo-profile',
          '--headless',
          '--convert-to',
          filter,
          '--outdir',
          `${OUT}/csv`,
          `${OUT}/lo.xlsx`,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const evidence = readFileSync(`${OUT}/csv/lo-Evidence.csv`, 'utf8');
      const first = demoReport().evidence[0]!;
      expect(evidence).toContain(first.date.split('-').reverse().join('/'));
      const actions = readFileSync(`${OUT}/csv/lo-Actions.csv`, 'utf8');
      expect(actions).toContain(`'=HYPERLINK(`);
      expect(readFileSync(`${OUT}/csv/lo-Criteria.csv`, 'utf8')).toContain('Zoë Brontë-Łukasiewicz');
    },
    150_000,
  );
});
