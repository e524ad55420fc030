/*
 * The door for backup files: size limit → parse → encrypted? (needs the passphrase) → identify
 * format and version → validate (precompiled schema) → check ids and references and imported
 * frameworks. Returns the records only when nothing is wrong; a refused file changes nothing.
 */
import backupSchema from '../../../schemas/workspace-backup.schema.json';
import encryptedSchema from '../../../schemas/workspace-backup-encrypted.schema.json';
import { decryptBackup, type EncryptedEnvelope } from '../../export/backup/backup-crypto';
import {
  BACKUP_FORMAT_NAME,
  BACKUP_FORMAT_VERSION,
  ENCRYPTED_FORMAT_NAME,
  type WorkspaceBackup,
} from '../../export/backup/backup-format';
import { issuesFromAjv } from '../../validation/ajv-issues';
import {
  validateWorkspaceBackup,
  validateWorkspaceBackupEncrypted,
} from '../../validation/generated/validators.js';
import { issue } from '../../validation/issue';
import { parseJsonText } from '../../validation/json-text';
import { describeIssue, type IssueMessage } from '../../validation/messages';
import { readFrameworkValue } from '../framework/import-framework';
import { backupNamer } from './backup-namer';
import { checkBackupReferences } from './backup-references';

export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export type BackupRead =
  { ok: true; backup: WorkspaceBackup } | { ok: false; needsPassphrase?: boolean; messages: IssueMessage[] };

const fail = (text: string, location = 'The file'): BackupRead => ({
  ok: false,
  messages: [{ severity: 'error', location, text }],
});

export async function readBackupFile(bytes: Uint8Array, passphrase?: string): Promise<BackupRead> {
  const parsed = parseJsonText(bytes, MAX_BACKUP_BYTES);
  if (!parsed.ok)
    return { ok: false, messages: parsed.issues.map((i) => describeIssue(i, backupNamer(undefined))) };
  const value = parsed.value as Record<string, unknown> | null;
  if (value && typeof value === 'object' && value['formatName'] === ENCRYPTED_FORMAT_NAME) {
    return readEncrypted(value, passphrase);
  }
  return readBackupValue(parsed.value);
}

async function readEncrypted(
  value: Record<string, unknown>,
  passphrase: string | undefined,
): Promise<BackupRead> {
  if (!validateWorkspaceBackupEncrypted(value)) {
    const issues = issuesFromAjv(validateWorkspaceBackupEncrypted.errors ?? [], value, encryptedSchema);
    return { ok: false, messages: issues.map((i) => describeIssue(i, backupNamer(value))) };
  }
  if (!passphrase) {
    return {
      ok: false,
      needsPassphrase: true,
      messages: [
        {
          severity: 'error',
          location: 'The file',
          text: 'is protected by a passphrase. Enter the passphrase it was saved with.',
        },
      ],
    };
  }
  const plain = await decryptBackup(value as unknown as EncryptedEnvelope, passphrase);
  if (!plain) {
    return {
      ok: false,
      needsPassphrase: true,
      messages: [
        {
          severity: 'error',
          location: 'The passphrase',
          text: 'does not open this backup. Check it (passphrases are case-sensitive) and try again. If the file was changed after it was saved, it cannot be opened.',
        },
      ],
    };
  }
  return readBackupFile(plain);
}

export function readBackupValue(value: unknown): BackupRead {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return fail('is not a Readiness Workbook backup.');
  const { formatName, formatVersion } = value as Record<string, unknown>;
  if (formatName === 'readiness-framework')
    return fail('is a framework file, not a backup. Import it in Frameworks.');
  if (formatName !== BACKUP_FORMAT_NAME)
    return fail('is not a Readiness Workbook backup (its “formatName” is not “readiness-workspace”).');
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      messages: [
        describeIssue(
          issue('format-version-newer', ['formatVersion'], {
            found: formatVersion,
            supported: BACKUP_FORMAT_VERSION,
          }),
          backupNamer(value),
        ),
      ],
    };
  }
  const records = (value as { records?: Record<string, unknown> }).records;
  // Backups from before the scorecard or the rehearsals lack those tables; they simply have none.
  if (records && typeof records === 'object') {
    for (const table of ['indicators', 'rehearsals', 'notificationItems'])
      if (records[table] === undefined) records[table] = [];
  }
  if (!validateWorkspaceBackup(value)) {
    const issues = issuesFromAjv(validateWorkspaceBackup.errors ?? [], value, backupSchema).slice(0, 50);
    return { ok: false, messages: issues.map((i) => describeIssue(i, backupNamer(value))) };
  }
  const backup = value as unknown as WorkspaceBackup;
  const problems = [...checkBackupReferences(backup), ...checkImportedFrameworks(backup)];
  return problems.length ? { ok: false, messages: problems.slice(0, 50) } : { ok: true, backup };
}

function checkImportedFrameworks(backup: WorkspaceBackup): IssueMessage[] {
  return backup.records.frameworks.flatMap((stored, i) => {
    const read = readFrameworkValue(stored.framework);
    if (read.ok) return [];
    return [
      {
        severity: 'error' as const,
        location: `Imported framework ${i + 1} (${stored.key})`,
        text: `is not a valid framework: ${read.messages[0]?.text ?? 'it failed its checks'}.`,
      },
    ];
  });
}
