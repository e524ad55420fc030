import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

async function waitForSaved(page) {
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved at/ })
    .first()
    .waitFor();
}

export default {
  async 'a principal social worker grades criteria, agrees a judgement and finds it all after reload'({
    page,
    baseUrl,
  }) {
    await page.goto(`${baseUrl}#/settings`);
    await page.getByLabel('Your name').fill('Sam Example');
    await page.getByLabel('Council name').fill('Northtown Borough Council');
    await page.getByLabel('Council name').blur();
    await waitForSaved(page);

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
    await page.getByRole('heading', { name: /The front door/, level: 1 }).waitFor();
    await page.getByLabel('Requires improvement to be good').check();
    await page.getByLabel('Medium').check();
    await page
      .getByLabel('Strengths')
      .fill('Contacts are screened within a day.\n\n- Consent is recorded\n- Thresholds are understood');
    await page
      .getByLabel('Areas for development')
      .fill('Strategy discussions out of hours are not always timely.');
    await page.getByLabel('Status').selectOption('in-progress');
    await page.getByLabel('Assigned to').fill('Head of Service, Front Door');
    await page.getByLabel('Assigned to').blur();
    await waitForSaved(page);
    await page.screenshot({ path: `${SCREENSHOTS}/criterion-page.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the criterion page');
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    expectEqual(await page.title(), `${heading} – Readiness Workbook`, 'the page title names the page');

    await page.getByRole('link', { name: /^Next: HP3/ }).click();
    await page.getByLabel('Good', { exact: true }).check();
    await waitForSaved(page);

    await page.getByRole('link', { name: 'Help and protection' }).click();
    await page.getByLabel('Outstanding').check();
    await page.getByText('Write why the agreed grade differs from the proposal').waitFor();
    await page
      .getByLabel('Rationale')
      .fill('Audits this year found consistently strong practice beyond these two criteria.');
    await page
      .getByLabel('What do you know about the quality and impact of social work practice?')
      .fill('Practice at the front door is improving.\n\n- Timeliness is better\n- Recording is clearer');
    await page.getByLabel('What do you know about the quality and impact of social work practice?').blur();
    await waitForSaved(page);
    expectEqual(
      await page.getByText('Write why the agreed grade differs from the proposal').count(),
      0,
      'rationale error gone once written',
    );

    await page.reload();
    await settle(page);
    expectTrue(await page.getByLabel('Outstanding').isChecked(), 'agreed grade kept after reload');
    expectTrue(
      (await page.getByLabel('Rationale').inputValue()).startsWith('Audits this year'),
      'rationale kept after reload',
    );
    const narrative = await page
      .getByLabel('What do you know about the quality and impact of social work practice?')
      .inputValue();
    expectEqual(
      narrative,
      'Practice at the front door is improving.\n\n- Timeliness is better\n- Recording is clearer',
      'narrative kept with its lines',
    );

    await page.getByRole('link', { name: /The front door/ }).click();
    await settle(page);
    expectTrue(await page.getByLabel('Requires improvement to be good').isChecked(), 'criterion grade kept');
    expectTrue(await page.getByLabel('Medium').isChecked(), 'confidence kept');
    expectEqual(
      await page.getByLabel('Strengths').inputValue(),
      'Contacts are screened within a day.\n\n- Consent is recorded\n- Thresholds are understood',
      'strengths kept',
    );
    expectEqual(
      await page.getByLabel('Assigned to').inputValue(),
      'Head of Service, Front Door',
      'assignee kept',
    );
    await page.getByText(/^History of changes \(/).click();
    const history = await page.locator('details table').textContent();
    expectTrue(
      history.includes('Sam Example') && history.includes('Requires improvement to be good'),
      history,
    );
  },

  async 'the example workspace shows the overview, readiness checks and recommendations tracker'({
    page,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);
    await page.getByRole('heading', { name: 'Readiness checks' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cycle-overview.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the overview');
    const checks = await page.locator('#readiness ~ ul').allTextContents();
    expectTrue(checks.join(' ').length > 0, 'readiness checks listed');

    for (const screen of ['Evidence register', 'Improvement actions', 'Recommendations tracker']) {
      await page
        .getByRole('navigation', { name: 'Self-assessment' })
        .getByRole('link', { name: screen })
        .click();
      await page.getByRole('heading', { name: screen, level: 1 }).waitFor();
      await settle(page);
      expectEqual(await axeViolations(page), [], `axe on ${screen}`);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/recommendations-tracker.png`, fullPage: true });
    await page
      .getByRole('navigation', { name: 'Self-assessment' })
      .getByRole('link', { name: 'Assessment cycles' })
      .click();
    await page
      .getByRole('link', { name: /^Self-assessment 20\d\d–\d\d/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'What changed since last year' }).click();
    await page.getByRole('heading', { name: 'What changed since last year' }).waitFor();
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOTS}/changes-since-last-year.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on changes since last year');

    await page.getByRole('link', { name: /^20\d\d–\d\d$/ }).click();
    await page
      .getByRole('link', { name: 'The impact of leaders on social work practice with children and families' })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Proposed grade' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/judgement-page.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the judgement page');

    for (const [register, heading] of [
      ['evidence', 'Add evidence'],
      ['actions', 'Add an action'],
      ['recommendations', 'Add a recommendation'],
    ]) {
      await page.goto(`${baseUrl}#/self-assessment/${register}/new`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expectEqual(await axeViolations(page), [], `axe on a new ${register} item`);
    }
    await page.goto(`${baseUrl}#/self-assessment/evidence`);
    await page.getByRole('link', { name: 'Case audit summary, quarter 2' }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    await settle(page);
    expectEqual(await axeViolations(page), [], 'axe on an evidence item');
    await page.goto(`${baseUrl}#/settings`);
    await page.getByLabel('Council name').waitFor();
    expectEqual(await axeViolations(page), [], 'axe on settings');

    await page.goto(`${baseUrl}#/rehearsal`);
    await page
      .getByRole('heading', { name: 'The experiences and progress of care leavers', level: 3 })
      .waitFor();
    const readiness = await page.locator('main').textContent();
    expectTrue(
      readiness.includes('Do we know ourselves?') && /Not ready|Nearly ready|Ready/.test(readiness),
      'readiness shown',
    );
    expectEqual(await axeViolations(page), [], 'axe on rehearsal readiness');
  },
};
