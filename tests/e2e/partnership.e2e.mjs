import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, settle } from './harness.mjs';

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ');

/** One agency's section 11 return, every standard graded as given, then completed. */
async function recordReturn(page, baseUrl, { reference, agency, lead, grades, overall }) {
  await page.goto(`${baseUrl}#/case-audits`);
  await settle(page);
  await page
    .getByLabel(/^Audit tool/)
    .selectOption({ label: 'Section 11 self-assessment (Children Act 2004)' });
  await page.getByRole('button', { name: 'Record an audit' }).click();
  await page.getByRole('heading', { name: /^Agency return/ }).waitFor();
  expectEqual(await page.getByRole('heading', { name: 'The case' }).count(), 0, 'no "case" on a return');
  await page.getByLabel('Return reference').fill(reference);
  await page.getByLabel('Return reference').blur();
  await page.getByLabel('Agency', { exact: true }).selectOption(agency);
  await page.getByLabel('Lead officer').fill(lead);
  await page.getByLabel('Lead officer').blur();
  await page.getByLabel('Auditor').fill(`${agency} safeguarding lead`);
  await page.getByLabel('Auditor').blur();
  const signedOff = page.getByRole('group', {
    name: 'When did the senior accountable lead sign the return off?',
  });
  if (await signedOff.count()) {
    await signedOff.getByLabel('Day').fill('20');
    await signedOff.getByLabel('Month').fill('11');
    await signedOff.getByLabel('Year').fill('2026');
    await signedOff.getByLabel('Year').blur();
  } else {
    await page.getByLabel('When did the senior accountable lead sign the return off?').fill('2026-11-20');
  }
  const standards = page.getByRole('group', { name: /^Grade for standard / });
  expectEqual(await standards.count(), 8, 'the eight section 11 standards are graded');
  for (let i = 0; i < 8; i += 1) await standards.nth(i).getByLabel(grades[i], { exact: true }).check();
  await page
    .getByRole('group', { name: 'Overall grade for the return' })
    .getByLabel(overall, { exact: true })
    .check();
  await page.getByRole('heading', { name: `Agency return ${reference}` }).waitFor();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.getByText(/This audit is complete, so it is read-only/).waitFor();
}

export default {
  async 'a partnership self-assesses, two agencies make section 11 returns, a challenge panel tests them and the criteria show it'({
    page,
    baseUrl,
  }) {
    await page.goto(`${baseUrl}#/settings`);
    await page.getByLabel('Your name').fill('Partnership Business Manager');
    await page.getByLabel('Your name').blur();

    // The partnership's own self-assessment, on its own framework.
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    const framework = page.getByLabel('Framework', { exact: true });
    await framework.selectOption('safeguarding-partnership-2023@1');
    await page.getByLabel('Year (April to March)').selectOption({ label: '2026–27' });
    await page.getByRole('button', { name: 'Start cycle' }).click();
    await page.getByRole('heading', { name: 'Self-assessment 2026–27' }).waitFor();
    const cycleUrl = page.url();
    await page.goto(`${cycleUrl}/criteria/as-senior-lead`);
    await page
      .getByRole('heading', { name: 'Senior accountable lead and clear lines of accountability' })
      .waitFor();
    // The partnership grades its agencies' standards met, partly met or not met, as its framework says.
    await page
      .getByRole('group', { name: /^Grade/ })
      .first()
      .getByLabel('Met', { exact: true })
      .check();
    await page.getByLabel('Strengths').fill('Every statutory partner has named a board-level lead.');
    await page.getByLabel('Strengths').blur();
    await page.getByText(/^Saved at/).waitFor();

    // Two agencies complete their returns.
    const met = Array(8).fill('Met');
    await recordReturn(page, baseUrl, {
      reference: 'S11-2026-POLICE',
      agency: 'Police',
      lead: 'Detective Superintendent, public protection',
      grades: met,
      overall: 'Met',
    });
    await page.screenshot({ path: `${SCREENSHOTS}/section-11-return.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on a section 11 return');
    await recordReturn(page, baseUrl, {
      reference: 'S11-2026-ICB',
      agency: 'Integrated care board',
      lead: 'Designated nurse for safeguarding children',
      grades: ['Partly met', ...Array(7).fill('Met')],
      overall: 'Partly met',
    });

    // The challenge panel tests the ICB return blind and finds every standard met.
    await page.getByRole('link', { name: 'Record the challenge panel' }).click();
    await page.getByRole('heading', { name: 'Challenge panel: S11-2026-ICB' }).waitFor();
    const panelGrades = page.getByLabel('Met', { exact: true });
    const count = await panelGrades.count();
    expectEqual(count, 9, 'eight standards and the overall grade at the panel');
    for (let i = 0; i < count; i += 1) await panelGrades.nth(i).check();
    await page.getByRole('button', { name: 'Submit my grades' }).click();
    await page.getByRole('heading', { name: 'Compared' }).waitFor();
    expectTrue(
      (await page.getByText('Auditor: Partly met').count()) > 0,
      'the return’s grades shown after submitting',
    );
    await page.getByLabel('Reason').fill('The ICB showed the panel its board minutes: the lead is in place.');
    await page.getByLabel('Reason').blur();
    await page.screenshot({ path: `${SCREENSHOTS}/challenge-panel.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the challenge panel');

    // The returns roll up into the partnership's criterion, the panel's grade standing for the ICB.
    await page.goto(`${cycleUrl}/criteria/as-senior-lead`);
    await page.getByRole('heading', { name: 'What the audits found' }).waitFor();
    const found = await text(page.locator('h2:has-text("What the audits found") + p'));
    expectTrue(found.includes('2 completed audits ask about this criterion'), found);
    expectTrue(found.includes('100% good or better (2 of 2 graded'), found);
    await page.screenshot({ path: `${SCREENSHOTS}/partnership-criterion.png`, fullPage: true });

    // The findings speak the returns' own scale: met, partly met, not met.
    await page.goto(`${baseUrl}#/case-audits/findings`);
    await page.getByRole('heading', { name: 'Audit findings' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/partnership-findings.png`, fullPage: true });
    const main = await text(page.locator('main'));
    expectTrue(main.includes('Partly met') && main.includes('Met'), 'findings in met / partly met words');
    expectTrue(!/Requires improvement|Inadequate/.test(main), 'no Ofsted grade words for section 11 returns');
    expectEqual(await axeViolations(page), [], 'axe on the partnership findings');
  },
};
