/*
 * The page's side of the restore worker: a worker for each restore, stopped once it answers. Should it
 * stop unexpectedly, the restore fails with a message; its one transaction means nothing was written.
 */
import type { RestoreRequest, RestoreResult } from './restore-job';

const startRestoreWorker = () =>
  new Worker(new URL('./restore-worker.ts', import.meta.url), { type: 'module', name: 'restore' });

export function restoreInWorker(
  request: RestoreRequest,
  startWorker: () => Worker = startRestoreWorker,
): Promise<RestoreResult> {
  const worker = startWorker();
  return new Promise<RestoreResult>((resolve) => {
    const stop = (result: RestoreResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<RestoreResult>) => stop(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      stop({ ok: false, unexpected: 'the restore stopped unexpectedly' });
    };
    worker.onmessageerror = () =>
      stop({ ok: false, unexpected: 'the restore sent back something unreadable' });
    // A copy: the page keeps the file's bytes, to try again with a passphrase.
    const bytes = request.bytes.slice();
    worker.postMessage({ ...request, bytes }, [bytes.buffer]);
  });
}
