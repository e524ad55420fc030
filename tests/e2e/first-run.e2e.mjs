// The first visit: the start page says what to do first, the example loads from it, the overview is a
// task list, a judgement page starts with its criteria, evidence added from a criterion is linked to it
// and leads back, and the backup reminder waits for real work and "Remind me later" lasts.
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

const DAY = 86_400_000;

/** The status text of the task whose link (or name) matches. */
async function statusOf(page, name) {
  const item = page.locator('.govuk-task-list__item', { has: page.getByText(name, { exact: true }) });
  return (await item.locator('.govuk-task-list__status').textContent()).trim();
}

async function pageWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

const reminder = (page) => page.getByRole('region', { name: 'Important' });

export default {
  async 'a new user finds what to do first, loads the example and adds evidence from a criterion'({
    page,
    baseUrl,
  }) {
    await page.goto(`${baseUrl}#/`);
    await settle(page);
    await page.getByRole('button', { name: 'Load example' }).waitFor();
    expectEqual(await statusOf(page, 'Your name and council'), 'Not yet started', 'name and council');
    const start = page.getByRole('link', { name: /^Start the 20\d\d–\d\d self-assessment$/ });
    expectEqual(await start.getAttribute('href'), '#/self-assessment', 'start links to the cycles');
    await page.screenshot({ path: `${SCREENSHOTS}/start-page-empty.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the empty start page');
    await page.setViewportSize({ width: 320, height: 700 });
    expectEqual(await pageWidth(page), 320, 'the empty start page reflows to 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Settings are not work to back up: a day on, still no reminder.
    await page.getByRole('link', { name: 'Your name and council' }).click();
    await page.getByLabel('Your name').fill('Sam Example');
    await page.getByLabel('Council name').fill('Northtown Borough Council');
    await page.getByLabel('Council name').blur();
    await page.getByText(/^Saved at/).waitFor();
    await page.getByRole('link', { name: 'Readiness Workbook' }).click();
    await settle(page);
    expectEqual(await statusOf(page, 'Your name and council'), 'Completed', 'name and council done');

    // By keyboard: the example loads and focus goes to the banner that says so.
    await page.getByRole('button', { name: 'Load example' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('The example council is loaded.').waitFor();
    expectEqual(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby')),
      'example-loaded-title',
      'focus on the success banner',
    );
    const going = page.getByRole('link', { name: /^Continue the 20\d\d–\d\d self-assessment$/ });
    await going.waitFor();
    expectEqual(
      await statusOf(page, (await going.textContent()).trim()),
      'In progress',
      'continue the cycle',
    );
    expectEqual(await page.getByRole('button', { name: 'Load example' }).count(), 0, 'no second example');
    await page.screenshot({ path: `${SCREENSHOTS}/start-page-example.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the start page with the example');

    await going.click();
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
    await settle(page);
    const overview = new URL(page.url()).hash;
    const cycleId = overview.split('/').pop();
    await page.getByText(/^You have completed \d+ of \d+ tasks\.$/).waitFor();
    for (const task of ['Evidence register', 'Improvement plan', 'Recommendations', 'Readiness checks']) {
      const status = await statusOf(page, task);
      expectTrue(['Completed', 'In progress', 'Not yet started'].includes(status), `${task}: ${status}`);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/overview-task-list.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the overview task list');
    await page.getByRole('link', { name: 'Readiness checks' }).click();
    expectEqual(await page.evaluate(() => document.activeElement?.id), 'readiness', 'jump to the checks');
    expectEqual(new URL(page.url()).hash, overview, 'the in-page link keeps the address');

    await page
      .getByRole('link', { name: 'The experiences and progress of children who need help and protection' })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Proposed grade' }).waitFor();
    const criteriaFirst = await page.evaluate(() => {
      const table = document.querySelector('table caption')?.closest('table');
      const agreed = [...document.querySelectorAll('legend')].find(
        (l) => l.textContent.trim() === 'Agreed grade',
      );
      return Boolean(
        table && agreed && table.compareDocumentPosition(agreed) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expectTrue(criteriaFirst, 'the criteria come before the agreed grade');
    await page.screenshot({ path: `${SCREENSHOTS}/judgement-page-criteria-first.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the judgement page');

    await page
      .getByRole('link', { name: /The front door/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /The front door/, level: 1 }).waitFor();
    const criterionHash = new URL(page.url()).hash;
    const title = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    await page.getByRole('link', { name: 'Add a new evidence item to the register' }).click();
    await page.getByRole('heading', { name: 'Add evidence', level: 1 }).waitFor();
    expectEqual(
      new URL(page.url()).hash,
      `#/self-assessment/evidence/new?criterion=hp-front-door&cycle=${encodeURIComponent(cycleId)}`,
      'the criterion and cycle are in the address',
    );
    await page.getByLabel('Title', { exact: true }).fill('Front door dip sample, first run');
    await page.getByLabel('Owner').fill('Head of Service, Front Door');
    await page.getByLabel('Owner').blur();
    await page.getByText(/^Added to the register and linked to HP\d+\./).waitFor();
    expectTrue(new URL(page.url()).hash.includes('?criterion=hp-front-door'), 'saved address keeps it');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/evidence-from-criterion.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on evidence added from a criterion');

    const back = page.getByRole('link', { name: /^Back to HP\d+ / }).last();
    expectTrue((await back.textContent()).includes(title), `back names the criterion: ${title}`);
    await back.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expectEqual(new URL(page.url()).hash, criterionHash, 'back at the criterion');
    await page.reload();
    await settle(page);
    await page.getByRole('link', { name: 'Front door dip sample, first run' }).waitFor();
  },

  async 'the backup reminder waits for real work, and “Remind me later” lasts a week'({ page, baseUrl }) {
    const start = Date.now();
    await page.clock.setFixedTime(start);
    await loadExample(page, baseUrl);

    await page.clock.setFixedTime(start + 3 * DAY);
    await page.goto(`${baseUrl}#/`);
    await settle(page);
    expectEqual(await reminder(page).count(), 0, 'no reminder for the example alone');

    await page.goto(`${baseUrl}#/self-assessment/evidence/new`);
    await page.getByLabel('Title', { exact: true }).fill('Our own evidence');
    await page.getByLabel('Title', { exact: true }).blur();
    await page.getByText(/^Saved at/).waitFor();
    await page.goto(`${baseUrl}#/`);
    await settle(page);
    expectEqual(await reminder(page).count(), 0, 'no reminder on the day of the first change');

    await page.clock.setFixedTime(start + 4 * DAY);
    await page.reload();
    await settle(page);
    await reminder(page).waitFor();
    expectEqual(await axeViolations(page), [], 'axe with the reminder');
    const top = () => page.evaluate(() => window.scrollTo(0, 0));
    await top();
    await page.screenshot({ path: `${SCREENSHOTS}/backup-banner-1280.png` });
    // On a phone the header and the reminder leave the page's own heading on the first screen.
    await page.setViewportSize({ width: 320, height: 640 });
    await top();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expectTrue(heading.y + heading.height <= 640, `the heading ends ${heading.y + heading.height} px down`);
    expectEqual(await pageWidth(page), 320, 'the reminder reflows to 320 px');
    await page.screenshot({ path: `${SCREENSHOTS}/backup-banner-320.png` });
    expectEqual(await axeViolations(page), [], 'axe with the reminder at 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Remind me later' }).click();
    expectEqual(await reminder(page).count(), 0, 'gone once dismissed');
    await page.reload();
    await settle(page);
    expectEqual(await reminder(page).count(), 0, 'still gone after a reload');

    await page.clock.setFixedTime(start + 11 * DAY);
    await page.reload();
    await settle(page);
    await reminder(page).waitFor();
  },
};
