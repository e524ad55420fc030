// @vitest-environment node
/*
 * The export worker's handler, run in-process over a database of the example council (fake-indexeddb):
 * it reads what is saved itself, says each step, and posts back a real PDF, workbook or Word document
 * with the workspace's content, its bytes handed over rather than copied; a failure comes back as a message.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import {
  handleExportRequest,
  type ExportReply,
  type ExportRequest,
} from '../../../src/state/export-worker/export-jobs';
import { cyclesRepository } from '../../../src/storage/repositories/cycles-repository';
import { workspaceRepository } from '../../../src/storage/repositories/workspace-repository';
import { AUTHOR } from '../../helpers/builders';
import { EXAMPLE_TODAY, exampleWorkspace } from '../../helpers/example-workspace';
import { shippedFramework } from '../../helpers/frameworks';
import { useFreshDatabase } from '../../storage/fresh-database';

const fonts = async () => ({
  regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
});
const OUT = 'test-results/export-worker';
const database = useFreshDatabase('export-worker');
const example = exampleWorkspace();
const current = example.cycles.find((c) => c.status === 'draft')!;
const frameworks: Framework[] = example.cycles.map((c) => shippedFramework(c.frameworkId));
const framework = shippedFramework(current.frameworkId);

async function seeded() {
  const db = database();
  await workspaceRepository(db).addExampleWorkspace(example, 'Test User');
  return db;
}

/** Every message the handler posts, with what it transferred. */
async function run(request: ExportRequest) {
  const posted: { reply: ExportReply; transfer: Transferable[] }[] = [];
  await handleExportRequest(request, {
    db: database(),
    fonts,
    post: (reply, transfer = []) => posted.push({ reply, transfer }),
  });
  const last = posted[posted.length - 1]!;
  return {
    steps: posted.flatMap(({ reply }) => (reply.type === 'progress' ? [reply.step] : [])),
    last: last.reply,
    transfer: last.transfer,
  };
}

function fileOf(reply: ExportReply): { fileName: string; bytes: Uint8Array } {
  if (reply.type !== 'done') throw new Error(`The export failed: ${JSON.stringify(reply)}`);
  return reply;
}

// Rendering a real PDF takes seconds on a loaded machine.
describe('the export worker, over the example council in IndexedDB', { timeout: 60_000 }, () => {
  it('makes the cycle PDF from what is saved, saying each step, and hands its bytes over', async () => {
    const db = await seeded();
    const assessment = example.criterionAssessments.find((a) => a.cycleId === current.id)!;
    // Saved after the workspace was loaded: the worker reads the database, not a copy from the page.
    await cyclesRepository(db).saveCriterionAssessment(
      { ...assessment, strengths: 'Saved just before the export: Zephyr panel.' },
      AUTHOR,
    );
    const { steps, last, transfer } = await run({
      job: 7,
      what: 'cycle',
      kind: 'pdf',
      cycleId: current.id,
      frameworks,
      today: EXAMPLE_TODAY,
    });
    expect(steps).toEqual(['reading', 'building', 'rendering']);
    const { fileName, bytes } = fileOf(last);
    expect(last.job).toBe(7);
    expect(transfer).toEqual([bytes.buffer]);
    expect(fileName).toMatch(/^Exampleshire County Council self-assessment 2026.27 DRAFT\.pdf$/);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/cycle.pdf`, bytes);
    const text = execFileSync('pdftotext', [`${OUT}/cycle.pdf`, '-'], { encoding: 'utf8' });
    expect(text).toContain('Exampleshire County Council');
    expect(text).toContain('Evidence appendix');
    expect(text).toContain('Zephyr panel');
  });

  it('makes the Excel workbook with every criterion and the previous cycle to compare with', async () => {
    await seeded();
    const { steps, last } = await run({
      job: 1,
      what: 'cycle',
      kind: 'xlsx',
      cycleId: current.id,
      frameworks,
      today: EXAMPLE_TODAY,
    });
    expect(steps).toEqual(['reading', 'building', 'rendering']);
    const { fileName, bytes } = fileOf(last);
    expect(fileName.endsWith('DRAFT.xlsx')).toBe(true);
    const book = XLSX.read(bytes, { type: 'array' });
    const rows = (sheet: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[sheet]!);
    expect(rows('Criteria')).toHaveLength(framework.criteria.length);
    expect(rows('Summary').find((r) => r['Item'] === 'Council')?.['Value']).toBe(
      'Exampleshire County Council',
    );
    expect(rows('Audits')).toHaveLength(example.caseAudits!.length);
    expect(rows('Changes since last year').length).toBeGreaterThan(0);
  });

  it('makes the Word document', async () => {
    await seeded();
    const { last } = await run({
      job: 2,
      what: 'cycle',
      kind: 'docx',
      cycleId: current.id,
      frameworks,
      today: EXAMPLE_TODAY,
    });
    const { fileName, bytes } = fileOf(last);
    expect(fileName.endsWith('DRAFT.docx')).toBe(true);
    const zip = XLSX.CFB.read(bytes, { type: 'array' });
    const document = XLSX.CFB.find(zip, '/word/document.xml');
    expect(String(document?.content && Buffer.from(document.content as Uint8Array))).toContain(
      'Exampleshire County Council',
    );
  });

  it('makes the audit subgroup report of the audits in scope, as a PDF and a workbook', async () => {
    await seeded();
    const request = {
      what: 'subgroup',
      framework,
      scope: { kind: 'all' },
      today: EXAMPLE_TODAY,
    } as const;
    const pdf = await run({ ...request, job: 3, kind: 'pdf' });
    expect(pdf.steps).toEqual(['reading', 'building', 'rendering']);
    const { fileName, bytes } = fileOf(pdf.last);
    expect(fileName).toMatch(/^Exampleshire County Council audit subgroup report .+\.pdf$/);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/subgroup.pdf`, bytes);
    const text = execFileSync('pdftotext', [`${OUT}/subgroup.pdf`, '-'], { encoding: 'utf8' });
    expect(text).toContain('Audit subgroup report');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    const workbook = await run({ ...request, job: 4, kind: 'xlsx' });
    const book = XLSX.read(fileOf(workbook.last).bytes, { type: 'array' });
    expect(book.SheetNames.length).toBeGreaterThan(1);
  });

  it('posts a failure, with its message, for a cycle no longer in the workspace', async () => {
    await seeded();
    const { last } = await run({
      job: 5,
      what: 'cycle',
      kind: 'pdf',
      cycleId: 'no-such-cycle',
      frameworks,
      today: EXAMPLE_TODAY,
    });
    expect(last).toEqual({
      job: 5,
      type: 'failed',
      message: 'the assessment cycle is no longer in this workspace',
    });
  });
});
