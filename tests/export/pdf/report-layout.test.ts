// @vitest-environment node
/*
 * The annual self-assessment PDF of the example council's current and final cycles, of a single
 * inspection framework cycle and of a safeguarding partnership's cycle, read back as text: every
 * criterion's confidence, status and assignee, the framework's own numbering and its separate review,
 * the whole audit findings section, no heading left alone at the foot of a page and no table header
 * with one row alone on a page. The files stay in test-results/exports to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/domain/format/dates';
import { buildReport } from '../../../src/domain/report/build-report';
import type { ReportModel } from '../../../src/domain/report/report-model';
import { renderReportPdf } from '../../../src/export/pdf/render-report';
import { exampleCycleInput, partnershipCycleInput, sifCycleInput, SIF_ASSIGNEE } from './report-inputs';
import { headersOnPages, tablesOf } from './table-pages';

const fonts = {
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
const OUT = 'test-results/exports';
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function textOf(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pagesOf(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

const documents: [string, () => ReportModel][] = [
  ['current', () => buildReport(exampleCycleInput('current'))],
  ['final', () => buildReport(exampleCycleInput('final'))],
  ['sif', () => buildReport(sifCycleInput())],
  ['partnership', () => buildReport(partnershipCycleInput())],
];

describe.runIf(hasPoppler).each(documents)('the %s cycle’s PDF', (name, build) => {
  const path = `${OUT}/report-${name}.pdf`;
  let model: ReportModel;
  let pages: string[];
  let flat: string;
  let bytes: Uint8Array;
  beforeAll(() => {
    model = build();
    mkdirSync(OUT, { recursive: true });
    bytes = renderReportPdf(model, fonts);
    writeFileSync(path, bytes);
    pages = pagesOf(path);
    flat = textOf(path);
  });

  it('prints every criterion’s grade, confidence, status and assignee', () => {
    for (const c of model.judgements.flatMap((j) => j.criteria)) {
      expect(flat).toContain(c.ref);
      expect(flat).toContain(c.status);
      if (c.confidence) expect(flat).toContain(`${c.confidence} confidence`);
    }
    for (const assignee of new Set(model.judgements.flatMap((j) => j.criteria.map((c) => c.assignee))))
      if (assignee) expect(flat).toContain(assignee.split(' ')[0]);
  });

  it('never cuts a date, a reference or a grade, and hyphenates only a word too wide for any column', () => {
    const words = new Set(
      [
        ...model.evidence.flatMap((e) => [formatDate(e.date), e.ref]),
        ...model.actions.map((a) => formatDate(a.dueDate)),
        ...model.judgements.flatMap((j) => j.criteria.flatMap((c) => [c.ref, ...c.grade.split(' ')])),
      ].filter(Boolean),
    );
    for (const word of words) expect(flat).toContain(word);
    const broken = pages
      .flatMap((p) => p.split('\n'))
      .flatMap((line) => line.trim().split(/\s{2,}/))
      .filter((cell) => /[\p{L}\d]-$/u.test(cell));
    expect(
      broken.every((cell) => /https?:|\S{25,}/.test(cell)),
      broken.join(' / '),
    ).toBe(true);
  });

  it('never leaves a heading alone at the foot of a page, nor a page nearly empty', () => {
    const headings = new Set([
      ...model.judgements.map((j) => j.heading),
      'Criteria',
      model.words.selfEvaluation,
      'Action plan',
      'Readiness checks',
    ]);
    pages.forEach((page, i) => {
      // Lines of one to three characters are the DRAFT mark's letters, not content.
      const lines = page.split('\n').filter((l) => l.trim().length > 3);
      // The last lines are the footer; the one before is the page's last line of content.
      const body = lines.slice(i === 0 ? 0 : 1, -1);
      const last = body.at(-1)?.trim() ?? '';
      expect(headings.has(last), `page ${i + 1} ends with the heading "${last}"`).toBe(false);
      if (i > 1 && i < pages.length - 1)
        expect(body.length, `page ${i + 1} has only ${body.length} lines`).toBeGreaterThan(4);
    });
  });

  it('never prints a table’s header with a single row of a longer table on a page', async () => {
    const tables = tablesOf(model).filter((t) => t.rows.length);
    const headers = await headersOnPages(bytes, tables);
    // Every table is found, so the check below reads real headers.
    expect(headers.length).toBeGreaterThanOrEqual(tables.length);
    const same = (a: string[], b: string[]) => a.join('|') === b.join('|');
    const alone = headers.filter(
      (h) =>
        h.rowsBelow === 1 &&
        tables
          .filter((t) =>
            same(
              t.columns.map((c) => c.heading),
              h.headings,
            ),
          )
          .every((t) => t.rows.length > 1),
    );
    expect(alone.map((h) => `page ${h.page}: ${h.headings.join(', ')}`)).toEqual([]);
  });

  it('prints the audit findings section whole, or says in a sentence there is none', () => {
    const f = model.auditFindings;
    expect(flat).toContain(model.words.auditFindings);
    if (f.none) {
      expect(flat).toContain(f.none);
      return;
    }
    for (const d of f.distributions) expect(flat).toContain(d.title);
    expect(flat).toContain('Recurring themes');
    for (const t of f.themes) expect(flat).toContain(t.theme);
    for (const e of f.escalations) expect(flat).toContain(e.caseReference);
    for (const m of f.moderations) expect(flat).toContain(m.caseReference);
    for (const j of f.byJudgement) expect(flat).toContain(j.share);
  });
});

describe.runIf(hasPoppler)('a single inspection framework cycle', () => {
  const model = buildReport(sifCycleInput());
  const path = `${OUT}/report-sif-numbering.pdf`;
  let flat: string;
  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path, renderReportPdf(model, fonts));
    flat = textOf(path);
  });

  it('numbers the judgements as SIF does, 1, 2, 2.1, 2.2 and 3, and puts the LSCB review in a part of its own', () => {
    expect(model.judgements.map((j) => j.number)).toEqual(['', '1', '2', '2.1', '2.2', '3', '']);
    expect(model.judgements.at(-1)).toMatchObject({ part: 'review', id: 'lscb' });
    expect(model.reviewPart).toBe('The LSCB review');
    for (const heading of [
      '1 Children who need help and protection',
      '2 Children looked after and achieving permanence',
      '2.1 Adoption performance',
      '2.2 Experiences and progress of care leavers',
      '3 Leadership, management and governance',
    ])
      expect(flat).toContain(heading);
    expect(flat.lastIndexOf('The LSCB review')).toBeGreaterThan(flat.lastIndexOf('3 Leadership, management'));
    expect(flat).toContain('LSCB14');
    expect(flat).toContain(SIF_ASSIGNEE);
  });

  it('prints cell lists as bullets and an escalation with its response', () => {
    expect(flat).toContain('• Timely visits');
    expect(flat).toContain('Child not seen for 12 weeks.');
    expect(flat).toContain('Visit arranged the same day.');
  });

  it('shows a kappa only from enough pairs', () => {
    expect(flat).toContain('more pairs needed');
    expect(flat).not.toMatch(/Cohen’s kappa\s+\d\.\d\d/);
  });
});
