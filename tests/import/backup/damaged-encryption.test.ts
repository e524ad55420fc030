// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { encryptBackup } from '../../../src/export/backup/backup-crypto';
import { buildBackup } from '../../../src/export/backup/backup-format';
import { serialiseBackup } from '../../../src/export/backup/write-backup';
import { readBackupFile } from '../../../src/import/backup/read-backup';
import { demoBackupRecords } from '../../helpers/demo-backup';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const PASSPHRASE = 'a long shared passphrase';

async function protectedBackup(): Promise<Uint8Array> {
  const backup = buildBackup(demoBackupRecords(), {
    appVersion: 't',
    exportedAt: '2026-12-01T09:00:00.000Z',
  });
  return serialiseBackup(backup, PASSPHRASE);
}

describe('a protected backup that no passphrase can open', () => {
  it('says a backup encrypted twice is damaged, instead of asking for a passphrase again', async () => {
    const twice = encode(
      await encryptBackup(await protectedBackup(), PASSPHRASE, '2026-12-01T09:00:00.000Z'),
    );
    const read = await readBackupFile(twice, PASSPHRASE);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.needsPassphrase).toBeFalsy();
    expect(read.messages[0]!.text).toContain('is damaged');
  }, 30_000);

  it.each(['', 'AAAA', '!!not base64!!'])(
    'calls an empty or damaged initialisation vector (%j) damaged, not a wrong passphrase',
    async (iv) => {
      const envelope = JSON.parse(new TextDecoder().decode(await protectedBackup())) as {
        cipher: { iv: string };
      };
      envelope.cipher.iv = iv;
      const read = await readBackupFile(encode(envelope), PASSPHRASE);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.needsPassphrase).toBeFalsy();
      expect(read.messages.map((m) => m.text).join(' ')).toMatch(/damaged|must/);
    },
    30_000,
  );

  it('still opens a protected backup with the right passphrase', async () => {
    const read = await readBackupFile(await protectedBackup(), PASSPHRASE);
    expect(read.ok).toBe(true);
  }, 30_000);
});
