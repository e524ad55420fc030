/*
 * A backup file's bytes: the workspace as JSON, or that JSON encrypted with a passphrase.
 */
import { encryptBackup } from './backup-crypto';
import type { WorkspaceBackup } from './backup-format';

export async function serialiseBackup(backup: WorkspaceBackup, passphrase?: string): Promise<Uint8Array> {
  const plain = new TextEncoder().encode(JSON.stringify(backup));
  if (!passphrase) return plain;
  const envelope = await encryptBackup(plain, passphrase, backup.exportedAt);
  return new TextEncoder().encode(JSON.stringify(envelope));
}
