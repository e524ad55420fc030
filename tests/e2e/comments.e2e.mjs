import { mkdirSync, readFileSync } from 'node:fs';
import * as XLSX from 'xlsx/xlsx.mjs';
import { axeViolations } from './axe.mjs';
import { expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

const OUT = 'test-results/e2e-downloads';

export default {
  async 'a colleague comments on a criterion with a mention, gets a reply, resolves it, and finds it in the workbook'({
    page,
    baseUrl,
  }) {
    mkdirSync(OUT, { recursive: true });
    await loadExample(page, baseUrl);
    await settle(page);
    const overview = new URL(page.url()).hash;
    await page.locator('.govuk-task-list').first().locator('.govuk-task-list__link').first().click();
    await settle(page);
    await page.locator(`main a[href^="${overview}/criteria/"]`).first().click();
    await settle(page);
    const criterionPage = page.url();
    const panel = page.getByRole('region', { name: 'Comments' });
    await panel.getByRole('button', { name: 'Add comment' }).click();
    await page.getByRole('link', { name: 'Enter a comment' }).waitFor();

    await panel
      .getByLabel('Add a comment')
      .fill('Can @Head of Leaving Care check the audit figures?\n\nThey look low.');
    await panel.getByRole('button', { name: 'Add comment' }).click();
    await panel.getByText('1 open comment', { exact: false }).waitFor();
    expectEqual(
      await panel.locator('strong', { hasText: '@Head of Leaving Care' }).count(),
      1,
      'the mention in bold',
    );
    await panel.getByRole('button', { name: /^Reply to/ }).click();
    await panel.getByLabel('Your reply').fill('Checked: they match the April round.');
    await panel.getByRole('button', { name: 'Send reply' }).click();
    await panel.getByText('Checked: they match the April round.').waitFor();
    expectEqual(await axeViolations(page), [], 'axe on the criterion page with comments');
    await panel.getByRole('button', { name: /^Resolve/ }).click();
    await panel.getByText(/^Resolved by .+ on \d\d\/\d\d\/\d{4}/).waitFor();
    // A comment typed and not sent is kept through a reload.
    const draft = 'A second thought, typed and not yet sent.';
    await panel.getByLabel('Add a comment').fill(draft);

    await page.reload();
    await settle(page);
    expectEqual(page.url(), criterionPage, 'the same criterion after reloading');
    const reloaded = page.getByRole('region', { name: 'Comments' });
    await reloaded.getByText(/^Resolved by/).waitFor();
    expectEqual(
      await reloaded.getByLabel('Add a comment').inputValue(),
      draft,
      'the unsent comment after reloading',
    );

    await page.goto(`${baseUrl}${overview}`);
    await settle(page);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Excel workbook' }).click(),
    ]);
    await file.saveAs(`${OUT}/comments.xlsx`);
    const book = XLSX.read(readFileSync(`${OUT}/comments.xlsx`));
    const rows = XLSX.utils.sheet_to_json(book.Sheets.Comments ?? {}, { defval: '' });
    expectEqual(rows.length, 2, 'a comment and its reply in the Comments sheet');
    expectTrue(String(rows[0]?.On).startsWith('Criterion '), `what it is on: ${rows[0]?.On}`);
    expectTrue(String(rows[0]?.Text).includes('They look low.'), 'the comment text');
    expectEqual(rows[1]?.['Comment or reply'], 'Reply', 'the reply');
    expectTrue(String(rows[0]?.['Resolved by']) !== '', 'resolved by someone');
  },
};
