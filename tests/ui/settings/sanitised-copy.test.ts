import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { workbookDatabase } from '../../../src/storage/db';
import { cyclesRepository } from '../../../src/storage/repositories/cycles-repository';
import { cycles, settings } from '../../../src/state/services';
import MergePanel from '../../../src/ui/settings/MergePanel.svelte';
import { shippedFramework } from '../../helpers/frameworks';

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  const bundle = startCycle({
    framework: shippedFramework('ilacs-2023'),
    startYear: 2025,
    author: { by: 'Sam Example', now: '2025-06-02T09:00:00.000Z' },
    makeId: () => crypto.randomUUID(),
  });
  await cyclesRepository(db).addCycle(bundle);
  await cycles.reload();
});

describe('sharing a sanitised copy', () => {
  it('shows what the copy leaves out before it is downloaded', async () => {
    const user = userEvent.setup();
    const created = vi.fn((_blob: Blob) => 'blob:copy');
    // jsdom has no object URLs; the download is caught at the link's click.
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(MergePanel);

    await user.click(screen.getByRole('button', { name: 'Prepare a sanitised copy' }));
    const names = await screen.findByText('Names replaced');
    const list = names.closest('dl')!;
    expect(within(list).getByText(/^\d+ names?, of 1 person, now “Colleague 1”/)).toBeInTheDocument();
    expect(within(list).getByText('Redacted in the text kept')).toBeInTheDocument();
    expect(click).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Download the sanitised copy' }));
    expect(click).toHaveBeenCalledTimes(1);
    const text = await created.mock.calls[0]![0].text();
    expect(text).toContain('"sanitised":true');
    expect(text).not.toContain('Sam Example');
    expect(screen.getByRole('status')).toHaveTextContent(
      /Sanitised copy for sharing .*\.json has been downloaded\./,
    );
    expect(screen.queryByText('Names replaced')).not.toBeInTheDocument();
  });
});
