// @vitest-environment node
/*
 * Who wrote and who signed off each judgement's self-evaluation and agreed grade: the same words in the
 * PDF, the Word document and the workbook, from one function each (narrative-review.ts,
 * judgement-sign-off.ts), with the steps in the workbook's change history.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/domain/report/build-report';
import { buildWorkbookDetails } from '../../src/domain/report/workbook-details';
import { signOffAgreedGrade } from '../../src/domain/self-assessment/judgement-sign-off';
import {
  assignNarrative,
  describeNarrativeSignOff,
  reviewNarrative,
} from '../../src/domain/self-assessment/narrative-review';
import { signOffWords } from '../../src/domain/self-assessment/review';
import type { Narrative } from '../../src/domain/workspace/records';
import { renderDocument } from '../../src/export/docx/render-document';
import { renderReportPdf } from '../../src/export/pdf/render-report';
import { renderWorkbook } from '../../src/export/xlsx/render-workbook';
import { demoReportInput } from '../helpers/demo-report';

const fonts = {
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};
const OUT = 'test-results/sign-offs';
const sam = { by: 'Sam Okafor', now: '2026-11-20T09:00:00.000Z' };
const priya = { by: 'Priya Shah', now: '2026-11-21T15:30:00.000Z' };

function signedOff() {
  const input = demoReportInput();
  const { narratives, judgementAssessments } = input.bundle;
  const index = narratives.findIndex((n) => !n.deletedAt && n.judgementId === 'help-and-protection');
  const step = (n: Narrative, s: 'send' | 'agree', who: typeof sam) => {
    const outcome = reviewNarrative(n, s, '', who);
    if (!outcome.ok) throw new Error(outcome.problem);
    return outcome.record;
  };
  const narrative = step(
    step(assignNarrative(narratives[index]!, 'Sam Okafor', priya), 'send', sam),
    'agree',
    priya,
  );
  narratives[index] = narrative;
  const j = judgementAssessments.findIndex((a) => a.judgementId === 'help-and-protection');
  const grade = signOffAgreedGrade({ ...judgementAssessments[j]!, review: {} }, priya);
  if (!grade.ok) throw new Error(grade.problem);
  judgementAssessments[j] = grade.record;
  return { input, narrative };
}

describe('sign-offs of the self-evaluation and the agreed grade, in the exports', () => {
  const { input, narrative } = signedOff();
  const model = buildReport(input);
  const section = model.judgements.find((j) => j.id === 'help-and-protection')!;
  const words = signOffWords(describeNarrativeSignOff(narrative));

  it('gives the model one line for each, from the one function the page uses', () => {
    expect(words).toBe('Signed off by Priya Shah on 21/11/2026');
    expect(section.narrativeReview).toMatchObject({ assignee: 'Sam Okafor', status: 'Agreed' });
    expect(section.narrativeReview.line).toBe(`Written by Sam Okafor. ${words}.`);
    expect(section.agreedSignOff.words).toBe('Signed off by Priya Shah on 21/11/2026');
    // A self-evaluation never reviewed and assigned to no one says nothing rather than “Not signed off”.
    const other = model.judgements.find(
      (j) => j.id !== 'help-and-protection' && !j.narrativeReview.assignee,
    )!;
    expect(other.narrativeReview.line).toBe('');
  });

  it('puts them in the workbook’s judgement and narrative sheets, with real dates, and the steps in its history', () => {
    const book = XLSX.read(renderWorkbook(model, buildWorkbookDetails(input)), {
      type: 'array',
      cellNF: true,
    });
    const rows = (name: string) =>
      XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[name]!, { defval: '' });
    const judgement = rows('Judgements').find((r) => r['Judgement'] === section.heading)!;
    expect(judgement['Agreed grade signed off by']).toBe('Priya Shah');
    const narrativeRows = rows('Narrative');
    const answers = narrativeRows.filter((r) => r['Judgement'] === section.heading);
    expect(answers.length).toBe(section.narrative.length);
    for (const r of answers) {
      expect(r['Assigned to']).toBe('Sam Okafor');
      expect(r['Status']).toBe('Agreed');
      expect(r['Signed off by']).toBe('Priya Shah');
    }
    const sheet = book.Sheets['Narrative']!;
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!;
    const row = narrativeRows.indexOf(answers[0]!) + 2;
    const cell = sheet[`${XLSX.utils.encode_col(header.indexOf('Signed off on'))}${row}`]!;
    expect(cell.t).toBe('n');
    expect(XLSX.SSF.format('dd/mm/yyyy', cell.v as number)).toBe('21/11/2026');
    const steps = rows('Change history').filter((r) => r['Record'] === 'Self-evaluation');
    expect(steps.map((r) => [r['By'], r['What changed'], r['To']])).toEqual([
      ['Priya Shah', 'Assigned to', 'Sam Okafor'],
      ['Sam Okafor', 'Status', 'Ready for review'],
      ['Priya Shah', 'Status', 'Agreed'],
    ]);
  });

  it('prints them in the PDF and the Word document', async () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/self-assessment.pdf`, renderReportPdf(model, fonts));
    const pdf = execFileSync('pdftotext', [`${OUT}/self-assessment.pdf`, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(pdf).toContain(`Written by Sam Okafor. ${words}.`);
    expect(pdf).toContain(`${section.agreedSignOff.words}.`);
    const docx = await renderDocument(model);
    writeFileSync(`${OUT}/self-assessment.docx`, docx);
    const zip = XLSX.CFB.read(docx, { type: 'array' });
    const index = zip.FullPaths.findIndex((p: string) => p.endsWith('word/document.xml'));
    const xml = new TextDecoder().decode(zip.FileIndex[index]!.content as Uint8Array);
    expect(xml).toContain(`Written by Sam Okafor. ${words}.`);
    expect(xml).toContain(`${section.agreedSignOff.words}.`);
  });
});
