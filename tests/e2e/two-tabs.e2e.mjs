import { expectEqual, loadExample, settle } from './harness.mjs';

export default {
  async 'two tabs on the same workspace stay consistent, and typing in one is never overwritten'({
    page,
    context,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);
    const overview = new URL(page.url()).hash;

    const other = await context.newPage();
    await other.goto(`${baseUrl}#/self-assessment/evidence`);
    await settle(other);
    await other.getByRole('link', { name: 'Case audit summary, quarter 2' }).waitFor();

    // A change in the first tab appears in the second without reloading it.
    await page.goto(`${baseUrl}#/self-assessment/evidence`);
    await settle(page);
    await page.getByRole('link', { name: 'Case audit summary, quarter 2' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Case audit summary, quarter 2 (moderated)');
    await page.getByLabel('Title', { exact: true }).blur();
    await page.getByText(/^Saved at/).waitFor();
    await other.getByRole('link', { name: 'Case audit summary, quarter 2 (moderated)' }).waitFor();

    // Someone typing in the second tab keeps their text while the first tab grades the same criterion.
    await other.goto(`${baseUrl}${overview}/criteria/hp-front-door`);
    await settle(other);
    await other.getByLabel('Strengths').fill('Typed in the second tab, not yet left.');
    await page.goto(`${baseUrl}${overview}/criteria/hp-front-door`);
    await settle(page);
    await page.getByLabel('Outstanding', { exact: true }).check();
    await page.getByText(/^Saved at/).waitFor();
    await other.waitForFunction(
      () => document.querySelector('input[type=radio][value="outstanding"]')?.checked === true,
    );
    expectEqual(
      await other.getByLabel('Strengths').inputValue(),
      'Typed in the second tab, not yet left.',
      'typing kept in the second tab',
    );
    await other.getByLabel('Strengths').blur();
    await other.getByText(/^Saved at/).waitFor();
    await page.reload();
    await settle(page);
    expectEqual(
      await page.getByLabel('Strengths').inputValue(),
      'Typed in the second tab, not yet left.',
      'both changes kept: the second tab’s strengths',
    );
    expectEqual(
      await page.getByLabel('Outstanding', { exact: true }).isChecked(),
      true,
      'and the first tab’s grade',
    );
    await other.close();
  },
};
