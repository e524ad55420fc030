/*
 * The page's side of the export worker: one worker, started on the first export and kept for the next,
 * each request answered by its job number. Should the worker stop unexpectedly, every export waiting
 * on it fails with a message and the next export starts a new worker.
 */
import type { ExportFile, ExportStep, StepListener } from './export-files';
import type { ExportJob, ExportReply } from './export-jobs';

const startExportWorker = () =>
  new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module', name: 'export' });

interface Waiting {
  onStep: StepListener;
  resolve: (file: ExportFile) => void;
  reject: (error: Error) => void;
}

export class ExportWorkerClient {
  #worker: Worker | undefined;
  #waiting = new Map<number, Waiting>();
  #nextJob = 1;

  constructor(private readonly startWorker: () => Worker = startExportWorker) {}

  /** Makes the file in the worker; `onStep` hears each step as the worker reaches it. */
  run(job: ExportJob, onStep: StepListener = () => undefined): Promise<ExportFile> {
    const worker = this.#started();
    const id = this.#nextJob++;
    return new Promise<ExportFile>((resolve, reject) => {
      this.#waiting.set(id, { onStep, resolve, reject });
      worker.postMessage({ ...job, job: id });
    });
  }

  /** Starts the worker ahead of an export (the pointer or focus is on the buttons), so the click waits less. */
  warmUp(): void {
    this.#started();
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.startWorker();
    worker.onmessage = (event: MessageEvent<ExportReply>) => this.#answer(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#stop('the export stopped unexpectedly');
    };
    worker.onmessageerror = () => this.#stop('the export sent back something unreadable');
    this.#worker = worker;
    return worker;
  }

  #answer(reply: ExportReply): void {
    const waiting = this.#waiting.get(reply.job);
    if (!waiting) return;
    if (reply.type === 'progress') return waiting.onStep(reply.step);
    this.#waiting.delete(reply.job);
    if (reply.type === 'done') waiting.resolve({ fileName: reply.fileName, bytes: reply.bytes });
    else waiting.reject(new Error(reply.message));
  }

  #stop(problem: string): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const waiting of this.#waiting.values()) waiting.reject(new Error(problem));
    this.#waiting.clear();
  }
}

/** What the page says while an export runs, after "Preparing the PDF: ". */
export const EXPORT_STEP_WORDS: Record<ExportStep, string> = {
  reading: 'reading your workspace (step 1 of 3)',
  building: 'working out the figures (step 2 of 3)',
  rendering: 'writing the file (step 3 of 3)',
};
