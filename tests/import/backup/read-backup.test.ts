// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildBackup } from '../../../src/export/backup/backup-format';
import { serialiseBackup } from '../../../src/export/backup/write-backup';
import { readBackupFile } from '../../../src/import/backup/read-backup';
import { demoBackupRecords } from '../../helpers/demo-backup';

const details = { appVersion: '0.1.0', exportedAt: '2026-11-24T10:00:00.000Z' };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('reading a backup', () => {
  it('reads back exactly what was written', async () => {
    const backup = buildBackup(demoBackupRecords(), details);
    const read = await readBackupFile(await serialiseBackup(backup));
    expect(read).toEqual({ ok: true, backup, setAside: [] });
  });

  it('opens a passphrase-protected backup only with the right passphrase', async () => {
    const backup = buildBackup(demoBackupRecords(), details);
    const file = await serialiseBackup(backup, 'correct horse battery staple');
    const envelope = JSON.parse(new TextDecoder().decode(file));
    expect(envelope).toMatchObject({
      formatName: 'readiness-workspace-encrypted',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 },
      cipher: { name: 'AES-GCM' },
    });
    expect(new TextDecoder().decode(file)).not.toContain('Exampleshire');

    const without = await readBackupFile(file);
    expect(without).toMatchObject({ ok: false, needsPassphrase: true });
    const wrong = await readBackupFile(file, 'Correct horse battery staple');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.messages[0]!.text).toContain('does not open this backup');
    expect(await readBackupFile(file, 'correct horse battery staple')).toEqual({
      ok: true,
      backup,
      setAside: [],
    });
  });

  it('refuses an altered encrypted file', async () => {
    const envelope = JSON.parse(
      new TextDecoder().decode(await serialiseBackup(buildBackup(demoBackupRecords(), details), 'pass')),
    );
    envelope.data = envelope.data.slice(0, -8) + 'AAAAAAA=';
    expect((await readBackupFile(bytes(envelope), 'pass')).ok).toBe(false);
  });

  it('refuses a newer format, a framework file and something else, saying what it is', async () => {
    const newer = await readBackupFile(
      bytes({ ...buildBackup(demoBackupRecords(), details), formatVersion: 99 }),
    );
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.messages[0]!.text).toContain('newer version of Readiness Workbook');
    const framework = await readBackupFile(bytes({ formatName: 'readiness-framework', formatVersion: 1 }));
    if (!framework.ok) expect(framework.messages[0]!.text).toContain('is a framework file, not a backup');
    const other = await readBackupFile(bytes([1, 2, 3]));
    expect(other.ok).toBe(false);
  });

  it('locates a broken record in the user’s terms', async () => {
    const backup = buildBackup(demoBackupRecords(), details);
    (backup.records.evidence[1] as unknown as Record<string, unknown>).type = 'gossip';
    const read = await readBackupFile(bytes(backup));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.messages[0]!.location).toContain('Evidence item 2');
      expect(read.messages[0]!.location).toContain(backup.records.evidence[1]!.title.slice(0, 20));
    }
  });

  it('refuses duplicate ids and records pointing at missing ones', async () => {
    const backup = buildBackup(demoBackupRecords(), details);
    backup.records.evidence.push({ ...backup.records.evidence[0]! });
    backup.records.narratives[0]!.cycleId = 'no-such-cycle';
    const read = await readBackupFile(bytes(backup));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      const texts = read.messages.map((m) => m.text).join(' ');
      expect(texts).toContain(`has the id “${backup.records.evidence[0]!.id}”, which evidence item 1`);
      expect(texts).toContain('“no-such-cycle”, which is not in the file');
    }
  });
});
