/*
 * The page's side of the restore worker: a worker for each restore, stopped once it answers. Should it
 * stop unexpectedly, the restore fails with a message; its one transaction means nothing was written.
 * A chosen file can be checked at once (prepareRestoreInWorker) and written when the user asks.
 */
import type { BackupLibrary } from '../../import/backup/read-backup';
import type { PreparedRestore, RestoreMessage, RestoreRequest, RestoreResult } from './restore-job';

const startRestoreWorker = () =>
  new Worker(new URL('./restore-worker.ts', import.meta.url), { type: 'module', name: 'restore' });

/** The worker's one reply, after which it is stopped. */
function replyOf(worker: Worker): Promise<RestoreResult> {
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
  });
}

/** Sends the file's bytes as a copy: the page keeps them, to try again with a passphrase. */
function post(worker: Worker, message: RestoreMessage & { bytes: Uint8Array }): void {
  const bytes = message.bytes.slice();
  worker.postMessage({ ...message, bytes }, [bytes.buffer]);
}

export function restoreInWorker(
  request: RestoreRequest,
  startWorker: () => Worker = startRestoreWorker,
): Promise<RestoreResult> {
  const worker = startWorker();
  const reply = replyOf(worker);
  post(worker, { kind: 'restore', ...request });
  return reply;
}

/** Starts checking a chosen file in a worker of its own; the restore is written when asked for. */
export function prepareRestoreInWorker(
  bytes: Uint8Array,
  library: BackupLibrary,
  startWorker: () => Worker = startRestoreWorker,
): PreparedRestore {
  const worker = startWorker();
  const reply = replyOf(worker);
  post(worker, { kind: 'check', bytes, library });
  return {
    bytes,
    write(takenAt) {
      const message: RestoreMessage = { kind: 'write', takenAt };
      worker.postMessage(message);
      return reply;
    },
    discard: () => worker.terminate(),
  };
}
