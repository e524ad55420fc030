import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

export default {
  async 'the inspectors’ audit test: cases re-graded blind, then agreement and whether the grades held'({
    page,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);
    await page.goto(`${baseUrl}#/rehearsal`);
    await settle(page);
    await page.getByLabel('Who is taking part').fill('Director');
    await page.getByRole('button', { name: 'Start rehearsal' }).click();
    await page.getByRole('heading', { name: 'The inspectors’ audit test' }).waitFor();

    await page.getByLabel('Who is in the inspector’s role').fill('Head of quality assurance');
    const picks = page.getByRole('group', { name: 'Audited cases to put to the test' }).getByRole('checkbox');
    expectTrue((await picks.count()) >= 2, 'the example has completed audits to choose from');
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.getByRole('button', { name: 'Add the chosen cases' }).click();
    const first = page.locator('.govuk-summary-card').filter({ hasText: 'Case 1:' });
    await first.waitFor();
    // Blind: no council grade anywhere in the card before the inspector's is submitted.
    expectEqual(await first.getByText('Council’s grade').count(), 0, 'the council’s grade is hidden');
    await first.getByRole('button', { name: 'Submit the inspector’s grade' }).click();
    await first.getByText('Choose the grade the inspector gives').waitFor();
    await first.getByLabel('Inadequate').check();
    await first.getByLabel('Why (what the inspector saw)').fill('Plan drifted for six months.');
    await first.getByRole('button', { name: 'Submit the inspector’s grade' }).click();
    await first.getByText('Council’s grade').waitFor();
    await first.getByText('Plan drifted for six months.').waitFor();
    const held = (await first.getByText(/^(Held|Did not hold)$/).textContent()).trim();
    await page.getByText(/The inspector agreed with the council’s grade in [01] of 1/).waitFor();
    await page.getByText('9 more pairs needed').first().waitFor();
    await page.getByText('Saved at').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-audit-test.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the audit test');

    await page.reload();
    await settle(page);
    await first.getByText('Council’s grade').waitFor();
    expectEqual(
      (await first.getByText(/^(Held|Did not hold)$/).textContent()).trim(),
      held,
      'kept after reload',
    );
    const second = page.locator('.govuk-summary-card').filter({ hasText: 'Case 2:' });
    expectEqual(await second.getByText('Council’s grade').count(), 0, 'the second case is still blind');
  },
};
