// The annual engagement meeting pack on the example council: the director types what has changed since
// the last meeting, it is kept across a reload, and the pack downloads as a PDF and a Word document
// that carry it beside the self-evaluation summary, the last letter's progress and the key figures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import * as XLSX from 'xlsx/xlsx.mjs';
import { axeViolations } from './axe.mjs';
import { SCREENSHOTS, expectEqual, expectTrue, loadExample, settle } from './harness.mjs';

const OUT = 'test-results/e2e-downloads';
const LEADERS = 'A new director of children’s services, Siân Ó Briain, started in June.';

async function download(page, buttonName, path) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  await file.saveAs(path);
  return file.suggestedFilename();
}

/** The words of a .docx as a reader sees them: every w:t of its body, headers and footers, unescaped. */
function docxText(path) {
  const zip = XLSX.CFB.read(readFileSync(path), { type: 'buffer' });
  const xml = zip.FullPaths.map((name, i) =>
    /word\/(document|header\d*|footer\d*)\.xml$/.test(name)
      ? new TextDecoder().decode(zip.FileIndex[i].content)
      : '',
  ).join(' ');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join(' ')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export default {
  async 'a director writes what has changed, finds it after reload and downloads the pack'({
    page,
    baseUrl,
  }) {
    mkdirSync(OUT, { recursive: true });
    await loadExample(page, baseUrl);

    await page.goto(`${baseUrl}#/rehearsal`);
    await settle(page);
    await page.getByRole('link', { name: 'Annual engagement meeting pack' }).click();
    await page.getByRole('heading', { name: 'Annual engagement meeting pack', level: 1 }).waitFor();
    await page.getByLabel('Leaders').fill(LEADERS);
    await page.getByLabel('Systems').fill('Moved to a new case recording system in September.');
    await page.getByLabel('Systems').blur();
    await page.getByText(/Saved at/).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/engagement pack.png`, fullPage: true });
    expectEqual(await axeViolations(page), [], 'axe on the engagement pack page');

    await page.reload();
    await page.getByRole('heading', { name: 'Annual engagement meeting pack', level: 1 }).waitFor();
    await page.getByLabel('Leaders').waitFor();
    expectEqual(await page.getByLabel('Leaders').inputValue(), LEADERS, 'what was typed is kept');
    const summary = (await page.locator('.govuk-summary-list').innerText()).replace(/\s+/g, ' ');
    expectTrue(summary.includes('4 judgements'), `the pack's contents: ${summary}`);
    expectTrue(/Letter of \d\d\/\d\d\/\d{4}: /.test(summary), 'the last letter is found');

    const pdfName = await download(page, 'Download the pack (PDF)', `${OUT}/engagement-pack.pdf`);
    await page.getByText(/is ready and has been downloaded/).waitFor();
    expectTrue(/Annual engagement meeting pack 20\d\d–\d\d DRAFT\.pdf$/.test(pdfName), pdfName);
    const pdf = execFileSync('pdftotext', [`${OUT}/engagement-pack.pdf`, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    const docxName = await download(page, 'Download the pack (Word)', `${OUT}/engagement-pack.docx`);
    expectTrue(docxName.endsWith('DRAFT.docx'), docxName);
    const docx = docxText(`${OUT}/engagement-pack.docx`).replace(/\s+/g, ' ');
    for (const [name, text] of [
      ['PDF', pdf],
      ['Word', docx],
    ])
      for (const expected of [
        'OFFICIAL-SENSITIVE',
        'Exampleshire County Council',
        'The self-evaluation in summary',
        'The impact of leaders on social work practice with children and families',
        LEADERS,
        'Moved to a new case recording system in September.',
        'Progress on the last letter',
        'Since the last inspection',
        'Key figures',
      ])
        expectTrue(text.includes(expected), `the ${name} pack says “${expected}”`);
  },
};
