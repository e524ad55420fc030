import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

const OUT = 'test-results/e2e-downloads';

export default {
  async 'a director rehearses on the example council, draws the sample and finds it all after reload'({
    page,
    baseUrl,
  }) {
    mkdirSync(OUT, { recursive: true });
    await loadExample(page, baseUrl);

    await page.goto(`${baseUrl}#/rehearsal`);
    await settle(page);
    await page.getByRole('heading', { name: 'Readiness by judgement' }).waitFor();
    // The example's audits now inform readiness: "what audits found" has figures, not "No audited cases".
    await page
      .getByText(/% good or better \(\d+ of \d+ graded\)/)
      .first()
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-readiness.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the rehearsal page');

    const chosen = await page.getByLabel('Judgement to rehearse').locator('option').first().textContent();
    expectTrue(/^The least ready \(now: .+\)$/.test(chosen), chosen);
    await page.getByLabel('Who is taking part').fill('Director of children’s services, Head of service');
    await page.getByLabel('Number of questions').selectOption('5');
    await page.getByRole('button', { name: 'Start rehearsal' }).click();
    await page.getByText('Question 1 of 5').waitFor();
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    expectTrue(title.endsWith(': lines of enquiry'), title);

    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.waitForTimeout(2200);
    await page.getByRole('button', { name: 'Pause timer' }).click();
    const time = await page.locator('.app-drill-timer__time').textContent();
    expectTrue(/^0:0[2-4]$/.test(time), `timer shows ${time}`);
    await page
      .getByLabel('Notes of the answer')
      .fill('Our audits show plans are reviewed, but impact is thin.');
    await page.getByLabel(/^Partly confident/).check();
    const evidence = page.getByRole('group', { name: 'Evidence you would show' }).getByRole('checkbox');
    if ((await evidence.count()) > 0) await evidence.first().check();
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByText('Question 2 of 5').waitFor();
    await page.getByLabel('Could not answer').check();
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-drill.png`, fullPage: true });

    await page.getByRole('button', { name: 'Draw the sample' }).click();
    const sample = page.getByRole('table', { name: 'The inspectors’ sample' });
    await sample.waitFor();
    const rows = await sample.locator('tbody tr').allTextContents();
    expectEqual(rows.length, 18, 'six cases from each of the three groups');
    for (const group of ['Help and protection', 'Children in care', 'Care leavers'])
      expectEqual(rows.filter((r) => r.includes(group)).length, 6, group);
    await page
      .getByLabel('What did we learn, and what will we do before the call?')
      .fill('Pathway plans: gather evidence of impact before the call.');
    await page.getByRole('heading', { name: 'Answers to work on' }).click();
    await page.getByText('Saved at').waitFor();
    expectEqual(await axeViolations(page), [], 'axe on the drill');

    await page.reload();
    await settle(page);
    await page.getByText('Question 1 of 5').waitFor();
    expectEqual(
      await page.getByLabel('Notes of the answer').inputValue(),
      'Our audits show plans are reviewed, but impact is thin.',
      'notes kept after reload',
    );
    expectTrue(await page.getByLabel(/^Partly confident/).isChecked(), 'confidence kept');
    expectEqual(await sample.locator('tbody tr').count(), 18, 'sample kept');
    await page.getByText(/Could not answer:/).waitFor();

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the rehearsal notes (PDF)' }).click(),
    ]);
    await file.saveAs(`${OUT}/rehearsal.pdf`);
    const text = execFileSync('pdftotext', [`${OUT}/rehearsal.pdf`, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Rehearsal notes',
      'Questions and answers',
      'impact is thin',
      'The inspectors’ sample',
      'Page 1 of',
    ])
      expectTrue(text.includes(expected), `PDF has “${expected}”`);

    await page.getByRole('button', { name: 'Mark the rehearsal complete' }).click();
    await page.getByRole('link', { name: 'Rehearsal' }).first().click();
    await page.getByRole('table', { name: 'Rehearsals, oldest first' }).getByText('Complete').waitFor();
  },

  async 'the notification week plans every checklist item from the call to the first day on site'({
    page,
    baseUrl,
  }) {
    mkdirSync(OUT, { recursive: true });
    await loadExample(page, baseUrl);
    await page.goto(`${baseUrl}#/rehearsal/notification-week`);
    await settle(page);
    // The example council's cycle is on ILACS: a standard inspection unless the director chooses otherwise.
    const types = page.getByRole('group', { name: 'Type of inspection' });
    expectTrue(await types.getByLabel('ILACS standard inspection').isChecked(), 'standard by default');
    const callDate = page.getByRole('group', { name: 'Date of the call' });
    await callDate.getByLabel('Day').fill('6');
    await callDate.getByLabel('Month').fill('7');
    await callDate.getByLabel('Year').fill('2026');
    await page.getByRole('heading', { name: 'Monday 6 July 2026' }).waitFor();
    await page.getByRole('heading', { name: /Monday 13 July 2026/ }).waitFor();
    await page.getByText('Inspectors are on site from Monday 13 July to Friday 24 July 2026.').waitFor();
    // Each item is folded behind its title, owner and status; open one to fill it in.
    const first = page.locator('details.app-checklist-item').first();
    expectEqual(await first.getByLabel('Owner').isVisible(), false, 'the item is folded at first');
    await first.locator('summary').click();
    await first.getByLabel('Owner').fill('Head of performance');
    await first.getByLabel('Status').selectOption('ready');
    await page.getByText(/^1 of \d+/).waitFor();
    await first.locator('summary').click();
    await first.locator('summary').getByText('Owner: Head of performance').waitFor();
    await first.locator('summary').getByText('Ready', { exact: true }).waitFor();
    await expectWorkingDaysOnly(page, 6);
    await expectFoldedLength(page);

    await types.getByLabel('ILACS short inspection').check();
    await page.getByText('Inspectors are on site from Monday 13 July to Friday 17 July 2026.').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/notification-week.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the notification week');
    await types.getByLabel('Joint targeted area inspection (JTAI)').check();
    await page.getByText('Inspectors are on site from Monday 20 July to Friday 24 July 2026.').waitFor();
    await expectWorkingDaysOnly(page, 11);
    await page.screenshot({ path: `${SCREENSHOTS}/notification-week-jtai.png`, fullPage: true });
    await types.getByLabel('ILACS short inspection').check();
    await page.getByText('Inspectors are on site from Monday 13 July to Friday 17 July 2026.').waitFor();

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the plan (PDF)' }).click(),
    ]);
    await file.saveAs(`${OUT}/notification-plan.pdf`);
    // Table cells wrap, so compare with whitespace run together.
    const text = execFileSync('pdftotext', [`${OUT}/notification-plan.pdf`, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    for (const expected of [
      'Notification week plan: ILACS short inspection',
      'Head of performance',
      'Monday 06/07/2026',
      'Page 1 of',
    ])
      expectTrue(text.includes(expected), `PDF has “${expected}”`);
    expectTrue(!/Saturday|Sunday/.test(text), 'no weekend in the PDF');

    await page.reload();
    await settle(page);
    await first.locator('summary').getByText('Owner: Head of performance').waitFor();
    expectEqual(await page.getByLabel('Owner').first().inputValue(), 'Head of performance', 'owner kept');
    await page.getByText(/^1 of \d+/).waitFor();
    expectTrue(await types.getByLabel('ILACS short inspection').isChecked(), 'the kind of inspection kept');
  },
};

