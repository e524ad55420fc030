import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { cyclesRepository } from '../../../src/storage/repositories/cycles-repository';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { BACKUP_REMINDER_KEY } from '../../../src/state/settings-manager.svelte';
import { backups, cycles, registers, saveStatus, settings } from '../../../src/state/services';
import BackupReminder from '../../../src/ui/shell/BackupReminder.svelte';
import { shippedFramework } from '../../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');
const DAY = 86_400_000;
const START = new Date('2025-06-02T09:00:00.000Z');

function at(days: number) {
  vi.setSystemTime(new Date(START.getTime() + days * DAY));
}

/** Records that came in around the save queue, as the example and a restore do. */
async function recordsFromOutside() {
  const bundle = startCycle({
    framework,
    startYear: 2024,
    author: { by: 'Principal Social Worker', now: START.toISOString() },
    makeId: () => crypto.randomUUID(),
  });
  await cyclesRepository(workbookDatabase()).addCycle(bundle);
  await cycles.load();
}

function showReminder() {
  const page = render(BackupReminder);
  const shown = screen.queryByRole('region', { name: 'Important' }) !== null;
  page.unmount();
  return shown;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at(0);
  localStorage.clear();
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await cycles.reload();
  await registers.load();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the backup reminder', () => {
  it('waits for a change the user made: the example or a restore alone is nothing new to back up', async () => {
    await recordsFromOutside();
    await settings.save({ userName: 'Sam Example', councilName: 'Northtown' });
    await saveStatus.idle();
    at(30);
    expect(settings.backupReminder.firstChangeAt).toBeUndefined();
    expect(showReminder()).toBe(false);
  });

  it('appears a day after the first real change, and not before', async () => {
    const outcome = await cycles.create(framework, 2025);
    expect(outcome.ok).toBe(true);
    expect(settings.backupReminder.firstChangeAt).toBe(START.toISOString());
    at(0.5);
    expect(showReminder()).toBe(false);
    at(1);
    expect(showReminder()).toBe(true);
    expect(screen.queryByText(/not taken a backup yet/)).toBeNull();
  });

  it('keeps the first real change when later ones come', async () => {
    await cycles.create(framework, 2025);
    at(3);
    await registers.saveEvidence({ ...registers.newEvidence(), title: 'Dip sample' });
    await saveStatus.idle();
    expect(settings.backupReminder.firstChangeAt).toBe(START.toISOString());
  });

  it('says when the last backup was, and stays away for a week after one', async () => {
    await cycles.create(framework, 2025);
    at(2);
    await backups.makeBackup();
    at(8);
    expect(showReminder()).toBe(false);
    at(10);
    render(BackupReminder);
    expect(screen.getByRole('region', { name: 'Important' }).textContent).toMatch(
      /Your last backup was on 04\/06\/2025/,
    );
  });

  it('“Remind me later” lasts a week, and survives a reload', async () => {
    const user = userEvent.setup({ advanceTimers: () => undefined });
    await cycles.create(framework, 2025);
    at(2);
    render(BackupReminder);
    expect(screen.getByText(/you have not taken a backup yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remind me later' }));
    expect(screen.queryByRole('region', { name: 'Important' })).toBeNull();
    expect(JSON.parse(localStorage.getItem(BACKUP_REMINDER_KEY)!)).toEqual({
      firstChangeAt: START.toISOString(),
      remindLaterAt: new Date(START.getTime() + 2 * DAY).toISOString(),
    });

    await settings.load(); // what a reload reads
    at(8.9);
    expect(showReminder()).toBe(false);
    at(9);
    expect(showReminder()).toBe(true);
  });

  it('ignores a damaged stored reminder rather than fail', async () => {
    localStorage.setItem(BACKUP_REMINDER_KEY, '{not json');
    await settings.load();
    expect(settings.backupReminder).toEqual({});
    localStorage.setItem(BACKUP_REMINDER_KEY, JSON.stringify({ firstChangeAt: 7, remindLaterAt: null }));
    await settings.load();
    expect(settings.backupReminder).toEqual({});
  });
});
