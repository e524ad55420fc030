// My work: on the example council, the person named in Settings finds their assignments in one place,
// counted in the navigation, and each one opens where it is done.
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, settle } from './harness.mjs';

export default {
  async 'my work lists what is mine and opens it'({ page, baseUrl }) {
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    await page.getByRole('button', { name: 'Load example' }).click();
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();

    await page.goto(`${baseUrl}#/my-work`);
    await page.getByRole('link', { name: 'Add your name in Settings' }).click();
    await page.getByLabel('Your name').fill('Principal Social Worker');
    await page.getByLabel('Your name').blur();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const myWork = nav.getByRole('link', { name: /^My work \d+ waiting$/ });
    await myWork.waitFor();
    const counted = Number((await myWork.textContent()).match(/\d+/)[0]);
    await myWork.click();
    const summary = page.getByText(/What is waiting for Principal Social Worker:\s+\d+ things? to do/);
    await summary.waitFor();
    expectEqual(
      Number((await summary.textContent()).match(/(\d+) thing/)[1]),
      counted,
      'the page counts what the navigation counts',
    );
    const criteria = page.getByRole('region', { name: 'Criteria to write' });
    const rows = await criteria.getByRole('row').count();
    expectTrue(rows > 1, `criteria assigned to the principal social worker are listed (${rows - 1})`);
    expectEqual(await axeViolations(page), [], 'axe on my work');
    await page.screenshot({ path: `${SCREENSHOTS}/my-work-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 700 });
    expectEqual(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'fits 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/my-work-320.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Opened afresh on a page outside any cycle, the navigation counts the same.
    await page.goto(`${baseUrl}#/case-audits`);
    await page.reload();
    await settle(page);
    await nav.getByRole('link', { name: `My work ${counted} waiting` }).waitFor();
    await page.goto(`${baseUrl}#/my-work`);
    await summary.waitFor();

    const first = criteria.getByRole('link').first();
    const title = await first.textContent();
    await first.click();
    await page.getByRole('heading', { level: 1, name: title.trim() }).waitFor();
  },
};
