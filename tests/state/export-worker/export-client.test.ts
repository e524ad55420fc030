// @vitest-environment node
/*
 * The page's side of the export worker, with the worker's handler run in-process behind a stand-in
 * Worker: each export gets its own answer and progress, one worker serves them all, and a worker that
 * stops takes its waiting exports down with a message while the next export starts a fresh one.
 */
import { describe, expect, it } from 'vitest';
import { ExportWorkerClient } from '../../../src/state/export-worker/export-client';
import type { ExportStep } from '../../../src/state/export-worker/export-files';
import { handleExportRequest, type ExportRequest } from '../../../src/state/export-worker/export-jobs';
import { workspaceRepository } from '../../../src/storage/repositories/workspace-repository';
import { EXAMPLE_TODAY, exampleWorkspace } from '../../helpers/example-workspace';
import { shippedFramework } from '../../helpers/frameworks';
import { useFreshDatabase } from '../../storage/fresh-database';

const database = useFreshDatabase('export-client');
const example = exampleWorkspace();
const framework = shippedFramework(example.auditRounds![0]!.frameworkId);
const subgroup = { what: 'subgroup', framework, scope: { kind: 'all' }, today: EXAMPLE_TODAY } as const;

/** A Worker whose messages go to the export handler in this process; `crash` makes it fail. */
function inProcessWorker(started: unknown[], crash = false) {
  const worker = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    onerror: null as ((event: { preventDefault(): void }) => void) | null,
    onmessageerror: null,
    terminated: false,
    postMessage(request: ExportRequest) {
      if (crash) return void setTimeout(() => worker.onerror?.({ preventDefault: () => undefined }));
      void handleExportRequest(request, {
        db: database(),
        fonts: () => Promise.reject(new Error('no fonts needed for a workbook')),
        post: (reply) => setTimeout(() => worker.onmessage?.({ data: reply })),
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  started.push(worker);
  return worker as unknown as Worker;
}

describe('exports through the worker', { timeout: 60_000 }, () => {
  it('answers each export with its own file and progress, from one worker', async () => {
    await workspaceRepository(database()).addExampleWorkspace(example, 'Test User');
    const started: unknown[] = [];
    const client = new ExportWorkerClient(() => inProcessWorker(started));
    client.warmUp();
    expect(started).toHaveLength(1);
    const steps: ExportStep[] = [];
    const [workbook, pdfRefused] = await Promise.allSettled([
      client.run({ ...subgroup, kind: 'xlsx' }, (step) => steps.push(step)),
      client.run({ ...subgroup, kind: 'pdf' }),
    ]);
    expect(workbook.status === 'fulfilled' && workbook.value.fileName).toMatch(/subgroup report .+\.xlsx$/);
    expect(steps).toEqual(['reading', 'building', 'rendering']);
    // The failure is the PDF's own, with its message, and does not touch the workbook's answer.
    expect(pdfRefused.status === 'rejected' && String(pdfRefused.reason)).toBe(
      'Error: no fonts needed for a workbook',
    );
    expect(started).toHaveLength(1);
  });

  it('fails the waiting export when the worker stops, and starts a new worker for the next', async () => {
    await workspaceRepository(database()).addExampleWorkspace(example, 'Test User');
    const started: { terminated: boolean }[] = [];
    let crash = true;
    const client = new ExportWorkerClient(() => inProcessWorker(started, crash));
    await expect(client.run({ ...subgroup, kind: 'xlsx' })).rejects.toThrow(
      'the export stopped unexpectedly',
    );
    expect(started[0]!.terminated).toBe(true);
    crash = false;
    await expect(client.run({ ...subgroup, kind: 'xlsx' })).resolves.toHaveProperty('fileName');
    expect(started).toHaveLength(2);
  });
});
