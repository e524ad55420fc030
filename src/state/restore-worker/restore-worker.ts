/*
 * Runs in a Web Worker: one restore (restore-job.ts), reading the file and writing IndexedDB itself, so
 * the page stays responsive however large the backup. It posts one reply and is then stopped.
 */
import { openWorkbookDatabase } from '../../storage/db';
import { backupRepository } from '../../storage/repositories/backup-repository';
import { readAndReplace, type RestoreRequest } from './restore-job';

const repository = backupRepository(openWorkbookDatabase());

self.onmessage = (event: MessageEvent<RestoreRequest>) => {
  void readAndReplace(event.data, repository).then((reply) => self.postMessage(reply));
};
