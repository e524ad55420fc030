/*
 * A restore's work, wherever it runs: read the file through the backup door and, if it passes, replace
 * the workspace with its records in one transaction (the previous workspace kept as a snapshot). The
 * page runs it in the restore worker, so checking a 13 MB file and writing it never freezes the page;
 * in team mode (whose change hooks live in the page) and where there are no workers it runs in the page.
 * The worker can check a file as soon as it is chosen and write it when the user asks (checkBackup,
 * then replaceWith), so the restore itself waits only for the write.
 */
import type { BackupRecords } from '../../export/backup/backup-format';
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

/** What the page sends the restore worker: a whole restore, or a chosen file to check and then write. */
export type RestoreMessage =
  | ({ kind: 'restore' } & RestoreRequest)
  | { kind: 'check'; bytes: Uint8Array; library: BackupLibrary }
  | { kind: 'write'; takenAt: string };

/** A chosen file being checked in the restore worker, to be written when the user asks, or discarded. */
export interface PreparedRestore {
  /** The bytes it was started for (the page's own, not the worker's copy). */
  readonly bytes: Uint8Array;
  /** Writes the checked file (or answers with what is wrong with it); the worker stops after. */
  write(takenAt: string): Promise<RestoreResult>;
  discard(): void;
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

/** A file through the backup door, held until the user asks for it to be restored. */
export type CheckedBackup =
  { ok: true; records: BackupRecords; setAside: IssueMessage[] } | Exclude<RestoreResult, { ok: true }>;

/** Reads the file through the backup door; writes nothing. */
export async function checkBackup(
  bytes: Uint8Array,
  passphrase: string | undefined,
  library: BackupLibrary,
): Promise<CheckedBackup> {
  try {
    const { readBackupFile } = await import('../../import/backup/read-backup');
    const read = await readBackupFile(bytes, passphrase, library);
    if (!read.ok) return read;
    if (read.backup.sanitised) return { ok: false, messages: [SANITISED] };
    return { ok: true, records: read.backup.records, setAside: read.setAside };
  } catch (error) {
    return unexpected(error);
  }
}

/** Replaces the workspace with a checked file's records, in one transaction: if it fails, nothing was written. */
export async function replaceWith(
  checked: CheckedBackup,
  takenAt: string,
  repository: Pick<BackupRepository, 'replaceAllRecords'>,
): Promise<RestoreResult> {
  if (!checked.ok) return checked;
  try {
    await repository.replaceAllRecords(checked.records, takenAt);
  } catch (error) {
    return unexpected(error);
  }
  const r = checked.records;
  return {
    ok: true,
    setAside: checked.setAside,
    counts: {
      cycles: r.cycles.length,
      evidence: r.evidence.length,
      actions: r.actions.length,
      recommendations: r.recommendations.length,
      caseAudits: r.caseAudits.length,
    },
  };
}

export async function readAndReplace(
  request: RestoreRequest,
  repository: Pick<BackupRepository, 'replaceAllRecords'>,
): Promise<RestoreResult> {
  return replaceWith(
    await checkBackup(request.bytes, request.passphrase, request.library),
    request.takenAt,
    repository,
  );
}

const unexpected = (error: unknown): { ok: false; unexpected: string } => ({
  ok: false,
  unexpected: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
});
