import * as XLSX from 'xlsx';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

/** dd/mm/yyyy, `days` before today (the rehearsal's date). */
function daysAgo(days) {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
const csv = (name, lines) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });

function childProtectionList() {
  const lines = [
    'Child ID,Team,Social worker,Age,Plan start date,Previous child protection plans,Date of last visit',
  ];
  lines.push(`CPLONG,North,Worker A,9,${daysAgo(900)},1,${daysAgo(40)}`);
  for (let i = 0; i < 12; i += 1)
    lines.push(`CP${String(i).padStart(3, '0')},South,Worker B,7,${daysAgo(60 + i)},0,${daysAgo(3)}`);
  return csv('list-7.csv', lines);
}

function childrenInCareWorkbook(idHeading) {
  const rows = [[idHeading, 'Team', 'Placement type', 'Placement distance (miles)', 'Missing episodes']];
  rows.push(['CICFAR', 'Care', 'Unregistered children’s home', 62, 3]);
  for (let i = 0; i < 8; i += 1) rows.push([`CIC${i}`, 'Care', 'Foster care', 4, 0]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'List 8');
  return {
    name: 'list-8.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })),
  };
}

async function startRehearsal(page, baseUrl) {
  await page.goto(`${baseUrl}#/rehearsal`);
  await settle(page);
  await page.getByLabel('Who is taking part').fill('Director, Head of service');
  await page.getByRole('button', { name: 'Start rehearsal' }).click();
  await page.getByRole('heading', { name: 'Annex A lists' }).waitFor();
}

async function importList(page, number, file) {
  await page.getByLabel('Which list').selectOption(String(number));
  await page.getByLabel(/Choose the list’s file/).setInputFiles(file);
}

export default {
  async 'ILACS: Annex A lists are checked, previewed and kept, and the sample is drawn by risk with reasons'({
    page,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);
    await startRehearsal(page, baseUrl);

    // A bad file: a missing column and a date no one can read. Nothing is kept.
    await importList(
      page,
      7,
      csv('bad-list-7.csv', ['Child ID,Team,Date of last visit', 'CP1,North,31/31/2026']),
    );
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expectTrue(
      (await summary.textContent()).includes(
        'has no column for “plan start date”, which list 7 (Child protection) needs',
      ),
      await summary.textContent(),
    );
    await page.getByText('Nothing was kept: the rehearsal’s lists are as they were.').waitFor();
    await page.getByText('No lists imported for this rehearsal yet.').waitFor();
    await importList(
      page,
      1,
      csv('bad-list-1.csv', ['Child ID,Team,Contact date', `C1,Front door,${daysAgo(400)}`]),
    );
    await page.getByText(/so outside the 6 months this list covers/).waitFor();

    await importList(page, 7, childProtectionList());
    await page.getByRole('heading', { name: 'Check list 7 (Child protection) before keeping it' }).waitFor();
    await page.getByText('plan start date (from “Plan start date”)', { exact: false }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-annex-a-preview.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the Annex A preview');
    await page.getByRole('button', { name: 'Keep this list' }).click();
    await page.getByText('List 7 (Child protection): 13 rows kept from list-7.csv.').waitFor();

    await importList(page, 8, childrenInCareWorkbook('Child ID'));
    await page.getByRole('button', { name: 'Keep this list' }).click();
    await page.getByText('List 8 (Children in care): 9 rows kept from list-8.xlsx.').waitFor();

    await page.getByLabel('Cases from each group').fill('6');
    await page.getByLabel('Seed').fill('2026');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    const sample = page.getByRole('table', { name: 'The inspectors’ sample' });
    await sample.waitFor();
    const long = sample.locator('tr', { hasText: 'CPLONG' });
    const longText = await long.textContent();
    for (const reason of [
      'On a child protection plan for two years or more',
      'A repeat child protection plan (1 before this one)',
      'beyond the 10 working days a child protection plan allows',
      'Never audited',
    ])
      expectTrue(longText.includes(reason), `CPLONG: ${reason} in ${longText}`);
    const far = await sample.locator('tr', { hasText: 'CICFAR' }).textContent();
    expectTrue(
      far.includes('Placed in an unregistered home') && far.includes('Placed 62 miles from home'),
      far,
    );

    // Swap a case: a reason is needed, and is shown after.
    await page.setViewportSize({ width: 1280, height: 900 });
    const cpCount = await sample.locator('tbody tr').count();
    const swapButton = sample.getByRole('button', { name: /^Swap case CIC\d$/ }).first();
    const out = (await swapButton.textContent()).replace(/^Swap\s*case\s*/, '').trim();
    await swapButton.click();
    await sample.getByRole('button', { name: 'Swap the case' }).click();
    await page.getByText('Enter why you are swapping this case').waitFor();
    await sample.getByLabel('Why').fill('Already seen by the improvement board');
    await sample.getByRole('button', { name: 'Swap the case' }).click();
    await sample.getByText(`Swapped in for ${out}: Already seen by the improvement board`).waitFor();
    expectEqual(
      await sample.locator('tr', { hasText: new RegExp(`^${out}`) }).count(),
      0,
      'the swapped case left the sample',
    );
    expectEqual(await sample.locator('tbody tr').count(), cpCount, 'a swap keeps the sample’s size');
    await page.getByText('Saved at').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-risk-sample.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the risk-weighted sample');

    await page.reload();
    await settle(page);
    await page.getByRole('table', { name: 'Lists kept with this rehearsal' }).waitFor();
    await sample.getByText(`Swapped in for ${out}: Already seen by the improvement board`).waitFor();
    expectTrue((await sample.locator('tr', { hasText: 'CPLONG' }).count()) === 1, 'sample kept after reload');
  },

  async 'SIF: the SIF lists are read with their own names and the sample drawn from them'({ page, baseUrl }) {
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    await page.getByLabel('Framework', { exact: true }).selectOption('sif-2013@1');
    const years = await page.getByLabel('Year (April to March)').locator('option').allTextContents();
    await page
      .getByLabel('Year (April to March)')
      .selectOption({ label: years.includes('2017–18') ? '2017–18' : years[0] });
    await page.getByRole('button', { name: 'Start cycle' }).click();
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
    await startRehearsal(page, baseUrl);
    await page.getByText('SIF child-level lists', { exact: false }).first().waitFor();
    await page.getByLabel('Which list').selectOption('8');
    expectEqual(
      (await page.getByLabel('Which list').locator('option:checked').textContent()).trim(),
      'List 8: Children looked after',
      'the SIF names its lists its own way',
    );
    await importList(page, 8, childrenInCareWorkbook('Unique child identifier'));
    await page
      .getByRole('heading', { name: 'Check list 8 (Children looked after) before keeping it' })
      .waitFor();
    await page.getByRole('button', { name: 'Keep this list' }).click();
    await page.getByText('List 8 (Children looked after): 9 rows kept from list-8.xlsx.').waitFor();
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    const sample = page.getByRole('table', { name: 'The inspectors’ sample' });
    await sample.waitFor();
    expectTrue((await sample.textContent()).includes('Annex A list 8'), 'cases name their list');
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-annex-a-sif.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the SIF rehearsal');
  },
};
