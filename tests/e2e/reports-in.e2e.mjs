// Reports in: choosing Ofsted's report or letter (a synthetic PDF made here with jsPDF) shows what was
// read beside its page text, and only on confirming fills the tracker, the draft actions and the last
// inspection's grades. Hostile PDFs are refused with a clear message and change nothing. pdf.js runs in
// a worker under the app's CSP: the harness fails any scenario with a CSP violation.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';
import {
  encryptedPdf,
  focusedVisitLetter,
  hugePdf,
  ilacsReport,
  imageOnlyPdf,
  javascriptPdf,
  jtaiLetter,
  manyPagesPdf,
  monitoringVisitLetter,
  noisePdf,
  otherPdf,
  sifReport,
} from '../fixtures/inspection-reports/build-reports.mjs';

/** Large files go by path: sending 26 MB through the browser protocol takes longer than the test allows. */
function hugeFile() {
  const path = join(mkdtempSync(join(tmpdir(), 'rw-reports-')), 'huge.pdf');
  writeFileSync(path, hugePdf(26 * 1024 * 1024));
  return path;
}

const pdf = (name, bytes) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });

async function openReader(page, baseUrl) {
  await page.goto(`${baseUrl}#/self-assessment/recommendations`);
  await settle(page);
  await page.getByRole('link', { name: 'Read an inspection report (PDF)' }).click();
  await page.getByRole('heading', { name: 'Read an inspection report', level: 1 }).waitFor();
  await settle(page);
}

async function choose(page, file) {
  await page.getByLabel('Upload a report or letter').setInputFiles(file);
}

async function trackerText(page, baseUrl, { lastInspection = false } = {}) {
  await page.goto(`${baseUrl}#/self-assessment/recommendations`);
  await settle(page);
  // The record of the last inspection loads beside the registers: wait for it where one was recorded.
  if (lastInspection) await page.getByRole('heading', { name: 'Last inspection' }).waitFor();
  return page.locator('main').innerText();
}

async function expectNoViolations(page, where) {
  const violations = await axeViolations(page);
  expectEqual(violations, [], `axe on ${where}`);
}

