import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

const TOOL = 'Signs of Safety case audit (scaled 0 to 10)';
const SCALE = 'Signs of Safety scaling (0 to 10)';
const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

export default {
  async 'a Signs of Safety audit, scaled 0 to 10, counts at 7 or above on the criterion and in the findings'({
    page,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);

    await page.goto(`${baseUrl}#/case-audits`);
    await settle(page);
    await page.getByLabel(/^Audit tool/).selectOption({ label: TOOL });
    await page.getByRole('button', { name: 'Record an audit' }).click();
    // The list's own heading is “Case audits”: wait for the new audit's address, then its page.
    await page.waitForURL(/#\/case-audits\/audits\/[^/]+$/);
    await page.getByRole('heading', { name: /^Case audit(?!s)/ }).waitFor();
    await page.getByLabel('Case reference (pseudonymised)').fill('SOS-0001');
    await page.getByLabel('Case reference (pseudonymised)').blur();

    const domains = page.getByRole('group', { name: /^Grade for / });
    const count = await domains.count();
    expectTrue(count >= 5, `graded domains of the Signs of Safety tool: ${count}`);
    const first = domains.first();
    const labels = (await first.locator('label').allTextContents()).map((l) => l.trim());
    expectEqual(labels, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], 'offered 0 to 10');
    expectTrue(
      (await text(first)).includes('On a scale of 0 to 10, where 10 means'),
      'the scaling question is asked',
    );
    // At 320 px the eleven radios wrap within the page: nothing scrolls sideways (WCAG 1.4.10).
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 900 });
    await first.scrollIntoViewIfNeeded();
    await first.screenshot({ path: `${SCREENSHOTS}/signs-of-safety-domain-320.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expectTrue(overflow <= 320, `page ${overflow} px wide at 320 px`);
    await page.setViewportSize(wide);
    for (let i = 0; i < count; i += 1) await domains.nth(i).getByLabel('8', { exact: true }).check();
    await page
      .getByRole('group', { name: /^How much safer is the child/ })
      .getByLabel('8', { exact: true })
      .check();
    await page
      .getByRole('group', {
        name: 'Did the audit find a safeguarding concern that needed immediate escalation?',
      })
      .getByLabel('No', { exact: true })
      .check();
    await page
      .getByRole('group', { name: 'Overall grade for the case' })
      .getByLabel('8', { exact: true })
      .check();
    await page.screenshot({ path: `${SCREENSHOTS}/signs-of-safety-audit.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the Signs of Safety audit');
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await page.getByText(/This audit is complete, so it is read-only/).waitFor();

    // Counted on the criterion by its own threshold, beside the example's four-point audits.
    await page.goto(`${baseUrl}#/self-assessment`);
    await page
      .getByRole('link', { name: /^Self-assessment 20\d\d–\d\d/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: 'The experiences and progress of children who need help and protection' })
      .first()
      .click();
    await page.getByRole('link', { name: /^Assessments: quality/ }).click();
    await page.getByRole('heading', { name: 'What the audits found' }).waitFor();
    const scaleLine = page.getByText(
      new RegExp(`^${SCALE.replace(/[()]/g, '\\$&')}: \\d+ of \\d+ graded at 7 or above$`),
    );
    await scaleLine.waitFor();
    expectEqual(await text(scaleLine), `${SCALE}: 1 of 1 graded at 7 or above`, 'the scaled audit counts');
    await page.screenshot({ path: `${SCREENSHOTS}/signs-of-safety-criterion.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the criterion page');

    // The findings add 0 to 10 audits up on their own scale, 11 grades and the stated threshold.
    await page.goto(`${baseUrl}#/case-audits/findings`);
    await page.getByRole('heading', { name: 'Audit findings' }).waitFor();
    await page.getByLabel('Audits graded on').selectOption({ label: `${SCALE} (1 audit)` });
    const byTeam = page.getByRole('table', { name: 'By team' });
    await byTeam.getByRole('columnheader', { name: 'Good or better (7 or above)' }).waitFor();
    const headers = (await byTeam.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    expectEqual(
      headers.slice(2, 13),
      ['10', '9', '8', '7', '6', '5', '4', '3', '2', '1', '0'],
      'one column per grade, best first',
    );
    expectTrue((await text(byTeam)).includes('100%'), await text(byTeam));
    await page.screenshot({ path: `${SCREENSHOTS}/signs-of-safety-findings.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the findings');
  },
};
