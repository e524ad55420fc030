// @vitest-environment node
/*
 * The door around the worker: limits before the worker starts, the time limit, the worker always
 * terminated, pdf.js's own start-up message ignored, and the lines read into a report.
 */
import { describe, expect, it } from 'vitest';
import { readReportPdf } from '../../../src/import/inspection-report/read-report-pdf';
import { hugePdf, ilacsReport } from '../../fixtures/inspection-reports/build-reports.mjs';
import { SHIPPED, textOf } from '../../fixtures/inspection-reports/read-fixture';

class FakeWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  constructor(private readonly replies: unknown[] = []) {}
  postMessage() {
    for (const data of this.replies) setTimeout(() => this.onmessage?.({ data } as MessageEvent<unknown>), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

const starter = (worker: FakeWorker) => {
  let started = 0;
  return {
    start: () => {
      started += 1;
      return worker as unknown as Worker;
    },
    started: () => started,
  };
};

describe('the inspection report door', () => {
  it('refuses a file too large, or not a PDF, before starting the worker', async () => {
    const worker = starter(new FakeWorker());
    const huge = await readReportPdf(hugePdf(), SHIPPED, worker.start);
    expect(huge).toMatchObject({
      ok: false,
      messages: [{ text: expect.stringContaining('larger than the 25 MB') }],
    });
    const docx = await readReportPdf(new TextEncoder().encode('PK\u0003\u0004word/'), SHIPPED, worker.start);
    expect(docx).toMatchObject({ ok: false, messages: [{ text: expect.stringContaining('is not a PDF') }] });
    expect(worker.started()).toBe(0);
  });

  it('stops a worker that takes too long, and terminates it', async () => {
    const silent = new FakeWorker();
    const result = await readReportPdf(ilacsReport(), SHIPPED, starter(silent).start, 30);
    expect(result).toMatchObject({
      ok: false,
      messages: [{ text: expect.stringContaining('took too long') }],
    });
    expect(silent.terminated).toBe(true);
  });

  it('ignores pdf.js’s start-up message and reads the lines the worker sends', async () => {
    const text = await textOf(ilacsReport());
    const worker = new FakeWorker([
      { sourceName: 'worker', targetName: 'main', action: 'ready' },
      { door: 'inspection-report', ok: true, ...text },
    ]);
    const result = await readReportPdf(ilacsReport(), SHIPPED, starter(worker).start, 5_000);
    expect(result.ok && result.report.council?.name).toBe('Northby Borough Council');
    expect(worker.terminated).toBe(true);
  });

  it('says what to do about an encrypted file', async () => {
    const worker = new FakeWorker([{ door: 'inspection-report', ok: false, problem: 'encrypted' }]);
    const result = await readReportPdf(ilacsReport(), SHIPPED, starter(worker).start, 5_000);
    expect(result).toMatchObject({ ok: false, messages: [{ text: expect.stringContaining('password') }] });
  });
});
