/*
 * The door for backup files: size limit → parse → encrypted? (needs the passphrase) → identify
 * format and version → validate (precompiled schema) → check the imported frameworks, then keys,
 * references, grades and dates against them. Returns the records only when nothing is wrong (less any
 * dangling link it set aside, listed); a refused file changes nothing.
 */
import shippedIndex from '../../../public/frameworks/index.json';
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
import { describeIssue, type IssueMessage } from '../../validation/messages';
import { frameworkKey } from '../../domain/framework/lookup';
import type { Framework } from '../../domain/framework/types';
import { isRealDateTime } from '../../domain/workspace/limits';
import { readFrameworkValue } from '../framework/import-framework';
import { parseJsonFile } from '../../validation/json-file';
import { backupNamer, recordName } from './backup-namer';
import { checkBackupRecords, type FrameworkLookup } from './backup-references';
import { sniffFile } from '../sniff';
import { fromBase64 } from '../../export/base64';

export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export type BackupRead =
  | { ok: true; backup: WorkspaceBackup; setAside: IssueMessage[] }
  | { ok: false; needsPassphrase?: boolean; messages: IssueMessage[] };

/**
 * The frameworks the app ships, as the framework door read them (src/import/framework/shipped.ts).
 * Without them the door still knows which ids and versions are shipped (from their index), but cannot
 * check records against a shipped framework's criteria, grades, tools and rules.
 */
export interface BackupLibrary {
  shipped: readonly Framework[];
}

/** Keys of the frameworks the app ships, from the same index the app loads them by. */
const SHIPPED_KEYS: ReadonlySet<string> = new Set(
  shippedIndex.frameworks.map((f) => frameworkKey({ id: f.id, version: f.version })),
);

const fail = (text: string, location = 'The file'): BackupRead => ({
  ok: false,
  messages: [{ severity: 'error', location, text }],
});

export async function readBackupFile(
  bytes: Uint8Array,
  passphrase?: string,
  library?: BackupLibrary,
): Promise<BackupRead> {
  const sniffed = sniffFile(bytes, 'json');
  if (sniffed) return { ok: false, messages: [sniffed] };
  const parsed = parseJsonFile(bytes, MAX_BACKUP_BYTES);
  if (!parsed.ok)
    return { ok: false, messages: parsed.issues.map((i) => describeIssue(i, backupNamer(undefined))) };
  const value = parsed.value as Record<string, unknown> | null;
  if (value && typeof value === 'object' && value['formatName'] === ENCRYPTED_FORMAT_NAME) {
    return readEncrypted(value, passphrase, library);
  }
  return readBackupValue(parsed.value, library);
}

async function readEncrypted(
  value: Record<string, unknown>,
  passphrase: string | undefined,
  library: BackupLibrary | undefined,
): Promise<BackupRead> {
  if (!validateWorkspaceBackupEncrypted(value)) {
    const issues = issuesFromAjv(validateWorkspaceBackupEncrypted.errors ?? [], value, encryptedSchema);
    return { ok: false, messages: issues.map((i) => describeIssue(i, backupNamer(value))) };
  }
  // A damaged envelope is a damaged file, never a wrong passphrase to be asked for again and again.
  if (!hasWholeIv(value as unknown as EncryptedEnvelope)) return fail(DAMAGED_ENCRYPTION);
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
  // The app never encrypts twice: an encrypted backup inside one would ask for a passphrase forever.
  const inner = parseJsonFile(plain, MAX_BACKUP_BYTES);
  if (inner.ok && (inner.value as Record<string, unknown> | null)?.['formatName'] === ENCRYPTED_FORMAT_NAME)
    return fail(DAMAGED_ENCRYPTION);
  return readBackupFile(plain, undefined, library);
}

const DAMAGED_ENCRYPTION =
  'is damaged: its encryption is not as this app writes it, so no passphrase can open it. Use another copy of the backup.';

/** AES-GCM as the app writes it uses a 12-byte initialisation vector. */
function hasWholeIv(envelope: EncryptedEnvelope): boolean {
  try {
    return fromBase64(envelope.cipher.iv).length === 12;
  } catch {
    return false;
  }
}

