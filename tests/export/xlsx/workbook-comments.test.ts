// @vitest-environment node
/*
 * Comments are in the workbook (a Comments sheet naming what each is on, thread by thread) and never in
 * the committee documents: the report model the PDF and Word document are drawn from holds none of
 * their text, nor does the Word document itself.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { addComment, replyTo, resolveThread } from '../../../src/domain/comments/comments';
import type { Comment } from '../../../src/domain/comments/records';
import { buildReport } from '../../../src/domain/report/build-report';
import { buildWorkbookDetails } from '../../../src/domain/report/workbook-details';
import { renderDocument } from '../../../src/export/docx/render-document';
import { renderWorkbook } from '../../../src/export/xlsx/render-workbook';
import { demoReportInput } from '../../helpers/demo-report';

const people = ['Priya Shah', 'Sam Okafor'];
const SECRET = 'Private working note 7f3a';

function commentedInput() {
  const input = demoReportInput();
  const criterion = input.bundle.criterionAssessments.find((a) => a.criterionId === 'hp-front-door')!;
  const meta = (id: string, by: string, at: string) => ({ id, createdAt: at, updatedAt: at, updatedBy: by });
  const step = (s: ReturnType<typeof addComment>): Comment => {
    if (!s.ok) throw new Error(s.problem);
    return s.comment;
  };
  const top = step(
    addComment({
      meta: meta('c1', 'Sam Okafor', '2026-11-20T09:15:00.000Z'),
      target: { kind: 'criterion', id: criterion.id, cycleId: input.bundle.cycle.id },
      body: `${SECRET}: can @Priya Shah add the audit figures?`,
      people,
    }),
  );
  const reply = step(
    replyTo(top, { meta: meta('c2', 'Priya Shah', '2026-11-21T10:00:00.000Z'), body: 'Added.', people }),
  );
  const resolved = step(resolveThread(top, { by: 'Sam Okafor', now: '2026-11-22T16:45:00.000Z' }));
  const elsewhere = step(
    addComment({
      meta: meta('c3', 'Sam Okafor', '2026-11-20T09:00:00.000Z'),
      target: { kind: 'criterion', id: 'not-in-this-cycle', cycleId: 'another-cycle' },
      body: 'Another year',
      people,
    }),
  );
  return { ...input, comments: [reply, resolved, elsewhere] };
}

describe('comments in the exports', () => {
  it('lists each thread in the workbook’s Comments sheet with what it is on, who, when and resolution', () => {
    const input = commentedInput();
    const bytes = renderWorkbook(buildReport(input), buildWorkbookDetails(input));
    const book = XLSX.read(bytes, { type: 'array', cellNF: true });
    const sheet = book.Sheets['Comments']!;
    expect(sheet).toBeDefined();
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: '', raw: false });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      On: expect.stringMatching(/^Criterion HP2 /) as unknown,
      Thread: '1',
      'Comment or reply': 'Comment',
      By: 'Sam Okafor',
      Text: `${SECRET}: can @Priya Shah add the audit figures?`,
      Mentions: 'Priya Shah',
      'Resolved by': 'Sam Okafor',
    });
    expect(rows[1]).toMatchObject({
      Thread: '1',
      'Comment or reply': 'Reply',
      By: 'Priya Shah',
      Text: 'Added.',
    });
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!;
    const cell = sheet[`${XLSX.utils.encode_col(header.indexOf('Resolved on'))}2`]!;
    expect(cell.t).toBe('n');
    expect(XLSX.SSF.format('dd/mm/yyyy', cell.v as number)).toBe('22/11/2026');
    expect(JSON.stringify(rows)).not.toContain('Another year');
  });

  it('leaves comments out of the report model and the Word document', async () => {
    const input = commentedInput();
    const model = buildReport(input);
    expect(JSON.stringify(model)).not.toContain(SECRET);
    const docx = await renderDocument(model);
    const zip = XLSX.CFB.read(docx, { type: 'array' });
    const text: string[] = zip.FileIndex.map((f: { content?: unknown }) =>
      f.content instanceof Uint8Array && f.content.length ? new TextDecoder().decode(f.content) : '',
    );
    expect(text.some((t) => t.includes('HP2'))).toBe(true);
    expect(text.some((t) => t.includes('7f3a'))).toBe(false);
  });
});
