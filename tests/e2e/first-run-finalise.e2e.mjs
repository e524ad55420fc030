// Marking a cycle final goes through a GOV.UK "Check your answers" step, by keyboard: the example's final
// year is reopened, checked (every judgement with its grade and a Change link, the totals, who and
// when) and marked final again.
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

export default {
  async 'a cycle is marked final only after its answers are checked'({ page, baseUrl }) {
    await loadExample(page, baseUrl);
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    const finalRow = page.getByRole('row').filter({ has: page.getByText('Final', { exact: true }) });
    await finalRow.getByRole('link').first().click();
    await settle(page);

    await page.getByRole('button', { name: 'Reopen cycle…' }).click();
    await page
      .getByLabel('Why are you reopening it?')
      .fill('Checking the answers before marking it final again.');
    await page.getByRole('button', { name: 'Reopen cycle', exact: true }).click();
    const markFinal = page.getByRole('button', { name: 'Mark as final…' });
    await markFinal.focus();
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { name: 'Check your answers before marking the cycle final' });
    await heading.waitFor();
    expectEqual(
      await page.evaluate(() => document.activeElement?.textContent),
      'Check your answers before marking the cycle final',
      'focus on the check your answers heading',
    );
    const judgements = await page.locator('#finalise dl').first().locator('dt').count();
    const changes = await page
      .locator('#finalise')
      .getByRole('link', { name: /^Change/ })
      .count();
    expectTrue(judgements >= 4, `every judgement is listed (${judgements})`);
    expectEqual(changes, judgements + 1, 'a Change link for each judgement and the name');
    await page.getByText('Criteria graded', { exact: true }).waitFor();
    await page.getByText('Marked final by', { exact: true }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/check-your-answers-1280.png`, fullPage: true });
    await page.locator('#finalise').screenshot({ path: `${SCREENSHOTS}/check-your-answers-step-1280.png` });
    expectEqual(await axeViolations(page), [], 'axe on check your answers');
    await page.setViewportSize({ width: 320, height: 700 });
    expectEqual(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'fits 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/check-your-answers-320.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Confirm and mark as final' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Reopen this cycle' }).waitFor();
    await page
      .getByText('The cycle is now final and locked.')
      .waitFor({ state: 'attached' })
      .catch(() => undefined);
  },
};