/**
 * Folded, the week fits a few screens; "Open all items" shows every field, printing shows them all
 * whatever is folded, and "Close all items" folds them again.
 */
async function expectFoldedLength(page) {
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const folded = await height();
  expectTrue(folded < 6000, `the folded week is ${folded} px long`);
  const fields = page.locator('details.app-checklist-item input[id$="-owner"]');
  const visible = async () =>
    (await fields.evaluateAll((all) => all.map((f) => f.checkVisibility()))).filter(Boolean).length;
  const count = await fields.count();
  await page.emulateMedia({ media: 'print' });
  expectEqual(await visible(), count, 'printed, every item is unfolded');
  await page.emulateMedia({ media: 'screen' });
  expectEqual(await visible(), 0, 'on screen, they are folded again');
  await page.getByRole('button', { name: 'Open all items' }).click();
  expectEqual(await visible(), count, 'Open all items shows every field');
  expectTrue((await height()) > folded * 1.5, 'the opened week is longer');
  await page.getByRole('button', { name: 'Close all items' }).click();
  expectEqual(await visible(), 0, 'Close all items folds them again');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Every day of the plan (its headings) and every day an item can be moved to is a weekday. */
async function expectWorkingDaysOnly(page, planDays) {
  const headings = (await page.getByRole('heading', { level: 2 }).allTextContents()).filter((h) =>
    /\d{4}/.test(h),
  );
  expectEqual(headings.length, planDays, 'days in the plan');
  const options = await page.locator('select[id$="-day"] option').allTextContents();
  expectTrue(options.length > 0, 'items can be moved to another day');
  for (const text of [...headings, ...options]) {
    const [, day, month, year] = /(\d{1,2}) (\w+) (\d{4})/.exec(text) ?? [];
    const weekday = new Date(Date.UTC(Number(year), MONTHS.indexOf(month), Number(day))).getUTCDay();
    expectTrue(weekday >= 1 && weekday <= 5, `a working day: ${text}`);
    expectTrue(!/Saturday|Sunday/.test(text), `no weekend: ${text}`);
  }
}
