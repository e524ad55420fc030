import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import * as XLSX from 'xlsx/xlsx.mjs';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample } from './harness.mjs';

const OUT = 'test-results/e2e-downloads';

async function download(page, buttonName, path) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  await file.saveAs(path);
  return file.suggestedFilename();
}

/** A figures table on the page as [label, audits, share] rows. */
async function pageRows(page, caption) {
  return page.getByRole('table', { name: caption }).evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((row) => {
      const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent.trim());
      const headers = [...table.querySelectorAll('thead th')].map((h) => h.textContent.trim());
      return [cells[0], Number(cells[1]), cells[headers.indexOf('Good or better')]];
    }),
  );
}

function pdfPages(path, layout = false) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))[1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync(
      'pdftotext',
      [...(layout ? ['-layout'] : []), '-f', String(i + 1), '-l', String(i + 1), path, '-'],
      {
        encoding: 'utf8',
      },
    ).replace(/\s+/g, ' '),
  );
}

export default {
  async 'an audit subgroup downloads its report of completed and moderated audits as PDF and workbook'({
    page,
    baseUrl,
  }) {
    mkdirSync(OUT, { recursive: true });
    await loadExample(page, baseUrl);

    // The example's audits are complete; a moderator moderates two of them, one to a different grade.
    await page.goto(`${baseUrl}#/case-audits`);
    await page.getByRole('heading', { name: 'Case audits', exact: true }).waitFor();
    await page.locator('a[href*="#/case-audits/audits/"]').first().waitFor();
    const audits = [
      ...new Set(
        await page
          .locator('a[href*="#/case-audits/audits/"]')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href').split('#/')[1])),
      ),
    ].slice(0, 2);
    expectEqual(audits.length, 2, 'two audits to moderate');
    for (const [i, audit] of audits.entries()) {
      await page.goto(`${baseUrl}#/${audit}/moderation`);
      await page.getByRole('button', { name: 'Submit my grades' }).waitFor();
      const grade = i === 0 ? 'Inadequate' : 'Good';
      const radios = page.getByLabel(grade, { exact: true });
      for (let k = 0; k < (await radios.count()); k += 1) await radios.nth(k).check();
      await page.getByRole('button', { name: 'Submit my grades' }).click();
      await page.getByRole('heading', { name: 'Compared' }).waitFor();
      if (i === 0) {
        await page.getByLabel('Reason').fill('Drift for the child was not picked up by the auditor.');
        await page.getByLabel('Reason').blur();
        await page
          .getByText(/^Saved at/)
          .first()
          .waitFor();
      }
    }

    await page.goto(`${baseUrl}#/case-audits/findings`);
    await page.getByRole('heading', { name: 'Audit findings' }).waitFor();
    await page.getByRole('table', { name: 'Trend by quarter' }).waitFor();
    const byQuarter = await pageRows(page, 'Trend by quarter');
    expectTrue(byQuarter.length > 0 && byQuarter.some(([, n]) => n > 0), 'the page shows audit figures');
    const moderated = await page
      .getByRole('table', { name: 'Agreement by round' })
      .locator('tbody tr')
      .count();
    expectTrue(moderated > 0, 'the example council has moderated audits');

    const pdfName = await download(page, 'Download the subgroup report (PDF)', `${OUT}/subgroup.pdf`);
    await page.getByText(/is ready and has been downloaded/).waitFor();
    expectTrue(pdfName.includes('audit subgroup report') && pdfName.endsWith('.pdf'), pdfName);
    const pages = pdfPages(`${OUT}/subgroup.pdf`);
    for (const [i, text] of pages.entries())
      expectTrue(text.includes('OFFICIAL-SENSITIVE'), `the marking on page ${i + 1} of the PDF`);
    const text = pages.join(' ');
    for (const heading of [
      'Audit subgroup report',
      'All audits',
      'By quarter',
      'Moderation agreement',
      'Recurring themes',
    ])
      expectTrue(text.includes(heading), `the PDF has “${heading}”`);
    const layout = pdfPages(`${OUT}/subgroup.pdf`, true).join(' ');
    for (const [quarter, n, share] of byQuarter)
      expectTrue(
        new RegExp(`${quarter} ${n} [\\d ]+ ${share.replace('%', '%\\s*\\(\\d+\\)')}`).test(layout),
        `the PDF prints ${quarter}: ${n} audits, ${share} as the page does`,
      );

    await download(page, 'Download the subgroup report (Excel)', `${OUT}/subgroup.xlsx`);
    const book = XLSX.read(readFileSync(`${OUT}/subgroup.xlsx`));
    const zip = XLSX.CFB.read(readFileSync(`${OUT}/subgroup.xlsx`), { type: 'buffer' });
    const sheets = zip.FullPaths.filter((p) => /worksheets\/sheet\d+\.xml$/.test(p));
    expectEqual(sheets.length, 8, 'one sheet file per sheet');
    for (const path of sheets)
      expectTrue(
        XLSX.CFB.find(zip, path).content.toString().includes('state="frozen"'),
        `the header row of ${path} is frozen`,
      );
    expectEqual(
      book.SheetNames,
      [
        'Summary',
        'Good or better',
        'Moderation agreement',
        'Moderations',
        'Recurring themes',
        'Escalations',
        'Audit actions',
        'Improvement actions',
      ],
      'subgroup workbook sheets',
    );
    const quarters = XLSX.utils
      .sheet_to_json(book.Sheets['Good or better'])
      .filter((r) => r.Breakdown === 'By quarter')
      .map((r) => [r.Group, r.Audits, `${r['Per cent good or better']}%`]);
    expectEqual(quarters, byQuarter, 'the workbook’s quarters are the page’s');
    const moderations = XLSX.utils.sheet_to_json(book.Sheets.Moderations);
    expectEqual(moderations.length, 2, 'the moderations that stand');
    expectTrue(
      moderations.some((m) => m.Reason === 'Drift for the child was not picked up by the auditor.'),
      'the moderator’s reason',
    );
    expectTrue(
      text.includes('Drift for the child was not picked up by the auditor.'),
      'the reason in the PDF',
    );

    // One round chosen: the page and the report both cover just its audits.
    const rounds = page.getByRole('group', { name: 'Rounds' });
    await page.getByLabel('Chosen rounds').check();
    const first = rounds.getByRole('checkbox').first();
    const roundTitle = (await rounds.locator('label').first().textContent()).trim();
    await first.check();
    await page.screenshot({ path: `${SCREENSHOTS}/subgroup-report.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the findings with a round chosen');
    await download(page, 'Download the subgroup report (PDF)', `${OUT}/subgroup-round.pdf`);
    const roundText = pdfPages(`${OUT}/subgroup-round.pdf`).join(' ');
    expectTrue(roundText.includes(`Round: ${roundTitle}`), `the PDF names the round ${roundTitle}`);
  },
};
