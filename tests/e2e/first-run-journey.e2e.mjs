// The "done when": from an empty browser to a draft PDF by following the start page and the task
// list alone (no example, no typed addresses), each page seen at 1280 and 320 CSS px and axe-clean, and
// the pages changed for the first run (escalation errors, the notification week) photographed at both.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

const OUT = 'test-results/e2e-downloads';

/** The status text of the task whose link (or name) matches. */
async function statusOf(page, name) {
  const item = page.locator('.govuk-task-list__item', { has: page.getByText(name, { exact: true }) });
  return (await item.locator('.govuk-task-list__status').textContent()).trim();
}

/**
 * The whole page at 1280 and at 320 px, axe-clean and without sideways scrolling at both, and one screen
 * of it at its real size: the first, or the one around `view`.
 */
async function photograph(page, name, view) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 900 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expectEqual(scrollWidth, width, `${name} fits ${width} px`);
    await page.screenshot({ path: `${SCREENSHOTS}/first-run-${name}-${width}.png`, fullPage: true });
    if (view) await view.scrollIntoViewIfNeeded();
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/first-run-${name}-${width}-screen.png` });
    expectEqual(await axeViolations(page), [], `axe on ${name} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

export default {
  async 'a first-time user goes from an empty browser to a draft PDF by the start page and task list alone'({
    page,
    baseUrl,
  }) {
    mkdirSync(OUT, { recursive: true });
    await page.goto(baseUrl);
    await settle(page);
    await page.getByRole('heading', { name: 'Get started' }).waitFor();
    expectEqual(await statusOf(page, 'Your name and council'), 'Not yet started', 'name and council');
    await photograph(page, 'start-page');

    await page.getByRole('link', { name: 'Your name and council' }).click();
    await page.getByLabel('Your name').fill('Sam Example');
    await page.getByLabel('Council name').fill('Northtown Borough Council');
    await page.getByLabel('Council name').blur();
    await page.getByText(/^Saved at/).waitFor();
    await page.getByRole('link', { name: 'Readiness Workbook' }).click();
    await settle(page);
    expectEqual(await statusOf(page, 'Your name and council'), 'Completed', 'name and council done');

    await page.getByRole('link', { name: /^Start the 20\d\d–\d\d self-assessment$/ }).click();
    await page.getByRole('heading', { name: 'Start a new assessment cycle' }).waitFor();
    // The year and the framework in force for it are chosen already.
    await page.getByRole('button', { name: 'Start cycle' }).click();
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
    await settle(page);
    const overview = new URL(page.url()).hash;
    await page.getByText(/^You have completed 0 of \d+ tasks\.$/).waitFor();
    const judgements = page.locator('.govuk-task-list').first();
    const firstJudgement = judgements.locator('.govuk-task-list__link').first();
    const judgementTitle = (await firstJudgement.textContent()).trim();
    expectEqual(await statusOf(page, judgementTitle), 'Not yet started', 'the first judgement to do');
    await photograph(page, 'task-list');

    await firstJudgement.click();
    await page.getByRole('heading', { name: judgementTitle, level: 1 }).waitFor();
    await settle(page);
    await photograph(page, 'judgement-page');
    await page.locator(`main a[href^="${overview}/criteria/"]`).first().click();
    await settle(page);
    await page.getByRole('radio', { name: 'Good', exact: true }).first().check();
    await page
      .getByText(/^Saved at/)
      .first()
      .waitFor();
    // Back by the breadcrumbs, to the cycle's task list.
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: /^20\d\d–\d\d$/ })
      .click();
    await page.getByText(/^You have completed \d+ of \d+ tasks\.$/).waitFor();
    expectEqual(await statusOf(page, judgementTitle), 'In progress', 'the judgement is under way');

    // The last task says a draft can be downloaded at any time; the export is further down the page.
    const finish = page.locator('.govuk-task-list__item', { hasText: 'Mark as final and export' });
    expectTrue(
      (await finish.textContent()).includes('a copy marked DRAFT can be downloaded at any time'),
      'the task list says where the draft comes from',
    );
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('region', { name: 'Export' }).getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    const name = file.suggestedFilename();
    expectTrue(
      name.startsWith('Northtown Borough Council self-assessment') && name.endsWith('DRAFT.pdf'),
      `a draft PDF named for the council: ${name}`,
    );
    await file.saveAs(`${OUT}/first-run-draft.pdf`);
    const text = execFileSync('pdftotext', [`${OUT}/first-run-draft.pdf`, '-'], { encoding: 'utf8' });
    expectTrue(text.includes('Northtown Borough Council'), 'the PDF names the council');
    expectTrue(text.includes('DRAFT'), 'the PDF is marked DRAFT');
    expectTrue(text.includes(judgementTitle), 'the PDF has the judgements');
  },

  async 'the escalation form’s errors and the notification week, at 1280 and 320 px'({ page, baseUrl }) {
    await loadExample(page, baseUrl);

    await page.goto(`${baseUrl}#/case-audits`);
    await settle(page);
    await page.locator('main a[href^="#/case-audits/rounds/"]').first().click();
    await settle(page);
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    await page.getByRole('heading', { name: 'The sample' }).waitFor();
    await page
      .getByRole('button', { name: /^Start audit of / })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Case audit / }).waitFor();
    const panel = page.getByRole('region', { name: 'Safeguarding escalation' });
    await panel.getByRole('button', { name: 'Raise a safeguarding escalation' }).click();
    const summary = panel.locator('.govuk-error-summary');
    await summary.waitFor();
    expectEqual(
      await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
      true,
      'focus on the error summary',
    );
    await photograph(page, 'escalation-error', summary);
    await summary.getByRole('link', { name: /^Describe the concern/ }).click();
    expectEqual(await page.evaluate(() => document.activeElement?.id), 'escalation-concern', 'to the field');

    await page.goto(`${baseUrl}#/rehearsal/notification-week`);
    await settle(page);
    const callDate = page.getByRole('group', { name: 'Date of the call' });
    await callDate.getByLabel('Day').fill('6');
    await callDate.getByLabel('Month').fill('7');
    await callDate.getByLabel('Year').fill('2026');
    await page.getByRole('heading', { name: /Monday 13 July 2026/ }).waitFor();
    const first = page.locator('details.app-checklist-item').first();
    await first.locator('summary').click();
    await first.getByLabel('Owner').fill('Head of performance');
    await first.getByLabel('Owner').blur();
    await photograph(page, 'notification-week', page.getByRole('heading', { name: 'Monday 6 July 2026' }));
  },
};
