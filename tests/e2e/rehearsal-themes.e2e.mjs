import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

export default {
  async 'readiness for a focused visit theme and for a JTAI (front door plus a deep dive)'({
    page,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);
    await page.goto(`${baseUrl}#/rehearsal`);
    await settle(page);
    await page.getByRole('heading', { name: 'Focused visit or JTAI: readiness by theme' }).waitFor();
    await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Care leavers' });
    const table = page.getByRole('table', { name: 'Readiness for the theme' });
    await table.waitFor();
    const leavers = await table.locator('tbody tr').count();
    expectTrue(leavers > 0, 'care leavers criteria listed');
    await page.getByText(/criteria bear on care leavers;/).waitFor();

    await page.getByLabel('Kind of visit').selectOption({ label: 'Joint targeted area inspection (JTAI)' });
    await page
      .getByLabel('Deep-dive theme (with the front door)')
      .selectOption({ label: 'Children living with domestic abuse' });
    await page
      .getByText(/criteria bear on children living with domestic abuse and the front door;/)
      .waitFor();
    const jtaiText = await table.textContent();
    expectTrue(/front door/i.test(jtaiText), 'the JTAI includes the front door criteria');
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-themes.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on readiness by theme');
  },
};
