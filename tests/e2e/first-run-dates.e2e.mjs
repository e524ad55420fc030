// Dates are typed in GOV.UK date inputs (day, month and year boxes), by keyboard, with the Design
// System's messages; the stored date survives a reload, and the boxes fit a 320 px screen.
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, settle } from './harness.mjs';

export default {
  async 'an action’s due date is typed by keyboard, refused when it cannot exist, and kept'({
    page,
    baseUrl,
  }) {
    await page.goto(`${baseUrl}#/self-assessment/actions/new`);
    await settle(page);
    await page.getByLabel('Title', { exact: true }).fill('Dates typed in boxes');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !/\/new$/.test(location.hash));
    await settle(page);

    const due = page.getByRole('group', { name: 'Due date' });
    await due.getByLabel('Day').focus();
    await page.keyboard.type('31');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026');
    await page.keyboard.press('Tab');
    await page.getByRole('link', { name: 'Due date must be a real date' }).waitFor();
    await page.locator('#action-due-error').getByText('Due date must be a real date').waitFor();
    expectEqual(await due.getByLabel('Day').inputValue(), '31', 'what was typed stays');
    await page.screenshot({ path: `${SCREENSHOTS}/date-input-error-1280.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe with a date error shown');
    await page.setViewportSize({ width: 320, height: 700 });
    expectEqual(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'fits 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/date-input-error-320.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await due.getByLabel('Day').fill('30');
    await page.locator('#action-due-error').waitFor({ state: 'detached' });
    expectEqual(await page.locator('.govuk-error-summary').count(), 0, 'the summary goes once it is fixed');
    await page.getByText(/^Saved at/).waitFor();
    await page.reload();
    await settle(page);
    const boxes = page.getByRole('group', { name: 'Due date' });
    expectEqual(
      [
        await boxes.getByLabel('Day').inputValue(),
        await boxes.getByLabel('Month').inputValue(),
        await boxes.getByLabel('Year').inputValue(),
      ],
      ['30', '4', '2026'],
      'the due date after a reload',
    );
    await page.getByRole('link', { name: 'Improvement actions' }).first().click();
    await settle(page);
    await page
      .getByRole('row', { name: /Dates typed in boxes/ })
      .getByText('30/04/2026')
      .waitFor();
  },
};
