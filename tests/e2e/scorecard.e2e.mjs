import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, settle } from './harness.mjs';

export default {
  async 'a performance lead enters figures, sees RAG and trend, and finds them under the criterion'({
    page,
    baseUrl,
  }) {
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    await page.getByLabel('Framework', { exact: true }).selectOption('ilacs-2023@1');
    await page.getByLabel('Year (April to March)').selectOption({ label: '2025–26' });
    await page.getByRole('button', { name: 'Start cycle' }).click();
    await page.getByRole('heading', { name: 'Self-assessment 2025–26' }).waitFor();
    await page
      .getByRole('link', { name: 'The experiences and progress of children who need help and protection' })
      .first()
      .click();
    await page.getByRole('link', { name: /The front door/ }).click();
    await page.getByLabel('Good', { exact: true }).check();

    await page.goto(`${baseUrl}#/self-assessment/scorecard`);
    await settle(page);
    await page.getByRole('button', { name: 'Add the starter set' }).click();
    await page.getByRole('link', { name: 'Contacts with a decision within one working day' }).click();
    await page
      .getByRole('heading', { name: 'Contacts with a decision within one working day', level: 1 })
      .waitFor();
    for (const [month, value, england] of [
      ['2025-04', '92', '85'],
      ['2025-05', '89', '86'],
      ['2025-06', '81', '86'],
    ]) {
      const [year, monthOfYear] = month.split('-');
      await page.getByLabel('Month', { exact: true }).fill(String(Number(monthOfYear)));
      await page.getByLabel('Year', { exact: true }).fill(year);
      await page.getByLabel('Value', { exact: true }).fill(value);
      await page.getByLabel('England').fill(england);
      await page.getByRole('button', { name: 'Save value' }).click();
      await page.getByRole('table', { name: 'Values by period' }).getByText(`${value}%`).waitFor();
    }
    await page.getByRole('img', { name: /Trend of Contacts/ }).waitFor();
    const rows = await page
      .getByRole('table', { name: 'Values by period' })
      .locator('tbody tr')
      .allTextContents();
    expectTrue(rows[0].includes('April 2025') && rows[0].includes('Green'), rows[0]);
    expectTrue(rows[1].includes('Amber'), rows[1]);
    expectTrue(rows[2].includes('June 2025') && rows[2].includes('Red'), rows[2]);
    await page.screenshot({ path: `${SCREENSHOTS}/indicator.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the indicator page');

    await page.getByRole('link', { name: 'Performance scorecard' }).first().click();
    const row = page.getByRole('row').filter({ hasText: 'Contacts with a decision within one working day' });
    const text = await row.textContent();
    expectTrue(
      text.includes('81%') &&
        text.includes('Red: off target') &&
        text.includes('Getting worse') &&
        text.includes('86%'),
      text,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/scorecard.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the scorecard');

    await page.goto(`${baseUrl}#/self-assessment`);
    await page.getByRole('link', { name: /^Self-assessment 2025–26/ }).click();
    await page.getByRole('heading', { name: 'Readiness checks' }).waitFor();
    const checks = await page.locator('#readiness ~ ul').allTextContents();
    expectTrue(
      checks.join(' ').includes('“Contacts with a decision within one working day” is red'),
      checks.join(' '),
    );
    await page
      .getByRole('link', { name: 'The experiences and progress of children who need help and protection' })
      .first()
      .click();
    await page.getByRole('link', { name: /The front door/ }).click();
    await page.getByRole('heading', { name: 'Performance figures' }).waitFor();
    const figure = (await page.locator('h2:has-text("Performance figures") + ul').textContent()).replace(
      /\s+/g,
      ' ',
    );
    expectTrue(figure.includes('81% in June 2025 (target 90%)'), figure);
  },
};
