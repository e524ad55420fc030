import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import * as XLSX from 'xlsx/xlsx.mjs';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample } from './harness.mjs';

const OUT = 'test-results/e2e-downloads';

/**
 * Watches the page while an export runs: the longest gap between animation frames (how long the page
 * froze) and every text the export's status line showed, with whether the button was disabled then.
 */
function watchThePage(buttonName) {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === buttonName);
  const status = button.closest('.govuk-button-group').nextElementSibling;
  const watch = { longestGap: 0, seen: [], running: true };
  let last = performance.now();
  const beat = (now) => {
    watch.longestGap = Math.max(watch.longestGap, now - last);
    last = now;
    if (watch.running) requestAnimationFrame(beat);
  };
  requestAnimationFrame(beat);
  new MutationObserver(() =>
    watch.seen.push({
      text: status.textContent,
      disabled: button.disabled,
      role: status.getAttribute('role'),
    }),
  ).observe(status, { childList: true, characterData: true, subtree: true });
  globalThis.__exportWatch = watch;
}

async function download(page, buttonName, path) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  await file.saveAs(path);
  return file.suggestedFilename();
}

export default {
  async 'a director downloads the PDF and the workbook while offline, and a backup restores'({
    page,
    context,
    baseUrl,
  }) {
    mkdirSync(OUT, { recursive: true });
    await loadExample(page, baseUrl);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const overview = page.url();

    await context.setOffline(true);
    await page.goto(overview);
    await page.reload();
    await page.getByRole('button', { name: 'Download PDF' }).waitFor();
    await page.evaluate(watchThePage, 'Download PDF');
    const pdfName = await download(page, 'Download PDF', `${OUT}/self-assessment.pdf`);
    await page.getByText(/is ready and has been downloaded/).waitFor();
    const watched = await page.evaluate(() => {
      globalThis.__exportWatch.running = false;
      return globalThis.__exportWatch;
    });
    // The PDF is made in the export worker: the page keeps drawing frames all the while.
    expectTrue(watched.longestGap < 200, `the page froze for ${Math.round(watched.longestGap)} ms`);
    const steps = watched.seen.filter((s) => s.text.startsWith('Preparing the PDF: '));
    expectTrue(
      steps.some((s) => s.text.includes('writing the file')),
      `the status says what the export is doing: ${JSON.stringify(watched.seen)}`,
    );
    expectTrue(
      steps.every((s) => s.disabled && s.role === 'status'),
      'the button is disabled while the export runs',
    );
    expectTrue(
      pdfName.startsWith('Exampleshire County Council self-assessment') && pdfName.endsWith('DRAFT.pdf'),
      pdfName,
    );
    const text = execFileSync('pdftotext', [`${OUT}/self-assessment.pdf`, '-'], { encoding: 'utf8' });
    expectTrue(
      text.includes('Exampleshire County Council') && text.includes('Evidence appendix'),
      'PDF has its content',
    );
    const fonts = execFileSync('pdffonts', [`${OUT}/self-assessment.pdf`], { encoding: 'utf8' });
    expectTrue(fonts.includes('DejaVuSans') && !fonts.includes('Helvetica'), fonts);

    await download(page, 'Download Excel workbook', `${OUT}/self-assessment.xlsx`);
    const book = XLSX.read(readFileSync(`${OUT}/self-assessment.xlsx`));
    expectEqual(book.SheetNames.length, 19, 'workbook sheets');
    // The example's current cycle is on ILACS 2026: its 42 criteria, one row each.
    expectEqual(XLSX.utils.sheet_to_json(book.Sheets.Criteria).length, 42, 'criteria rows');
    const docxName = await download(page, 'Download Word document', `${OUT}/self-assessment.docx`);
    const docx = XLSX.CFB.read(readFileSync(`${OUT}/self-assessment.docx`), { type: 'buffer' });
    expectTrue(
      docxName.endsWith('DRAFT.docx') && XLSX.CFB.find(docx, '/word/document.xml'),
      'a Word document',
    );
    await context.setOffline(false);

    await page.goto(`${baseUrl}#/settings`);
    await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
    await page.getByLabel('Passphrase (optional)').fill('a long shared passphrase');
    await page.getByLabel('Type the passphrase again').fill('a long shared passphrase');
    await download(page, 'Download a backup', `${OUT}/backup.json`);
    await page.getByText(/has been downloaded/).waitFor();
    expectTrue(
      readFileSync(`${OUT}/backup.json`, 'utf8').includes('readiness-workspace-encrypted'),
      'the backup is encrypted',
    );

    // Typed after the backup: the restore must bring the backup's name back into the open field.
    const councilField = page.getByLabel('Council name');
    const backedUpName = await councilField.inputValue();
    await councilField.fill('A council typed after the backup');
    await councilField.blur();
    await page
      .getByText(/^Saved at/)
      .first()
      .waitFor();

    await page.getByLabel('Choose a backup file').setInputFiles(`${OUT}/backup.json`);
    // A protected backup asks for its passphrase first, before any error.
    await page.getByLabel('Passphrase for backup.json').waitFor();
    expectEqual(await page.locator('.govuk-error-summary').count(), 0, 'no error before trying');
    await page.getByLabel('Passphrase for backup.json').fill('the wrong one');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByText(/does not open this backup/).waitFor();
    await page.getByLabel('Passphrase for backup.json').fill('a long shared passphrase');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    const banner = page.locator('.govuk-notification-banner--success');
    await banner.getByText(/^Restored \d+ assessment cycles/).waitFor();
    expectEqual(await banner.getAttribute('role'), 'alert', 'success is announced');
    expectEqual(
      await councilField.inputValue(),
      backedUpName,
      'the open settings field shows the restored name',
    );
    expectEqual(await page.locator('.govuk-error-summary').count(), 0, 'earlier error messages are cleared');

    // A file without a passphrase is checked as soon as it is chosen: a refused one still says what is
    // wrong, and where, when Restore is pressed, and changes nothing.
    const fixture = (name) => `tests/fixtures/invalid/backups/${name}`;
    await page.getByLabel('Choose a backup file').setInputFiles(fixture('date-30-february.json'));
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    const refusal = page.locator('.govuk-error-summary');
    await refusal.getByText('There is a problem with date-30-february.json').waitFor();
    await refusal.getByText(/“2026-02-30” is not a real date/).waitFor();
    await page.getByText('Nothing was restored: your workspace is as it was.').waitFor();
    expectEqual(await councilField.inputValue(), backedUpName, 'a refused file changes nothing');
    await page.getByLabel('Choose a backup file').setInputFiles(fixture('valid-base.json'));
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await banner.getByText(/^Restored .* from valid-base\.json\.$/).waitFor();
    await page.getByLabel('Council name').waitFor();
    expectEqual(
      await page.getByLabel('Council name').inputValue(),
      'Exampleshire',
      'the checked file came in',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/settings-backup.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on settings with backup');
  },
};
