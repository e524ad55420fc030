// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/export/docx/render-document';
import type { ReportModel } from '../../src/domain/report/report-model';
import { buildReport } from '../../src/domain/report/build-report';
import { AWKWARD, demoReport } from '../helpers/demo-report';
import { SIF_ASSIGNEE, sifCycleInput } from './pdf/report-inputs';

const OUT = 'test-results/docx';

/** The parts of a .docx (a zip) by path, as text. */
function partsOf(bytes: Uint8Array): Map<string, string> {
  const zip = XLSX.CFB.read(bytes, { type: 'array' });
  const parts = new Map<string, string>();
  zip.FullPaths.forEach((path: string, i: number) => {
    const content = zip.FileIndex[i]?.content;
    if (content && content.length)
      parts.set(path.replace(/^Root Entry\//, ''), new TextDecoder().decode(content as Uint8Array));
  });
  return parts;
}

function part(parts: Map<string, string>, pattern: RegExp): string[] {
  return [...parts].filter(([path]) => pattern.test(path)).map(([, xml]) => xml);
}

/** The document's words as a reader sees them: every w:t, unescaped. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join(' ')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function withCover(model: ReportModel, cover: Partial<ReportModel['cover']>): ReportModel {
  return { ...model, cover: { ...model.cover, ...cover } };
}

/** A 2 × 1 pixel PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEAEvwD/Wv2S4AAAAAASUVORK5CYII=';

describe('the Word document', () => {
  const model = demoReport();
  let bytes: Uint8Array;
  let parts: Map<string, string>;
  let body: string;
  beforeAll(async () => {
    bytes = await renderDocument(model);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/self-assessment.docx`, bytes);
    parts = partsOf(bytes);
    body = parts.get('word/document.xml')!;
  });

  it('is a Word document with real heading styles and a table of contents field', () => {
    expect(body).toBeDefined();
    expect(parts.get('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(body).toContain('<w:pStyle w:val="Heading3"/>');
    expect(body).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;/);
    const styles = parts.get('word/styles.xml')!;
    expect(styles).toContain('w:styleId="Heading1"');
    expect(styles).toContain('<w:lang w:val="en-GB"/>');
    expect(styles).toContain('w:ascii="Arial"');
  });

  it('has every part of the PDF, in the same order', () => {
    const text = textOf(body);
    const order = [
      'Exampleshire County Council',
      'Contents',
      'Summary of judgements',
      ...model.judgements.map((j) => j.title),
      'Action plan',
      'Recommendations: what we have done so far',
      'Readiness checks',
      'Changes since 2025–26',
      'Performance scorecard',
      'Case audit findings',
      'Moderation: how far auditors and moderators agreed',
      'Evidence appendix',
    ];
    const headings = [...body.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map(
      (m) => m[1],
    );
    expect(headings).toEqual(order.slice(2).filter((t) => !t.startsWith('Moderation')));
    let at = -1;
    for (const piece of order) {
      const next = text.indexOf(piece, at + 1);
      expect(next, piece).toBeGreaterThan(at);
      at = next;
    }
    for (const c of model.judgements.flatMap((j) => j.criteria)) expect(text).toContain(c.title);
    for (const e of model.evidence) expect(text).toContain(e.title);
    expect(text).toContain(model.judgements[0]!.proposalExplanation);
  });

  it('numbers the self-evaluation questions with Word numbering, starting again for each judgement', () => {
    const questions = [
      ...body.matchAll(
        /<w:pStyle w:val="Heading3"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/>/g,
      ),
    ];
    expect(questions).toHaveLength(model.judgements.flatMap((j) => j.narrative).length);
    expect(new Set(questions.map((q) => q[1])).size).toBe(
      model.judgements.filter((j) => j.narrative.length).length,
    );
    expect(parts.get('word/numbering.xml')).toContain('<w:numFmt w:val="decimal"/>');
  });

  it('marks each table’s first row as a header that repeats, with grid lines', () => {
    const tables = body.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      expect(table).toMatch(/^<w:tblPr>.*?<w:insideV w:val="single"/);
      expect(table.split('<w:tr>')[1]).toContain('<w:tblHeader/>');
    }
  });

  it('keeps the line that introduces a table of audit counts on the page of the table', () => {
    const introduced = [
      ...body.matchAll(
        /<w:p>((?:(?!<\/w:p>).)*?Audits of these criteria:(?:(?!<\/w:p>).)*?)<\/w:p>(<w:tbl>)?/g,
      ),
    ];
    expect(introduced.length).toBeGreaterThan(0);
    for (const [, paragraph, table] of introduced) {
      expect(paragraph).toMatch(/^<w:pPr><w:keepNext\/>/);
      expect(table).toBe('<w:tbl>');
    }
  });

  it('is A4 with 2 cm margins, the marking top and bottom, DRAFT and Page x of y', () => {
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
    const headers = part(parts, /word\/header\d+\.xml$/);
    const footers = part(parts, /word\/footer\d+\.xml$/);
    expect(headers.length).toBeGreaterThan(0);
    for (const xml of [...headers, ...footers]) expect(textOf(xml)).toContain('OFFICIAL-SENSITIVE');
    for (const xml of headers) expect(textOf(xml)).toContain('DRAFT');
    for (const xml of footers) {
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE</);
      expect(xml).toMatch(/<w:instrText[^>]*>NUMPAGES</);
      expect(textOf(xml)).toContain('Page');
    }
    expect(textOf(body)).toMatch(/Status: Draft.*DRAFT/);
  });

  it('has no DRAFT anywhere once the cycle is final', async () => {
    const final = partsOf(await renderDocument(withCover(model, { status: 'Final' })));
    for (const xml of part(final, /word\/(document|header\d+|footer\d+)\.xml$/))
      expect(xml).not.toContain('DRAFT');
    expect(textOf(final.get('word/document.xml')!)).toContain('Status: Final');
  });

  it('keeps awkward characters and formula-like text exactly as written, never as a field', () => {
    const text = textOf(body);
    expect(text).toContain(AWKWARD.strengths);
    expect(text).toContain(AWKWARD.formula);
    const fields = [...parts.values()].flatMap((xml) =>
      [...xml.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1]!),
    );
    expect(fields.every((f) => /^(TOC |PAGEREF _Toc\d+ \\h|PAGE|NUMPAGES)/.test(f))).toBe(true);
  });

  it('keeps typed line breaks, turns "- " lines into bullets and drops characters XML cannot carry', async () => {
    const criterion = model.judgements[0]!.criteria[0]!;
    const typed = withCover(model, {});
    typed.judgements = [
      {
        ...model.judgements[0]!,
        criteria: [{ ...criterion, strengths: 'First line\nSecond line\u0001\n- a typed point' }],
      },
    ];
    const xml = partsOf(await renderDocument(typed)).get('word/document.xml')!;
    expect(xml).toMatch(/First line<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>Second line<\/w:t>/);
    expect(xml).toMatch(
      /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr><\/w:pPr><w:r><w:t[^>]*>a typed point</,
    );
    expect(xml).not.toContain('\u0001');
  });

  it('puts the logo on the cover, and leaves off one it cannot read', async () => {
    const withLogo = partsOf(await renderDocument(withCover(model, { logoDataUrl: PNG })));
    expect([...withLogo.keys()].some((p) => /^word\/media\/.+\.png$/.test(p))).toBe(true);
    expect(withLogo.get('word/document.xml')).toContain('descr="Council logo"');
    const broken = partsOf(
      await renderDocument(withCover(model, { logoDataUrl: 'data:image/png;base64,AAAA' })),
    );
    expect([...broken.keys()].some((p) => p.startsWith('word/media/'))).toBe(false);
  });
});

function hasCommand(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canReadBack = hasCommand('soffice', ['--version']) && hasCommand('pdftotext', ['-v']);

describe('the Word document in LibreOffice', () => {
  it.runIf(canReadBack)(
    'opens, and keeps its headings, tables and awkward text',
    async () => {
      rmSync(`${OUT}/pdf`, { recursive: true, force: true });
      mkdirSync(`${OUT}/pdf`, { recursive: true });
      const model = demoReport();
      writeFileSync(`${OUT}/lo.docx`, await renderDocument(model));
      execFileSync(
        'soffice',
        [
          '-env:UserInstallation=file:///tmp/rw-lo-docx-profile',
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          `${OUT}/pdf`,
          `${OUT}/lo.docx`,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const info = execFileSync('pdfinfo', [`${OUT}/pdf/lo.pdf`], { encoding: 'utf8' });
      expect(info).toContain('A4');
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      const text = execFileSync('pdftotext', [`${OUT}/pdf/lo.pdf`, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      for (const heading of [
        'Contents',
        'Summary of judgements',
        'Action plan',
        'Evidence appendix',
        ...model.judgements.map((j) => j.title),
      ])
        expect(text).toContain(heading);
      expect(text).toContain(
        'The experiences and progress of care leavers Good Requires improvement to be good',
      );
      expect(text).toContain('Criterion Grade Confidence, status and owner Strengths Areas for development');
      for (const piece of ['£12,000', 'panel’s', '…', '“good”', 'Zoë', '=HYPERLINK("http://evil.invalid"'])
        expect(text).toContain(piece);
      // A hyphenated name may wrap at its hyphen. Read in the order it was written (-raw), so a wrapped
      // line of the cell beside it cannot come between its two halves, however the fonts lay it out.
      const written = execFileSync('pdftotext', ['-raw', `${OUT}/pdf/lo.pdf`, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      expect(written).toMatch(/Zoë Brontë- ?Łukasiewicz/);
      expect(text).toContain('OFFICIAL-SENSITIVE');
      expect(text).toContain(`Page ${pages} of ${pages}`);
    },
    150_000,
  );
});

describe('the Word document of a single inspection framework cycle', () => {
  const model = buildReport(sifCycleInput());
  let body: string;
  beforeAll(async () => {
    const bytes = await renderDocument(model);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/self-assessment-sif.docx`, bytes);
    body = partsOf(bytes).get('word/document.xml')!;
  });
  const headingsOf = (level: number) =>
    [...body.matchAll(new RegExp(`<w:pStyle w:val="Heading${level}"/>.*?<w:t[^>]*>([^<]*)</w:t>`, 'g'))].map(
      (m) => m[1],
    );

  it('keeps SIF’s numbering and nesting, with the LSCB review as a part of its own', () => {
    expect(headingsOf(1)).toEqual(
      expect.arrayContaining([
        '1 Children who need help and protection',
        '2 Children looked after and achieving permanence',
        '3 Leadership, management and governance',
        'The LSCB review',
      ]),
    );
    expect(headingsOf(2)).toEqual(
      expect.arrayContaining([
        '2.1 Adoption performance',
        '2.2 Experiences and progress of care leavers',
        'The effectiveness of the Local Safeguarding Children Board',
      ]),
    );
    const text = textOf(body);
    expect(text.indexOf('2.1 Adoption performance')).toBeGreaterThan(
      text.indexOf('2 Children looked after and achieving permanence'),
    );
    expect(text.indexOf('The LSCB review')).toBeGreaterThan(text.indexOf('3 Leadership, management'));
  });

  it('prints each criterion’s confidence, status and assignee, and grades as coloured tags', () => {
    const text = textOf(body);
    expect(text).toContain(`Assigned to ${SIF_ASSIGNEE}`);
    expect(text).toContain('Low confidence');
    expect(body).toContain('<w:shd w:fill="CCE2D8" w:color="auto" w:val="clear"/>');
  });
});
