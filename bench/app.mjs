// The app as a user meets it, in headless Chromium against the built files: the initial JavaScript
// against its budget, cold and warm load, and, over a large workspace restored from a backup
// (10,000 audits, 2,000 evidence items, 500 actions), opening it, recomputing the overview and the
// audit findings, grade-to-saved latency, both exports, and a 10,000-row case list read in the worker.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import * as XLSX from 'xlsx';
import { openBrowser, startServer } from '../tests/e2e/harness.mjs';
import { buildLargeWorkspace, SIZES } from './large-workspace.mjs';
import { median, ms, printTable, root, withModules } from './lib.mjs';

const RUNS = 5;
const BUDGET_KB = 100;
const TODAY = new Date().toISOString().slice(0, 10);
const work = mkdtempSync(join(tmpdir(), 'rw-bench-'));

/** The JavaScript the first screen needs: the entry script and the chunks it preloads. */
function initialJavaScript() {
  const html = readFileSync(`${root}dist/index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(`${root}dist/${f}`), { level: 9 }).length,
    0,
  );
  return { files: files.length, kb: bytes / 1024 };
}

async function interactive(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[role="status"]')?.textContent?.includes('Loading'),
  );
  return page.evaluate(() => performance.now());
}

async function loads(baseUrl) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const cold = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}#/`, { waitUntil: 'commit' });
      cold.push(await interactive(page));
      await context.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const warm = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.reload({ waitUntil: 'commit' });
      warm.push(await interactive(page));
    }
    await context.close();
    return { cold: median(cold), warm: median(warm) };
  } finally {
    await browser.close();
  }
}

async function hashTo(page, hash, ready) {
  const start = performance.now();
  await page.evaluate((h) => (location.hash = h), hash);
  await ready();
  return performance.now() - start;
}

async function download(page, button) {
  const start = performance.now();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  await file.path();
  return performance.now() - start;
}

async function largeWorkspace(baseUrl, backupPath, cycleId, caseListPath) {
  const { context, close } = await openBrowser(baseUrl);
  context.setDefaultTimeout(180_000);
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    await page.goto(`${baseUrl}#/settings`);
    await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
    await page.getByLabel('Choose a backup file').setInputFiles(backupPath);
    const restoreStart = performance.now();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page
      .getByText(/^Restored |There is a problem/)
      .first()
      .waitFor();
    const refused = page.getByText(/There is a problem/);
    if (await refused.count())
      throw new Error(`The large workspace was refused: ${await page.locator('main').textContent()}`);
    const restore = performance.now() - restoreStart;

    const overview = `#/self-assessment/cycles/${cycleId}`;
    const open = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.goto(`${baseUrl}${overview}`);
      await page.reload({ waitUntil: 'commit' });
      await page.getByRole('heading', { name: 'Readiness checks' }).waitFor();
      open.push(await interactive(page));
    }
    const overviewTimes = [];
    const findingsTimes = [];
    for (let i = 0; i < RUNS; i += 1) {
      findingsTimes.push(
        await hashTo(page, '#/case-audits/findings', () =>
          page.getByRole('heading', { name: 'Recurring themes' }).waitFor(),
        ),
      );
      overviewTimes.push(
        await hashTo(page, overview, () => page.getByRole('heading', { name: 'Readiness checks' }).waitFor()),
      );
    }

    await page.goto(`${baseUrl}${overview}/criteria/hp-front-door`);
    await interactive(page);
    const grades = ['Good', 'Requires improvement to be good'];
    const saved = [];
    for (let i = 0; i < RUNS + 1; i += 1) {
      const label = grades[i % 2];
      const radio = page.getByLabel(label, { exact: true });
      await page.waitForTimeout(200);
      const took = await radio.evaluate(
        (input) =>
          new Promise((resolve) => {
            const status = document.querySelector('.app-save-status');
            const start = performance.now();
            let sawSaving = false;
            const observer = new MutationObserver(() => {
              const text = status.textContent ?? '';
              if (text.includes('Saving')) sawSaving = true;
              else if (sawSaving && text.includes('Saved at')) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(status, { subtree: true, childList: true, characterData: true });
            input.click();
          }),
      );
      if (i > 0) saved.push(took);
    }

    await page.goto(`${baseUrl}${overview}`);
    await interactive(page);
    const pdf = [];
    const xlsx = [];
    for (let i = 0; i < 3; i += 1) {
      pdf.push(await download(page, 'Download PDF'));
      xlsx.push(await download(page, 'Download Excel workbook'));
    }

    const caseList = [];
    for (let i = 0; i < 3; i += 1) {
      await page.goto(`${baseUrl}#/case-audits`);
      await interactive(page);
      await page.getByLabel('Title').fill(`Benchmark round ${i + 1}`);
      await page.getByRole('button', { name: 'Start round' }).click();
      await page.getByRole('heading', { name: `Benchmark round ${i + 1}`, level: 1 }).waitFor();
      const start = performance.now();
      await page.getByLabel(/Choose a case list/).setInputFiles(caseListPath);
      await page.getByText(/cases read from/).waitFor();
      caseList.push(performance.now() - start);
    }
    return {
      restore,
      open: median(open),
      overview: median(overviewTimes),
      findings: median(findingsTimes),
      saved: median(saved),
      pdf: median(pdf),
      xlsx: median(xlsx),
      caseList: median(caseList),
    };
  } finally {
    await close();
  }
}

