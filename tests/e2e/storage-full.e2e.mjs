import { expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

export default {
  async 'when the browser runs out of space a change is refused with a clear message and nothing half-written'({
    page,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);
    await page.goto(`${baseUrl}#/self-assessment/evidence`);
    await settle(page);
    await page.getByRole('link', { name: 'Case audit summary, quarter 2' }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    const editUrl = page.url();

    // The disk is full: every IndexedDB write fails as browsers report it.
    await page.evaluate(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      window.__writes = { put: IDBObjectStore.prototype.put, add: IDBObjectStore.prototype.add };
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
    });
    await page.getByLabel('Title', { exact: true }).fill('Renamed while the disk is full');
    await page.getByLabel('Title', { exact: true }).blur();
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await alert.waitFor();
    expectTrue(
      (await alert.textContent()).includes('run out of storage space') &&
        (await alert.textContent()).includes('What you typed is still on the page'),
      await alert.textContent(),
    );
    expectEqual(
      await page.getByLabel('Title', { exact: true }).inputValue(),
      'Renamed while the disk is full',
      'typed text kept on the page',
    );

    // Space is freed; the stored record was never half-changed, and saving again works.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = window.__writes.put;
      IDBObjectStore.prototype.add = window.__writes.add;
    });
    await page.goto(editUrl);
    await page.reload();
    await settle(page);
    expectEqual(
      await page.getByLabel('Title', { exact: true }).inputValue(),
      'Case audit summary, quarter 2',
      'the stored record is as it was',
    );
    await page.getByLabel('Title', { exact: true }).fill('Renamed once there was space');
    await page.getByLabel('Title', { exact: true }).blur();
    await page.getByText(/^Saved at/).waitFor();
  },

  async 'closing the tab while typing keeps what was typed'({ page, context, baseUrl }) {
    await loadExample(page, baseUrl);
    const criterion = `${page.url()}/criteria/hp-front-door`;
    const typing = await context.newPage();
    await typing.goto(criterion);
    await settle(typing);
    // A write that never finishes, as when the tab is gone before IndexedDB commits: only the note
    // of writes in flight (state/write-journal.ts) can keep the text.
    await typing.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        return {};
      };
    });
    await typing.getByLabel('Strengths').fill('The last words before the tab was closed');
    // Closed at once: no pause for the autosave, no leaving the field.
    await typing.close({ runBeforeUnload: true });
    await page.goto(criterion);
    await page.reload();
    await settle(page);
    expectEqual(
      await page.getByLabel('Strengths').inputValue(),
      'The last words before the tab was closed',
      'text typed just before closing the tab',
    );
  },
};