/** Reads a document, confirms what is ticked by default, and returns the success banner's words. */
async function addDefaults(page, baseUrl, file) {
  await openReader(page, baseUrl);
  await choose(page, file);
  await page.getByRole('heading', { name: `What was read from ${file.name}` }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/reports-in ${file.name}.png`, fullPage: true });
  await page.getByRole('button', { name: 'Add to the tracker' }).click();
  return (
    await page.locator('.govuk-notification-banner--success', { hasText: 'Added' }).innerText()
  ).replace(/\s+/g, ' ');
}

export default {
  async 'an ILACS report fills the tracker, a draft action and the last inspection, by keyboard, after review'({
    page,
    baseUrl,
  }) {
    await openReader(page, baseUrl);
    await expectNoViolations(page, 'the upload page');
    const file = pdf(
      'northby-ilacs.pdf',
      ilacsReport({
        grades: ['Inadequate', 'Requires improvement to be good', 'Inadequate', 'Good', 'Inadequate'],
        priority: [
          'Make sure every child at risk of harm is seen by a social worker within a day of the referral.',
        ],
        improve: [
          'Improve the timeliness of strategy discussions for children at risk out of hours.',
          'Strengthen the quality of pathway plans for care leavers, so that each is specific and up to date.',
          'Improve the sufficiency of local homes for children in care.',
        ],
      }),
    );
    await choose(page, file);
    await page.getByRole('heading', { name: 'What was read from northby-ilacs.pdf' }).waitFor();
    const review = await page.locator('main').innerText();
    for (const expected of [
      'Council: Northby Borough Council',
      'Fieldwork: 03/06/2024 to 14/06/2024',
      'ILACS 2023 (in force when fieldwork started)',
      'The experiences and progress of children in care: Inadequate',
      'Read from Page 1, lines 8 to 9',
      'PA1: Make sure every child at risk',
      'R3: Improve the sufficiency of local homes',
    ])
      expectTrue(review.includes(expected), `the review shows “${expected}”`);
    await page.screenshot({ path: `${SCREENSHOTS}/reports-in side by side.png`, fullPage: true });
    await expectNoViolations(page, 'the review');

    // Nothing is saved before confirming: the tracker is still empty in another tab.
    const other = await page.context().newPage();
    await other.goto(`${baseUrl}#/self-assessment/recommendations`);
    await settle(other);
    expectTrue(
      (await other.locator('main').innerText()).includes('There are no recommendations yet'),
      'nothing saved yet',
    );
    await other.close();

    // By keyboard: untick R3 with Space, then confirm with Enter.
    await page.getByLabel(/^R3:/).focus();
    await page.keyboard.press('Space');
    expectEqual(await page.getByLabel(/^R3:/).isChecked(), false, 'Space unticks R3');
    await page.getByRole('button', { name: 'Add to the tracker' }).focus();
    await page.keyboard.press('Enter');
    const banner = page.locator('.govuk-notification-banner--success', { hasText: 'Added' });
    await banner.waitFor();
    expectTrue(
      (await banner.innerText()).includes(
        'Added 3 recommendations, 1 draft action and the grades as the last inspection from northby-ilacs.pdf.',
      ),
      `the banner says what was added: ${await banner.innerText()}`,
    );
    await expectNoViolations(page, 'the success banner');

    await page.reload();
    const tracker = await trackerText(page, baseUrl, { lastInspection: true });
    for (const expected of ['PA1', 'R1', 'R2', 'Make sure every child at risk of harm', 'Last inspection'])
      expectTrue(tracker.includes(expected), `the tracker shows “${expected}”`);
    expectTrue(!tracker.includes('Improve the sufficiency of local homes'), 'R3 was left out');
    await page.screenshot({
      path: `${SCREENSHOTS}/reports-in tracker with last inspection.png`,
      fullPage: true,
    });
    expectTrue(tracker.includes('3 open'), 'three recommendations are open');
    for (const [name, grade] of [
      ['The impact of leaders on social work practice with children and families', 'Inadequate'],
      [
        'The experiences and progress of children who need help and protection',
        'Requires improvement to be good',
      ],
      ['The experiences and progress of care leavers', 'Good'],
      ['Overall effectiveness', 'Inadequate'],
    ])
      expectTrue(
        tracker.includes(`${name}\t${grade}`) || tracker.includes(`${name}\n${grade}`),
        `last inspection: ${name} ${grade}`,
      );

    await page.goto(`${baseUrl}#/`);
    await settle(page);
    expectTrue(
      (await page.getByTestId('last-inspection-line').innerText()).includes(
        'Last inspection: ILACS inspection report, fieldwork 03/06/2024 to 14/06/2024 (ILACS 2023).',
      ),
      'the home page names the last inspection',
    );

    await page.goto(`${baseUrl}#/self-assessment/actions`);
    await settle(page);
    expectTrue(
      (await page.locator('main').innerText()).includes('Respond to area for priority action PA1'),
      'a draft action answers the priority action',
    );

    // Read again, the same items are already in the tracker and start unticked.
    await openReader(page, baseUrl);
    await choose(page, file);
    await page.getByRole('heading', { name: 'What was read from northby-ilacs.pdf' }).waitFor();
    expectEqual(await page.getByLabel(/^R1:/).isChecked(), false, 'a tracked item starts unticked');
    expectEqual(await page.getByLabel(/^R3:/).isChecked(), true, 'an untracked item starts ticked');
  },

  async 'the readiness checks and the Changes page compare the self-assessment with the report added'({
    page,
    baseUrl,
  }) {
    await loadExample(page, baseUrl);
    const overview = page.url();

    // Before a report is added, the Changes page says how to add one.
    await page.getByRole('link', { name: /^What changed since last year/ }).click();
    await page.getByRole('heading', { name: 'Since the last inspection' }).waitFor();
    const add = page.getByRole('link', { name: 'Add your last inspection report' });
    expectEqual(await add.getAttribute('href'), '#/recommendations/read-report', 'links to Read a report');

    await addDefaults(
      page,
      baseUrl,
      pdf(
        'exampleshire-ilacs.pdf',
        ilacsReport({
          council: 'Exampleshire County Council',
          grades: [
            'Outstanding',
            'Requires improvement to be good',
            'Inadequate',
            'Good',
            'Requires improvement to be good',
          ],
          improve: ['Improve the timeliness of strategy discussions for children at risk out of hours.'],
        }),
      ),
    );

    await page.goto(overview);
    await settle(page);
    await page.getByRole('heading', { name: 'Readiness checks', level: 2 }).waitFor();
    const checks = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const expected of [
      // Judged Outstanding, now agreed lower in the example: inspectors will ask what changed.
      'The impact of leaders on social work practice with children and families was judged Outstanding at the last inspection (26/07/2024) and is now agreed as',
      'The experiences and progress of care leavers was judged Good at the last inspection (26/07/2024) and is now agreed as Requires improvement to be good.',
      'Recommendation R1 from the last inspection (26/07/2024) (Improve the timeliness of strategy discussions',
    ])
      expectTrue(checks.includes(expected), `the readiness checks say “${expected}”`);
    await page.screenshot({ path: `${SCREENSHOTS}/reports-in readiness checks.png`, fullPage: true });

    await page.getByRole('link', { name: /^What changed since last year/ }).click();
    await page.getByRole('table', { name: 'Judgements then and now' }).waitFor();
    const changes = await page.locator('main').innerText();
    expectTrue(
      changes.includes('ILACS inspection report, fieldwork 03/06/2024 to 14/06/2024, published 26/07/2024.'),
      'names the inspection and its dates',
    );
    const since = page.getByRole('table', { name: 'Judgements then and now' });
    const row = async (name) =>
      (await since.getByRole('row', { name: new RegExp(`^${name}`) }).innerText()).replace(/\s+/g, ' ');
    expectTrue(
      (await row('The impact of leaders on social work practice')).includes('Outstanding'),
      'the grade at the inspection, in the framework’s words',
    );
    expectTrue(
      (await row('The impact of leaders on social work practice')).endsWith('Worse'),
      'leaders: worse',
    );
    expectTrue(
      (await row('Overall effectiveness')).includes('Not judged in this framework'),
      'overall effectiveness',
    );
    expectTrue(changes.includes('The inspection’s recommendations (1)'), 'counts its recommendations');
    await page.screenshot({ path: `${SCREENSHOTS}/changes since the last inspection.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the Changes page');
  },

  async 'a SIF report, focused visit, monitoring visit and JTAI letter each fill the tracker'({
    page,
    baseUrl,
  }) {
    const sif = await addDefaults(
      page,
      baseUrl,
      pdf(
        'westmere-sif.pdf',
        sifReport({
          priority: ['Make sure every child at risk is protected at once.'],
          improvement: ['Improve the analysis in assessments.', 'Improve supervision records.'],
          lscbImprovement: ['Make sure the board audits multi-agency practice.'],
        }),
      ),
    );
    expectTrue(
      sif.includes('Added 4 recommendations, 1 draft action and the grades as the last inspection'),
      sif,
    );
    let tracker = await trackerText(page, baseUrl);
    for (const expected of [
      'PA1',
      'R2',
      'R3',
      'R4',
      'Make sure the board audits multi-agency practice.',
      'SIF 2013',
      'The effectiveness of the Local Safeguarding Children Board',
      'Leadership, management and governance',
    ])
      expectTrue(tracker.includes(expected), `SIF: the tracker shows “${expected}”`);

    const fv = await addDefaults(
      page,
      baseUrl,
      pdf(
        'eastham-focused-visit.pdf',
        focusedVisitLetter({
          priority: ['Make sure care plans for children in care are reviewed on time.'],
          improve: ['Improve life-story work for children in care.', 'Improve the recording of family time.'],
        }),
      ),
    );
    expectTrue(fv.includes('Added 3 recommendations and 1 draft action from eastham-focused-visit.pdf'), fv);

    const mv = await addDefaults(page, baseUrl, pdf('southfold-monitoring.pdf', monitoringVisitLetter()));
    expectTrue(mv.includes('Added 1 recommendation and 1 draft action'), mv);

    const jtai = await addDefaults(page, baseUrl, pdf('riverton-jtai.pdf', jtaiLetter()));
    expectTrue(jtai.includes('Added 2 recommendations and 1 draft action'), jtai);

    tracker = await trackerText(page, baseUrl);
    for (const expected of ['FV PA1', 'FV R1', 'FV R2', 'MV PA1', 'JTAI PA1', 'JTAI R1'])
      expectTrue(tracker.includes(expected), `letters: the tracker shows “${expected}”`);
    // Letters carry no grades: the SIF report is still the last inspection.
    expectTrue(tracker.includes('Westmere City Council'), 'the last inspection is still the SIF report');
    await page.goto(`${baseUrl}#/self-assessment/actions`);
    await settle(page);
    const actions = await page.locator('main').innerText();
    for (const ref of ['PA1', 'FV PA1', 'MV PA1', 'JTAI PA1'])
      expectTrue(
        actions.includes(`Respond to area for priority action ${ref}:`),
        `a draft action for ${ref}`,
      );
  },

  async 'the PDF worker reads a report under a CSP header that forbids eval and other origins'({
    page,
    baseUrl,
  }) {
    // A meta CSP does not reach a worker; a deployed app's header would. Give the worker that header.
    let served = 0;
    await page.context().route(/pdf-text-worker-[^/]*\.js$/, async (route) => {
      const response = await route.fetch().catch(() => undefined);
      if (!response) return; // the page closed while the copy was on its way
      served += 1;
      await route
        .fulfill({
          response,
          headers: {
            ...response.headers(),
            'content-security-policy':
              "default-src 'self'; script-src 'self'; worker-src 'self'; object-src 'none'",
          },
        })
        .catch(() => undefined);
    });
    await openReader(page, baseUrl);
    await choose(page, pdf('northby.pdf', ilacsReport()));
    await page.getByRole('heading', { name: 'What was read from northby.pdf' }).waitFor();
    // The service worker may fetch it too, to keep it offline; every copy carries the header.
    expectTrue(served >= 1, 'the worker was served with the CSP header');
    expectTrue(
      (await page.locator('main').innerText()).includes('Council: Northby Borough Council'),
      'the report was read under the header',
    );
    // The service worker may still be fetching its copy: a route left in flight would outlive the page.
    await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  },

  async 'hostile and unreadable PDFs are refused with a clear message and change nothing'({ page, baseUrl }) {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await openReader(page, baseUrl);
    const cases = [
      [pdf('scan.pdf', imageOnlyPdf()), 'probably a scanned image'],
      [pdf('locked.pdf', encryptedPdf()), 'protected by a password'],
      [pdf('noise.pdf', noisePdf()), 'is damaged'],
      [pdf('bundle.pdf', manyPagesPdf(2500)), 'more than 300 pages'],
      [hugeFile(), 'larger than the 25 MB'],
      [pdf('menu.pdf', otherPdf()), 'does not look like an Ofsted report or letter'],
      [
        {
          name: 'report.docx',
          mimeType: 'application/octet-stream',
          buffer: Buffer.from('PK\u0003\u0004 not a pdf'),
        },
        'is not a PDF',
      ],
    ];
    for (const [file, words] of cases) {
      await choose(page, file);
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      const text = (await summary.innerText()).replace(/\s+/g, ' ');
      const name = typeof file === 'string' ? 'huge.pdf' : file.name;
      expectTrue(text.includes(`There is a problem with ${name}`), `${name}: names the file`);
      expectTrue(text.includes(words), `${name}: says “${words}”: ${text}`);
      expectTrue(text.includes('Nothing was added'), `${name}: says nothing changed`);
    }
    await expectNoViolations(page, 'a refusal');

    // Embedded JavaScript never runs: the PDF is only read for its text.
    await choose(page, pdf('scripted.pdf', javascriptPdf()));
    await page.getByRole('heading', { name: 'What was read from scripted.pdf' }).waitFor();
    expectEqual(dialogs, 0, 'no script in the PDF ran');
    await page.getByRole('button', { name: 'Cancel' }).click();

    const tracker = await trackerText(page, baseUrl);
    expectTrue(tracker.includes('There are no recommendations yet'), 'the tracker is unchanged');
    expectTrue(!tracker.includes('Last inspection'), 'no last inspection was recorded');
  },
};
