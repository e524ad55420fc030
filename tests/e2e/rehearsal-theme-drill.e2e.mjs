import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';
import { ilacsReport } from '../fixtures/inspection-reports/build-reports.mjs';

const OUT = 'test-results/e2e-downloads';

/** dd/mm/yyyy, `days` before today (the rehearsal's date). */
function daysAgo(days) {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

function childProtectionList() {
  const lines = [
    'Child ID,Team,Social worker,Age,Plan start date,Previous child protection plans,Date of last visit',
    `CPLONG,North,Worker A,9,${daysAgo(900)},1,${daysAgo(40)}`,
  ];
  for (let i = 0; i < 8; i += 1)
    lines.push(`CP${String(i).padStart(3, '0')},South,Worker B,7,${daysAgo(60 + i)},0,${daysAgo(3)}`);
  return { name: 'list-7.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

/** The criteria the theme readiness table lists for a theme, as "ref title". */
async function themeCriteria(page, kind, themeLabel, theme) {
  await page.getByLabel('Kind of visit').selectOption({ label: kind });
  await page.getByLabel(themeLabel, { exact: true }).selectOption({ label: theme });
  const table = page.getByRole('table', { name: 'Readiness for the theme' });
  await table.waitFor();
  const names = await table.locator('tbody th').allTextContents();
  expectTrue(names.length > 0, `criteria bear on ${theme}`);
  return names.map((n) => n.trim());
}

/** Starts a themed rehearsal of five questions and checks each question is about one of `criteria`. */
async function rehearseTheme(page, { kind, themeLabel, theme, criteria, shot }) {
  await page.getByRole('group', { name: 'Type of inspection' }).getByLabel(kind, { exact: true }).check();
  await page.getByLabel(themeLabel, { exact: true }).selectOption({ label: theme });
  await page.getByLabel('Who is taking part').fill('Director, Head of service');
  await page.getByLabel('Number of questions').selectOption('5');
  const start = page.getByRole('button', { name: 'Start rehearsal' });
  await page.locator('form', { has: start }).screenshot({ path: `${SCREENSHOTS}/${shot}.png` });
  expectEqual(await axeViolations(page), [], `axe on the rehearsal page with ${kind} chosen`);
  await start.click();
  await page.getByText('Question 1 of 5').waitFor();
  for (let i = 1; i <= 5; i += 1) {
    await page.getByText(`Question ${i} of 5`).waitFor();
    const card = await drillCardText(page);
    const about = criteria.find((name) => card.includes(name));
    expectTrue(Boolean(about), `question ${i} is about a criterion of ${theme}: ${card.slice(0, 300)}`);
    if (i < 5) await page.getByRole('button', { name: 'Next question' }).click();
  }
}

/** The question on show and why it was asked. */
async function drillCardText(page) {
  const question = await page.locator('#drill-question').textContent();
  const why = await page.getByText(/^Why this question:/).textContent();
  return `${question} ${why}`;
}

async function inspectionRehearsed(page) {
  return (await page.getByText('Inspection rehearsed', { exact: true }).locator('xpath=..').textContent())
    .replace(/\s+/g, ' ')
    .trim();
}

export default {
  async 'ILACS: a focused visit on the front door drills its theme, is kept, and its notes give the reasons'({
    page,
    baseUrl,
  }) {
    mkdirSync(OUT, { recursive: true });
    await loadExample(page, baseUrl);
    await page.goto(`${baseUrl}#/rehearsal`);
    await settle(page);
    const criteria = await themeCriteria(page, 'Focused visit', 'Theme', 'The front door');
    await rehearseTheme(page, {
      kind: 'Focused visit',
      themeLabel: 'Theme to rehearse',
      theme: 'The front door',
      criteria,
      shot: 'rehearsal-theme-start',
    });
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    expectEqual(
      title.trim(),
      'Focused visit on the front door: lines of enquiry',
      'the title names the theme',
    );
    expectEqual(
      await inspectionRehearsed(page),
      'Inspection rehearsed Focused visit: the front door',
      'the type and theme shown',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-theme-drill.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the themed rehearsal');

    // The sample from an Annex A list, with reasons, and a swap with its reason.
    await page.getByLabel('Which list').selectOption('7');
    await page.getByLabel(/Choose the list’s file/).setInputFiles(childProtectionList());
    await page.getByRole('button', { name: 'Keep this list' }).click();
    await page.getByText('List 7 (Child protection): 9 rows kept from list-7.csv.').waitFor();
    await page.getByLabel('Cases from each group').fill('3');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    const sample = page.getByRole('table', { name: 'The inspectors’ sample' });
    await sample.waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    const swapButton = sample.getByRole('button', { name: /^Swap case CP\d+$/ }).first();
    const out = (await swapButton.textContent()).replace(/^Swap\s*case\s*/, '').trim();
    await swapButton.click();
    await sample.getByLabel('Why').fill('Already seen by the improvement board');
    await sample.getByRole('button', { name: 'Swap the case' }).click();
    await sample.getByText(`Swapped in for ${out}: Already seen by the improvement board`).waitFor();
    await page.getByText('Saved at').waitFor();

    await page.reload();
    await settle(page);
    await page.getByText('Question 1 of 5').waitFor();
    expectEqual(
      await inspectionRehearsed(page),
      'Inspection rehearsed Focused visit: the front door',
      'type and theme kept after reload',
    );
    const card = await drillCardText(page);
    expectTrue(
      criteria.some((name) => card.includes(name)),
      'the questions are still the theme’s after reload',
    );

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the rehearsal notes (PDF)' }).click(),
    ]);
    await file.saveAs(`${OUT}/rehearsal-theme.pdf`);
    const text = execFileSync('pdftotext', [`${OUT}/rehearsal-theme.pdf`, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const expected of [
      'Focused visit: the front door',
      'Why it was chosen',
      'On Annex A list 7 (Child protection)',
      'On a child protection plan for two years or more',
      'Cases swapped into the sample',
      'Already seen by the improvement board',
    ])
      expectTrue(text.includes(expected), `PDF has “${expected}”`);
  },

  async 'SIF: a JTAI on domestic abuse drills the deep dive and the front door, and is kept'({
    page,
    baseUrl,
  }) {
    await page.goto(`${baseUrl}#/self-assessment`);
    await settle(page);
    await page.getByLabel('Framework', { exact: true }).selectOption('sif-2013@1');
    const years = await page.getByLabel('Year (April to March)').locator('option').allTextContents();
    await page
      .getByLabel('Year (April to March)')
      .selectOption({ label: years.includes('2017–18') ? '2017–18' : years[0] });
    await page.getByRole('button', { name: 'Start cycle' }).click();
    await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
    await page.goto(`${baseUrl}#/rehearsal`);
    await settle(page);
    const kinds = await page
      .getByRole('group', { name: 'Type of inspection' })
      .getByRole('radio')
      .evaluateAll((radios) => radios.map((r) => r.value));
    expectEqual(kinds, ['sif', 'jtai'], 'the SIF offers its own inspection and a JTAI');
    const criteria = await themeCriteria(
      page,
      'Joint targeted area inspection (JTAI)',
      'Deep-dive theme (with the front door)',
      'Children living with domestic abuse',
    );
    await rehearseTheme(page, {
      kind: 'Joint targeted area inspection (JTAI)',
      themeLabel: 'Deep-dive theme to rehearse (with the front door)',
      theme: 'Children living with domestic abuse',
      criteria,
      shot: 'rehearsal-theme-start-sif',
    });
    const expected =
      'Inspection rehearsed Joint targeted area inspection (JTAI): children living with domestic abuse, with the front door';
    expectEqual(await inspectionRehearsed(page), expected, 'the JTAI and its deep dive shown');
    await page.screenshot({ path: `${SCREENSHOTS}/rehearsal-theme-drill-sif.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the SIF JTAI rehearsal');

    await page.reload();
    await settle(page);
    await page.getByText('Question 1 of 5').waitFor();
    expectEqual(await inspectionRehearsed(page), expected, 'kept after reload');
  },

  async 'the last inspection’s grades stand beside the agreed ones in readiness by judgement'({
    page,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);
    await page.goto(`${baseUrl}#/self-assessment/recommendations`);
    await settle(page);
    await page.getByRole('link', { name: 'Read an inspection report (PDF)' }).click();
    await page.getByRole('heading', { name: 'Read an inspection report', level: 1 }).waitFor();
    await settle(page);
    const report = ilacsReport({
      grades: [
        'Good',
        'Requires improvement to be good',
        'Inadequate',
        'Good',
        'Requires improvement to be good',
      ],
      priority: [],
      improve: ['Improve the sufficiency of local homes for children in care.'],
    });
    await page
      .getByLabel('Upload a report or letter')
      .setInputFiles({ name: 'last-ilacs.pdf', mimeType: 'application/pdf', buffer: Buffer.from(report) });
    await page.getByRole('heading', { name: 'What was read from last-ilacs.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Add to the tracker' }).click();
    await page.locator('.govuk-notification-banner--success', { hasText: 'Added' }).waitFor();

    await page.goto(`${baseUrl}#/rehearsal`);
    await settle(page);
    const glance = page.getByRole('table', { name: 'At a glance' });
    await glance.getByRole('columnheader', { name: 'Last inspection' }).waitFor();
    const inCare = await glance
      .getByRole('row', { name: /The experiences and progress of children in care/ })
      .textContent();
    expectTrue(inCare.includes('Inadequate'), `children in care shows its last grade: ${inCare}`);
    const section = page.getByRole('region', { name: 'The experiences and progress of children in care' });
    await section.getByText(/Inadequate.*Inspectors start from it/).waitFor();
    await glance.screenshot({ path: `${SCREENSHOTS}/rehearsal-last-inspection.png` });
    expectEqual(await axeViolations(page), [], 'axe on readiness with the last inspection');
  },
};
