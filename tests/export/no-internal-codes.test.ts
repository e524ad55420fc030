// @vitest-environment node
/*
 * Nothing a person reads shows an internal code: every vocabulary code with a hyphen (case types,
 * statuses, sources, evidence types, topics) must reach the PDF and the workbook as words.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { AUDIT_STATUSES, ROUND_TYPES } from '../../src/domain/case-audit/records';
import { CASE_TYPES } from '../../src/domain/framework/types';
import { buildReport } from '../../src/domain/report/build-report';
import {
  ACTION_STATUSES,
  EVIDENCE_TYPES,
  RECOMMENDATION_SOURCES,
  WORKFLOW_STATUSES,
} from '../../src/domain/workspace/vocabulary';
import { renderReportPdf } from '../../src/export/pdf/render-report';
import { renderWorkbook } from '../../src/export/xlsx/render-workbook';
import { makeCaseAudit } from '../helpers/builders';
import { demoReportInput } from '../helpers/demo-report';

const CODES = [
  ...CASE_TYPES,
  ...Object.keys(AUDIT_STATUSES),
  ...Object.keys(ROUND_TYPES),
  ...Object.keys(ACTION_STATUSES),
  ...Object.keys(EVIDENCE_TYPES),
  ...Object.keys(RECOMMENDATION_SOURCES),
  ...Object.keys(WORKFLOW_STATUSES),
]
  // "multi-agency" is also an ordinary English word ("multi-agency safeguarding hub").
  .filter((code) => code.includes('-') && code !== 'multi-agency');

function codesIn(text: string): string[] {
  return CODES.filter((code) => new RegExp(`(^|[^\\p{L}-])${code}($|[^\\p{L}-])`, 'u').test(text));
}

const input = demoReportInput(
  CASE_TYPES.map((caseType, i) =>
    makeCaseAudit({ caseReference: `EX-09${i}`, caseType, overallGrade: 'good', auditDate: '2026-10-01' }),
  ),
);
const model = buildReport(input);

describe('what exports show', () => {
  it('prints every case type, status and source in the workbook as words', () => {
    const book = XLSX.read(renderWorkbook(model), { type: 'array' });
    const cells = Object.values(book.Sheets).flatMap((sheet) =>
      XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }).flat().map(String),
    );
    expect(codesIn(cells.join('\n'))).toEqual([]);
    expect(cells).toContain('Care leavers');
  });

  it.runIf(hasPdfToText())('prints them as words in the PDF too', () => {
    const fonts = {
      regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
    mkdirSync('test-results/exports', { recursive: true });
    const path = 'test-results/exports/no-codes.pdf';
    writeFileSync(path, renderReportPdf(model, fonts));
    expect(codesIn(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }))).toEqual([]);
  });
});

function hasPdfToText(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
