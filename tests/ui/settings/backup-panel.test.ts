/*
 * Backups as the panel asks for them: a passphrase typed twice alike (or none), a protected backup
 * asking for its passphrase first, and the snapshot a restore keeps put back, with undo.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_TABLES, buildBackup, type BackupRecords } from '../../../src/export/backup/backup-format';
import { serialiseBackup } from '../../../src/export/backup/write-backup';
import { workbookDatabase } from '../../../src/storage/db';
import { registerRepository } from '../../../src/storage/repositories/register-repository';
import { backups, registers, settings } from '../../../src/state/services';
import BackupPanel from '../../../src/ui/settings/BackupPanel.svelte';
import MergePanel from '../../../src/ui/settings/MergePanel.svelte';
import { AUTHOR, makeEvidence } from '../../helpers/builders';

vi.setConfig({ testTimeout: 30_000 });

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Bea Backup', councilName: 'Northtown' });
  await registerRepository(db).saveEvidence(
    makeEvidence({ id: 'ev-here', title: 'Evidence here now' }),
    AUTHOR,
  );
  await registers.load();
  backups.dismissNotice();
});

const titles = async () => (await registerRepository(workbookDatabase()).listEvidence()).map((e) => e.title);

async function backupWith(title: string, passphrase?: string): Promise<File> {
  const evidence = [makeEvidence({ id: `ev-${title}`, title })];
  const records = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as BackupRecords;
  const backup = buildBackup(
    { ...records, evidence },
    { appVersion: '0.1.0', exportedAt: '2026-05-01T09:00:00.000Z' },
  );
  const bytes = await serialiseBackup(backup, passphrase);
  return new File([bytes as BlobPart], 'colleague.json', { type: 'application/json' });
}

describe('taking a backup', () => {
  it('asks for the passphrase twice and says when the two differ, downloading nothing', async () => {
    const user = userEvent.setup();
    const make = vi.spyOn(backups, 'makeBackup');
    render(BackupPanel);
    await user.type(screen.getByLabelText('Passphrase (optional)'), 'correct horse');
    await user.type(screen.getByLabelText('Type the passphrase again'), 'correct hose');
    await user.click(screen.getByRole('button', { name: 'Download a backup' }));

    const link = screen.getByRole('link', { name: 'The passphrases do not match: type the same one twice' });
    expect(link).toHaveAttribute('href', '#backup-passphrase-again');
    expect(link.closest('.govuk-error-summary')).toHaveFocus();
    expect(screen.getByLabelText('Type the passphrase again')).toHaveAccessibleDescription(
      'Error: The passphrases do not match: type the same one twice',
    );
    expect(make).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Type the passphrase again'));
    await user.click(screen.getByRole('button', { name: 'Download a backup' }));
    expect(screen.getByRole('link', { name: 'Type the passphrase again' })).toBeInTheDocument();
    expect(make).not.toHaveBeenCalled();
    make.mockRestore();
  });
});

describe('restoring a protected backup', () => {
  it('asks for its passphrase as soon as it is chosen, before any error', async () => {
    const user = userEvent.setup();
    const restore = vi.spyOn(backups, 'restore');
    render(BackupPanel);
    await user.upload(
      screen.getByLabelText('Choose a backup file'),
      await backupWith('Theirs', 'open sesame'),
    );
    const box = await screen.findByLabelText('Passphrase for colleague.json', {}, { timeout: 10_000 });
    expect(box).toHaveAccessibleDescription(/protected by a passphrase/);
    expect(document.querySelector('.govuk-error-summary')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(
      screen.getByRole('link', { name: 'Enter the passphrase colleague.json was saved with' }),
    ).toHaveAttribute('href', '#restore-passphrase');
    expect(restore).not.toHaveBeenCalled();

    await user.type(box, 'open sesame');
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(restore).toHaveBeenCalled());
    await waitFor(async () => expect(await titles()).toEqual(['Theirs']));
    restore.mockRestore();
  });
});

describe('the snapshot kept by a restore', () => {
  it('says there is none until a restore, then puts it back after a confirmation, and undoes that', async () => {
    const user = userEvent.setup();
    const view = render(BackupPanel);
    expect(await screen.findByText(/There is no snapshot yet/)).toBeInTheDocument();
    view.unmount();

    const file = await backupWith('Restored from a file');
    const outcome = await backups.restore(
      new Uint8Array(await file.arrayBuffer()),
      undefined,
      'colleague.json',
    );
    expect(outcome.ok).toBe(true);
    expect(await titles()).toEqual(['Restored from a file']);
    backups.dismissNotice();

    render(BackupPanel);
    const section = (await screen.findByRole('heading', { name: 'Snapshot from before the last restore' }))
      .parentElement!;
    await user.click(await within(section).findByRole('button', { name: 'Restore the snapshot…' }));
    expect(screen.getByRole('heading', { name: /^Restore the snapshot from / })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await titles()).toEqual(['Restored from a file']);

    await user.click(screen.getByRole('button', { name: 'Restore the snapshot…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, restore the snapshot' }));
    await waitFor(async () => expect(await titles()).toEqual(['Evidence here now']));
    await waitFor(() => expect(backups.notice?.heading).toMatch(/^Restored .* from the snapshot\.$/));

    await user.click(await screen.findByRole('button', { name: 'Undo the restore' }));
    await waitFor(async () => expect(await titles()).toEqual(['Restored from a file']));
  });
});

describe('merging a colleague’s backup', () => {
  it('shows a merge that fails, and keeps the workspace as it was', async () => {
    const user = userEvent.setup();
    vi.spyOn(backups, 'applyMerge').mockRejectedValueOnce(new Error('QuotaExceededError'));
    render(MergePanel);
    await user.upload(screen.getByLabelText('Choose a colleague’s backup'), await backupWith('Theirs'));
    await user.click(await screen.findByRole('button', { name: 'Merge' }, { timeout: 10_000 }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The file could not be merged (QuotaExceededError).');
    expect(summary).toHaveTextContent('Nothing was merged.');
    expect(await titles()).toEqual(['Evidence here now']);
  });
});
