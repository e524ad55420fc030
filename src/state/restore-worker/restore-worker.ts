/*
 * Runs in a Web Worker: one restore (restore-job.ts), reading the file and writing IndexedDB itself, so
 * the page stays responsive however large the backup. Either the whole restore is asked for at once, or
 * the file is checked as soon as it is chosen and written when the user asks. It posts one reply, for
 * the restore, and is then stopped.
 */
import { openWorkbookDatabase } from '../../storage/db';
import { backupRepository } from '../../storage/repositories/backup-repository';
import {
  checkBackup,
  readAndReplace,
  replaceWith,
  type CheckedBackup,
  type RestoreMessage,
  type RestoreResult,
} from './restore-job';

const repository = backupRepository(openWorkbookDatabase());
let checked: Promise<CheckedBackup> | undefined;

const reply = (result: Promise<RestoreResult>) => void result.then((r) => self.postMessage(r));

self.onmessage = (event: MessageEvent<RestoreMessage>) => {
  const message = event.data;
  if (message.kind === 'check') checked = checkBackup(message.bytes, undefined, message.library);
  else if (message.kind === 'write')
    reply(
      checked
        ? checked.then((c) => replaceWith(c, message.takenAt, repository))
        : Promise.resolve({ ok: false, unexpected: 'the file to restore was not checked first' }),
    );
  else reply(readAndReplace(message, repository));
};
