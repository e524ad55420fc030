// @vitest-environment node
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/domain/report/build-report';
import { criteriaTable } from '../../../src/domain/report/tables';
import {
  agreeReviewed,
  BEFORE_SIGN_OFF_RECORDED,
  describeSignOff,
  sendForReview,
  signOffWords,
} from '../../../src/domain/self-assessment/review';
import { renderWorkbook } from '../../../src/export/xlsx/render-workbook';
import { demoReportInput } from '../../helpers/demo-report';

/** The example's current cycle with HP2 signed off by a reviewer; the example's other
 * agreed criteria were agreed before sign-off was recorded. */
function signedOffInput() {
  const input = demoReportInput();
  const assessments = input.bundle.criterionAssessments;
  const index = assessments.findIndex((a) => a.criterionId === 'hp-front-door');
  const sent = sendForReview(
    { ...assessments[index]!, status: 'in-progress' },
    { by: 'Sam Okafor', now: '2026-11-20T09:00:00.000Z' },
  );
  if (!sent.ok) throw new Error(sent.problem);
  const agreed = agreeReviewed(sent.record, { by: 'Priya Shah', now: '2026-11-21T15:30:00.000Z' });
  if (!agreed.ok) throw new Error(agreed.problem);
  assessments[index] = agreed.record;
  return { input, signedOff: agreed.record };
}

describe('who signed off each criterion, in the exports', () => {
  it('puts “Signed off by” and a real “Signed off on” date in the workbook’s criteria sheet', () => {
    const { input } = signedOffInput();
    const book = XLSX.read(renderWorkbook(buildReport(input)), { type: 'array', cellNF: true });
    const sheet = book.Sheets['Criteria']!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: '' });
    const hp2 = rows.find((r) => r['Ref'] === 'HP2')!;
    expect(hp2['Signed off by']).toBe('Priya Shah');
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!;
    const column = XLSX.utils.encode_col(header.indexOf('Signed off on'));
    const row = rows.indexOf(hp2) + 2;
    const cell = sheet[`${column}${row}`]!;
    expect(cell.t).toBe('n');
    expect(cell.z).toBe('dd/mm/yyyy');
    expect(XLSX.SSF.format('dd/mm/yyyy', cell.v as number)).toBe('21/11/2026');
    const notSignedOff = rows.filter((r) => r['Status'] !== 'Agreed');
    expect(notSignedOff.length).toBeGreaterThan(0);
    expect(notSignedOff.every((r) => r['Signed off by'] === '' && r['Signed off on'] === '')).toBe(true);
    const legacy = rows.filter((r) => r['Status'] === 'Agreed' && r !== hp2);
    expect(legacy.every((r) => r['Signed off by'] === BEFORE_SIGN_OFF_RECORDED)).toBe(true);
  });

  it('prints the same words in the PDF’s criteria table as the page shows, from one function', () => {
    const { input, signedOff } = signedOffInput();
    const model = buildReport(input);
    const words = signOffWords(describeSignOff(signedOff));
    expect(words).toBe('Signed off by Priya Shah on 21/11/2026');
    const section = model.judgements.find((j) => j.criteria.some((c) => c.ref === 'HP2'))!;
    const row = section.criteria.find((c) => c.ref === 'HP2')!;
    expect(row.signOff).toBe(words);
    const cells = criteriaTable(section).rows[section.criteria.indexOf(row)]!;
    expect(JSON.stringify(cells)).toContain(words);
  });
});