const js = initialJavaScript();
const { backup, cycleId } = await withModules((load) => buildLargeWorkspace(load, TODAY));
const backupPath = join(work, 'large-workspace.json');
writeFileSync(backupPath, JSON.stringify(backup));
const book = XLSX.utils.book_new();
const rows = [['Case reference', 'Case type', 'Team', 'Worker', 'Start date']];
for (let i = 1; i <= 10_000; i += 1)
  rows.push([
    `CL-${String(i).padStart(5, '0')}`,
    ['CIN', 'CP', 'CIC', 'Care leaver'][i % 4],
    `Team ${i % 12}`,
    `Social worker ${i % 90}`,
    '01/04/2025',
  ]);
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Cases');
const caseListPath = join(work, 'case-list-10000.xlsx');
writeFileSync(caseListPath, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));

const server = await startServer();
try {
  const load = await loads(server.url);
  const large = await largeWorkspace(server.url, backupPath, cycleId, caseListPath);
  printTable('Initial JavaScript (entry and preloaded chunks, gzip -9)', 'KB', [
    [`${js.files} files`, js.kb.toFixed(1)],
    [`budget ${BUDGET_KB} KB`, js.kb <= BUDGET_KB ? 'within' : 'OVER'],
  ]);
  printTable(`Load to interactive, home page (median of ${RUNS})`, 'ms', [
    ['cold (new profile, nothing cached)', ms(load.cold)],
    ['warm (service worker and cache)', ms(load.warm)],
  ]);
  printTable(
    `Large workspace in the browser: ${SIZES.audits.toLocaleString('en-GB')} audits, ${SIZES.evidence.toLocaleString('en-GB')} evidence items, ${SIZES.actions} actions (median of ${RUNS}; exports and import of 3)`,
    'ms',
    [
      [
        `restore the backup (${(readFileSync(backupPath).length / 1024 / 1024).toFixed(1)} MB)`,
        ms(large.restore),
      ],
      ['open it: reload to the cycle overview, interactive', ms(large.open)],
      ['recompute the overview (navigate to it)', ms(large.overview)],
      ['recompute the audit findings (navigate to them)', ms(large.findings)],
      ['grade a criterion to "Saved"', ms(large.saved)],
      ['PDF export, click to file', ms(large.pdf)],
      ['Excel export, click to file', ms(large.xlsx)],
      ['10,000-row case list (XLSX) read in the worker', ms(large.caseList)],
    ],
  );
} finally {
  await server.close();
}