export function readBackupValue(value: unknown, library?: BackupLibrary): BackupRead {
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
  value = withTablesAddedLater(value as Record<string, unknown>);
  if (!validateWorkspaceBackup(value)) {
    const issues = issuesFromAjv(validateWorkspaceBackup.errors ?? [], value, backupSchema).slice(0, 50);
    return { ok: false, messages: issues.map((i) => describeIssue(i, backupNamer(value))) };
  }
  const backup = value as unknown as WorkspaceBackup;
  if (!isRealDateTime(backup.exportedAt))
    return fail(`says it was made on “${backup.exportedAt}”, which is not a real date and time.`);
  const frameworks = checkImportedFrameworks(backup, library);
  if (frameworks.errors.length) return { ok: false, messages: frameworks.errors.slice(0, 50) };
  const checked = checkBackupRecords(backup.records, frameworks.lookup);
  if (checked.errors.length) return { ok: false, messages: checked.errors.slice(0, 50) };
  return { ok: true, backup: { ...backup, records: checked.records }, setAside: checked.setAside };
}

/**
 * Backups from before the scorecard, the rehearsals or comments lack those tables; they simply have
 * none. A copy, so the file read is never changed.
 */
function withTablesAddedLater(value: Record<string, unknown>): Record<string, unknown> {
  const records = value['records'];
  if (!records || typeof records !== 'object' || Array.isArray(records)) return value;
  const added = ['indicators', 'rehearsals', 'notificationItems', 'comments'].filter(
    (table) => (records as Record<string, unknown>)[table] === undefined,
  );
  if (added.length === 0) return value;
  return { ...value, records: { ...records, ...Object.fromEntries(added.map((t) => [t, []])) } };
}

/**
 * Each imported framework passes the framework door and is filed under its own id and version; a
 * copy of a shipped one must be the shipped one, since the app always uses its own copy.
 */
function checkImportedFrameworks(
  backup: WorkspaceBackup,
  library: BackupLibrary | undefined,
): { errors: IssueMessage[]; lookup: FrameworkLookup } {
  const errors: IssueMessage[] = [];
  const shipped = new Map((library?.shipped ?? []).map((f) => [frameworkKey(f), f]));
  const imported = new Map<string, Framework>();
  backup.records.frameworks.forEach((stored, i) => {
    const where = recordName('frameworks', i, stored);
    const read = readFrameworkValue(stored.framework);
    if (!read.ok) {
      const why = read.messages[0];
      errors.push(
        error(
          where,
          `is not a valid framework: ${why ? `${why.location}: ${why.text}` : 'it failed its checks.'}`,
        ),
      );
      return;
    }
    const framework = read.framework;
    const key = frameworkKey(framework);
    if (stored.key !== key || stored.frameworkId !== framework.id || stored.version !== framework.version) {
      errors.push(
        error(
          where,
          `is filed as “${stored.key}” (${stored.frameworkId} version ${stored.version}), but the framework in it is “${framework.id}” version ${framework.version}. The file was changed after it was saved.`,
        ),
      );
      return;
    }
    const original = shipped.get(key);
    if (original && canonical(original) !== canonical(framework)) {
      errors.push(
        error(
          where,
          `is a changed copy of the shipped framework ${original.shortTitle} version ${original.version}. The app always uses its own copy of a shipped framework, so records made with this one would not match it. Give the changed framework its own id, or a higher version.`,
        ),
      );
      return;
    }
    imported.set(key, framework);
  });
  const known = new Set([...SHIPPED_KEYS, ...shipped.keys(), ...imported.keys()]);
  // As the framework library does: a shipped framework is used in place of a stored copy of it.
  const content = new Map([...imported, ...shipped]);
  return {
    errors,
    lookup: {
      has: (key) => known.has(key),
      get: (key) => content.get(key),
      all: () => ([...known].every((key) => content.has(key)) ? [...content.values()] : undefined),
    },
  };
}

function error(location: string, text: string): IssueMessage {
  return { severity: 'error', location, text };
}

/** JSON with every object's keys in order, so two copies of one framework compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
