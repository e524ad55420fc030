/*
 * A restore's work, wherever it runs: read the file through the backup door and, if it passes, replace
 * the workspace with its records in one transaction (the previous workspace kept as a snapshot). The
 * page runs it in the restore worker, so checking a 13 MB file and writing it never freezes the page;
 * in team mode (whose change hooks live in the page) and where there are no workers it runs in the page.
 */
import type { BackupLibrary } from '../../import/backup/read-backup';
import type { BackupRepository } from '../../storage/repositories/backup-repository';
import type { IssueMessage } from '../../validation/messages';

export interface RestoreRequest {
  bytes: Uint8Array;
  passphrase?: string;
  library: BackupLibrary;
  /** When the snapshot of the workspace being replaced was taken (an ISO time). */
  takenAt: string;
}

/** How many of each kind of record came in, for the notice after a restore. */
export interface RestoredCounts {
  cycles: number;
  evidence: number;
  actions: number;
  recommendations: number;
  caseAudits: number;
}

export type RestoreResult =
  | { ok: true; counts: RestoredCounts; setAside: IssueMessage[] }
  | { ok: false; needsPassphrase?: boolean; messages: IssueMessage[] }
  /** Something no file should cause (the browser's storage failed): its reason, for the message. */
  | { ok: false; unexpected: string };

const SANITISED: IssueMessage = {
  severity: 'error',
  location: 'The file',
  text: 'is a sanitised copy made for sharing: it has no case references or free text, so it cannot replace a workspace.',
};

export async function readAndReplace(
  request: RestoreRequest,
  repository: Pick<BackupRepository, 'replaceAllRecords'>,
): Promise<RestoreResult> {
  try {
    const { readBackupFile } = await import('../../import/backup/read-backup');
    const read = await readBackupFile(request.bytes, request.passphrase, request.library);
    if (!read.ok) return read;
    if (read.backup.sanitised) return { ok: false, messages: [SANITISED] };
    // One transaction: if it fails, nothing was written.
    await repository.replaceAllRecords(read.backup.records, request.takenAt);
    const r = read.backup.records;
    return {
      ok: true,
      setAside: read.setAside,
      counts: {
        cycles: r.cycles.length,
        evidence: r.evidence.length,
        actions: r.actions.length,
        recommendations: r.recommendations.length,
        caseAudits: r.caseAudits.length,
      },
    };
  } catch (error) {
    return {
      ok: false,
      unexpected: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
