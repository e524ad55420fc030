// The app as a user meets it, in headless Chromium against the built files: the initial JavaScript
// against its budget, cold and warm load, and, over a large workspace restored from a backup (1,000,
// 3,000 and 10,000 audits; 2,000 evidence items, 500 actions), opening it, recomputing the overview and
// the audit findings, grade-to-saved latency, both exports and a 10,000-row case list read in the worker.
// In the same page and run it measures each figure's raw limit: every table read with Dexie's toArray,
// JSON.parse of the backup, a raw bulk write of its records into tables with the app's indexes, jsPDF
// and autotable writing the tables our PDF prints, and SheetJS writing the rows our workbook holds.
// It also records the longest task (the longest the page froze) while each figure was measured.
// Writes bench/results.json: { figures: { name: { median_ms } }, byAudits: { n: { name: { median_ms } } } }.
//
// BENCH_DIST serves another build folder (default dist); BENCH_AUDITS="1000,3000,10000" sets the sizes;
// BENCH_RUNS=3 a quick run (fewer repeats: the medians are then rougher).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import * as XLSX from 'xlsx';
import { buildLargeWorkspace, reportInputOf, SIZES } from './large-workspace.mjs';
import { median, ms, printTable, root, withModules } from './lib.mjs';

const DIST = process.env.BENCH_DIST ?? process.env.E2E_DIST ?? `${root}dist`;
process.env.E2E_DIST = DIST;
const { openBrowser, startServer } = await import('../tests/e2e/harness.mjs');

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const progress = (what) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${what}`);
const EXPORT_RUNS = Math.min(3, RUNS - 2);
const RAW_RUNS = Math.min(3, RUNS - 2);
/** No page may freeze for longer than this while anything runs (issue 16). */
const FREEZE_LIMIT_MS = 200;
const PDF_BUDGET_MS = 3000;
const XLSX_BUDGET_MS = 2000;
const GRADES = 20;
const BUDGET_KB = 100;
const AUDIT_SIZES = (process.env.BENCH_AUDITS ?? '1000,3000,10000').split(',').map(Number);
const TODAY = new Date().toISOString().slice(0, 10);
const work = mkdtempSync(join(tmpdir(), 'rw-bench-'));
const library = (path) => readFileSync(`${root}node_modules/${path}`, 'utf8');
const LIBRARIES = {
  dexie: library('dexie/dist/dexie.min.js'),
  jspdf: library('jspdf/dist/jspdf.umd.min.js'),
  autotable: library('jspdf-autotable/dist/jspdf.plugin.autotable.min.js'),
  xlsx: library('xlsx/dist/xlsx.full.min.js'),
  // An IIFE that declares `var docx`: named on globalThis so the raw limit finds it however it is run.
  docx: `${library('docx/dist/index.iife.js')}\n;globalThis.docx = docx;`,
};
const FONTS = {
  regular: readFileSync(`${root}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`),
  bold: readFileSync(`${root}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf`),
};

/** The JavaScript the first screen needs: the entry script and the chunks it preloads. */
function initialJavaScript() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
  return { files: files.length, kb: bytes / 1024 };
}

function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)];
}

async function interactive(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[role="status"]')?.textContent?.includes('Loading'),
  );
  return page.evaluate(() => performance.now());
}

/**
 * The longest task the page ran since the last call: how long it froze. Also the longest gap between
 * animation frames, which counts a freeze however it is split into tasks (rendering included).
 */
const LONG_TASKS = () => {
  globalThis.__longestTask = 0;
  globalThis.__longestGap = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      globalThis.__longestTask = Math.max(globalThis.__longestTask, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  let last;
  const beat = (now) => {
    if (last !== undefined) globalThis.__longestGap = Math.max(globalThis.__longestGap, now - last);
    last = now;
    requestAnimationFrame(beat);
  };
  requestAnimationFrame(beat);
};
const takeLongest = (page) =>
  page.evaluate(() => {
    const longest = globalThis.__longestTask ?? 0;
    globalThis.__longestTask = 0;
    return longest;
  });
/** The longest gap between animation frames since the last call. */
const takeLongestGap = (page) =>
  page.evaluate(() => {
    const longest = globalThis.__longestGap ?? 0;
    globalThis.__longestGap = 0;
    return longest;
  });

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

/**
 * In every page, from its start: `__whenShown(name)` resolves with the time the frame that first shows
 * a heading `name`, with nothing still loading, has been drawn. It is timed in the page, so the figure
 * is when the reader could see it, not when the test driver's polling next looked (up to 500 ms later).
 * `__readinessShown` is that time for the cycle overview, from the page's own start.
 */
const SHOWN_WATCH = () => {
  globalThis.__whenShown = (name) =>
    new Promise((resolve) => {
      const shown = () =>
        [...document.querySelectorAll('h1, h2, h3')].some((h) => h.textContent.trim() === name) &&
        !document.querySelector('[role="status"]')?.textContent?.includes('Loading');
      const drawn = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      if (shown()) return drawn();
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        drawn();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
  globalThis.__readinessShown = globalThis.__whenShown('Readiness checks');
};

/** Goes to `hash` in the page and times it until the heading `name` is drawn (then checks it is there). */
async function hashTo(page, hash, name) {
  const took = await page.evaluate(
    async ([h, n]) => {
      const start = performance.now();
      const shown = globalThis.__whenShown(n);
      location.hash = h;
      return (await shown) - start;
    },
    [hash, name],
  );
  await page.getByRole('heading', { name }).waitFor();
  return took;
}

/**
 * Chooses another breakdown on the Findings page and times it until its table is drawn: figures no
 * one has asked for since the page opened, so worked out on the change.
 */
async function chooseBreakdown(page, value, caption) {
  return page.evaluate(
    ([v, c]) =>
      new Promise((resolve) => {
        const select = document.getElementById('findings-dimension');
        const start = performance.now();
        const shown = () => [...document.querySelectorAll('caption')].some((e) => e.textContent.trim() === c);
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        select.value = v;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    [value, caption],
  );
}

/** The export's status line, watched in the page: when it first named each step, in ms after the click. */
const WATCH_STEPS = (button) => {
  const clicked = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === button);
  const status = clicked.closest('.govuk-button-group').nextElementSibling;
  const words = { reading: 'reading your workspace', building: 'working out', rendering: 'writing the file' };
  const at = {};
  const start = performance.now();
  const observer = new MutationObserver(() => {
    for (const [step, text] of Object.entries(words))
      if (!(step in at) && status.textContent.includes(text)) at[step] = performance.now() - start;
  });
  observer.observe(status, { childList: true, characterData: true, subtree: true });
  globalThis.__exportSteps = () => {
    observer.disconnect();
    return at;
  };
};

/** Click to file, and how long each step of the export took (from the status line). */
async function download(page, button) {
  await page.evaluate(WATCH_STEPS, button);
  const start = performance.now();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  await file.path();
  const took = performance.now() - start;
  const at = await page.evaluate(() => globalThis.__exportSteps());
  return {
    took,
    steps: {
      'until the worker reads (starting it, pending writes)': at.reading,
      'reading the records from IndexedDB': at.building - at.reading,
      'building the report model': at.rendering - at.building,
      'rendering, and handing the file to the page': took - at.rendering,
    },
  };
}

/** The median of each step over several exports. */
function medianSteps(runs) {
  return Object.fromEntries(
    Object.keys(runs[0].steps).map((step) => [step, median(runs.map((r) => r.steps[step]))]),
  );
}

/** Times `run` in the page `times` times (after a warm-up) and returns the median in ms. */
async function inPage(page, times, run, arg) {
  const results = [];
  for (let i = 0; i <= times; i += 1) {
    const took = await page.evaluate(run, arg);
    if (i > 0) results.push(took);
  }
  return median(results);
}

/** Chooses the backup and presses Restore, at once or `readFor` ms later (a person reading the warning). */
async function restoreIn(baseUrl, backupPath, readFor = 0) {
  const browser = await openBrowser(baseUrl);
  browser.context.setDefaultTimeout(180_000);
  await browser.context.addInitScript(LONG_TASKS);
  await browser.context.addInitScript(SHOWN_WATCH);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${baseUrl}#/settings`);
  await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
  await page.getByLabel('Choose a backup file').setInputFiles(backupPath);
  if (readFor) await page.waitForTimeout(readFor);
  await takeLongest(page);
  const start = performance.now();
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await page
    .getByText(/^Restored |There is a problem/)
    .first()
    .waitFor();
  const took = performance.now() - start;
  if (await page.getByText(/There is a problem/).count())
    throw new Error(`The large workspace was refused: ${await page.locator('main').textContent()}`);
  return { ...browser, page, took, longest: await takeLongest(page) };
}

/** The raw limits, in the app's own page (libraries injected by the test driver, not the app). */
async function rawLimits(page, { backupText, stores, pdfTables, sheets }) {
  for (const source of Object.values(LIBRARIES)) await page.evaluate(`${source}\n;undefined`);
  progress('raw read');
  const read = await inPage(page, RAW_RUNS, async () => {
    const db = new globalThis.Dexie('readiness-workbook');
    await db.open();
    const start = performance.now();
    await db.transaction('r', db.tables, () => Promise.all(db.tables.map((t) => t.toArray())));
    const took = performance.now() - start;
    db.close();
    return took;
  });
  progress('raw parse');
  const parse = await inPage(
    page,
    RAW_RUNS,
    (text) => {
      const start = performance.now();
      JSON.parse(text);
      return performance.now() - start;
    },
    backupText,
  );
  progress('raw bulkPut');
  const bulkPut = await inPage(
    page,
    RAW_RUNS,
    async ({ text, stores }) => {
      const records = JSON.parse(text).records;
      const db = new globalThis.Dexie(`bench-raw-${Math.random()}`);
      db.version(1).stores(stores);
      await db.open();
      const start = performance.now();
      await db.transaction('rw', db.tables, () =>
        Promise.all(db.tables.map((t) => t.bulkPut(records[t.name] ?? []))),
      );
      const took = performance.now() - start;
      await db.delete();
      return took;
    },
    { text: backupText, stores },
  );
  // jsPDF + autotable writing the same tables, once compressed as our PDF is (the limit it is held to:
  // the same file, less our work) and once without compression, jsPDF's default.
  const rawPdf = (compress) =>
    inPage(
      page,
      RAW_RUNS,
      ({ tables, regular, bold, compress }) => {
        const start = performance.now();
        const doc = new globalThis.jspdf.jsPDF({ unit: 'mm', format: 'a4', compress });
        doc.addFileToVFS('regular.ttf', regular);
        doc.addFileToVFS('bold.ttf', bold);
        doc.addFont('regular.ttf', 'DejaVu', 'normal');
        doc.addFont('bold.ttf', 'DejaVu', 'bold');
        doc.setFont('DejaVu', 'normal');
        for (const { head, body } of tables)
          doc.autoTable({
            head: [head],
            body,
            theme: 'grid',
            styles: { font: 'DejaVu', fontSize: 8.5 },
            headStyles: { font: 'DejaVu', fontStyle: 'bold' },
          });
        doc.output('arraybuffer');
        return performance.now() - start;
      },
      {
        tables: pdfTables,
        regular: FONTS.regular.toString('base64'),
        bold: FONTS.bold.toString('base64'),
        compress,
      },
    );
  progress('raw pdf');
  const pdf = await rawPdf(true);
  const pdfUncompressed = await rawPdf(false);
  progress('raw docx');
  // The docx library writing the same tables as a Word document: a header row that repeats, text cells.
  const docx = await inPage(
    page,
    RAW_RUNS,
    async (tables) => {
      const start = performance.now();
      const { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } = globalThis.docx;
      const cell = (text, bold) =>
        new TableCell({
          children: [new Paragraph({ children: [new TextRun({ text: String(text ?? ''), bold })] })],
        });
      const children = tables.flatMap(({ head, body }) => [
        new Table({
          rows: [
            new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
            ...body.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
          ],
        }),
        new Paragraph(''),
      ]);
      await Packer.pack(new Document({ sections: [{ children }] }), 'uint8array');
      return performance.now() - start;
    },
    pdfTables,
  );
  progress('raw sheetjs');
  // As text: handing Playwright 3 million mostly empty slots to copy would take it minutes. Empty slots
  // become null, which SheetJS skips as it skips undefined.
  const sheetsText = JSON.stringify(sheets);
  // SheetJS as its documentation writes it (sheets keyed by cell name), and dense, as ours are written.
  const rawSheetjs = (dense) =>
    inPage(
      page,
      RAW_RUNS,
      ([sheetsText, dense]) => {
        const sheets = JSON.parse(sheetsText);
        const start = performance.now();
        const { utils, write } = globalThis.XLSX;
        const book = utils.book_new();
        for (const [name, aoa] of sheets)
          utils.book_append_sheet(book, utils.aoa_to_sheet(aoa, { dense }), name);
        write(book, { type: 'array', bookType: 'xlsx', compression: true });
        return performance.now() - start;
      },
      [sheetsText, dense],
    );
  const sheetjs = await rawSheetjs(false);
  const sheetjsDense = await rawSheetjs(true);
  return { read, parse, bulkPut, pdf, pdfUncompressed, docx, sheetjs, sheetjsDense };
}

async function largeWorkspace(baseUrl, workspace, caseListPath) {
  const { backupPath, cycleId, criterionId } = workspace;
  // A file without a passphrase is checked as soon as it is chosen: timed apart, Restore pressed a
  // second after choosing; the budget's figure is Restore pressed at once, so the check is in it.
  const afterReading = [];
  for (let i = 0; i < RUNS - 2; i += 1) {
    progress(`restore a second after choosing ${i + 1}`);
    const read = await restoreIn(baseUrl, backupPath, 1000);
    afterReading.push(read.took);
    await read.close();
  }
  const restores = [];
  let session;
  for (let i = 0; i < RUNS - 2; i += 1) {
    if (session) await session.close();
    progress(`restore ${i + 1}`);
    session = await restoreIn(baseUrl, backupPath);
    restores.push(session);
  }
  const { page, close } = session;
  const figures = {
    restore: median(restores.map((r) => r.took)),
    restoreAfterReading: median(afterReading),
    restoreLongest: Math.max(...restores.map((r) => r.longest)),
  };
  try {
    progress('open, overview, findings');
    const overview = `#/self-assessment/cycles/${cycleId}`;
    const open = [];
    // The first view of the findings is worked out while the browser is idle after opening (and after
    // each change), so the first visit is timed apart, and so is another breakdown chosen then, which
    // is worked out on the change.
    const findingsFirst = [];
    const findingsChosen = [];
    let [openLongest, findingsFirstLongest, findingsChosenLongest] = [0, 0, 0];
    for (let i = 0; i < RUNS; i += 1) {
      await page.goto(`${baseUrl}${overview}`);
      await page.reload({ waitUntil: 'commit' });
      await page.getByRole('heading', { name: 'Readiness checks' }).waitFor();
      await interactive(page);
      open.push(await page.evaluate(() => globalThis.__readinessShown));
      openLongest = Math.max(openLongest, await takeLongest(page));
      findingsFirst.push(await hashTo(page, '#/case-audits/findings', 'Recurring themes'));
      findingsFirstLongest = Math.max(findingsFirstLongest, await takeLongest(page));
      findingsChosen.push(await chooseBreakdown(page, 'caseType', 'By case type'));
      findingsChosenLongest = Math.max(findingsChosenLongest, await takeLongest(page));
    }
    const overviewTimes = [];
    const findingsTimes = [];
    let [overviewLongest, findingsLongest] = [0, 0];
    for (let i = 0; i < RUNS; i += 1) {
      await takeLongest(page);
      findingsTimes.push(await hashTo(page, '#/case-audits/findings', 'Recurring themes'));
      findingsLongest = Math.max(findingsLongest, await takeLongest(page));
      overviewTimes.push(await hashTo(page, overview, 'Readiness checks'));
      overviewLongest = Math.max(overviewLongest, await takeLongest(page));
    }

    progress('grade');
    await page.goto(`${baseUrl}${overview}/criteria/${criterionId}`);
    await interactive(page);
    const grades = ['Good', 'Requires improvement to be good'];
    // Each click changes the grade: a click on the grade already chosen would save nothing.
    if (await page.getByLabel(grades[0], { exact: true }).isChecked()) grades.reverse();
    const saved = [];
    for (let i = 0; i < GRADES + 1; i += 1) {
      const radio = page.getByLabel(grades[i % 2], { exact: true });
      await page.waitForTimeout(150);
      const took = await radio.evaluate(
        (input) =>
          new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error('The grade was not saved within 30 s')), 30_000);
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
    progress('exports');
    // Click to file, through the export worker as the page makes them; the page's freezes meanwhile.
    const pdf = [];
    const xlsx = [];
    const docx = [];
    let [pdfLongest, xlsxLongest, pdfGap, xlsxGap, docxLongest, docxGap] = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < EXPORT_RUNS; i += 1) {
      await takeLongest(page);
      await takeLongestGap(page);
      pdf.push(await download(page, 'Download PDF'));
      pdfLongest = Math.max(pdfLongest, await takeLongest(page));
      pdfGap = Math.max(pdfGap, await takeLongestGap(page));
      xlsx.push(await download(page, 'Download Excel workbook'));
      xlsxLongest = Math.max(xlsxLongest, await takeLongest(page));
      xlsxGap = Math.max(xlsxGap, await takeLongestGap(page));
      docx.push(await download(page, 'Download Word document'));
      docxLongest = Math.max(docxLongest, await takeLongest(page));
      docxGap = Math.max(docxGap, await takeLongestGap(page));
    }
    progress('raw limits');
    const raw = await rawLimits(page, workspace);

    const caseList = [];
    // The reader in the worker gives up after 15 s: on a loaded machine it may, and the rest still counts.
    if (caseListPath)
      for (let i = 0; i < 3; i += 1) {
        await page.goto(`${baseUrl}#/case-audits`);
        await interactive(page);
        await page.getByLabel('Title').fill(`Benchmark round ${i + 1}`);
        await page.getByRole('button', { name: 'Start round' }).click();
        await page.getByRole('heading', { name: `Benchmark round ${i + 1}`, level: 1 }).waitFor();
        const start = performance.now();
        await page.getByLabel(/Choose a case list/).setInputFiles(caseListPath);
        const read = await page
          .getByText(/cases read from/)
          .waitFor({ timeout: 60_000 })
          .then(() => true)
          .catch(() => false);
        if (!read) break;
        caseList.push(performance.now() - start);
      }
    return {
      ...figures,
      open: median(open),
      openLongest,
      overview: median(overviewTimes),
      overviewLongest,
      findings: median(findingsTimes),
      findingsLongest,
      findingsFirst: median(findingsFirst),
      findingsFirstLongest,
      findingsChosen: median(findingsChosen),
      findingsChosenLongest,
      savedMedian: median(saved),
      savedP95: p95(saved),
      pdf: median(pdf.map((r) => r.took)),
      pdfSteps: medianSteps(pdf),
      pdfLongest,
      pdfGap,
      xlsx: median(xlsx.map((r) => r.took)),
      xlsxSteps: medianSteps(xlsx),
      xlsxLongest,
      xlsxGap,
      docx: median(docx.map((r) => r.took)),
      docxSteps: medianSteps(docx),
      docxLongest,
      docxGap,
      raw,
      caseList: caseList.length ? median(caseList) : undefined,
    };
  } finally {
    await close();
  }
}

/** The workspace as a backup file, with the tables our PDF prints and the rows our workbook holds. */
async function prepare(load, audits) {
  const { backup, cycleId, criterionId, framework } = await buildLargeWorkspace(load, TODAY, audits);
  const backupText = JSON.stringify(backup);
  const backupPath = join(work, `workspace-${audits}.json`);
  writeFileSync(backupPath, backupText);
  const { buildReport } = await load('/src/domain/report/build-report.ts');
  const { renderWorkbook } = await load('/src/export/xlsx/render-workbook.ts');
  const { buildWorkbookDetails } = await load('/src/domain/report/workbook-details.ts');
  const { renderReportPdf } = await load('/src/export/pdf/render-report.ts');
  const { PdfWriter } = await load('/src/export/pdf/pdf-writer.ts');
  const { SCHEMA_VERSIONS } = await load('/src/storage/db.ts');
  const { BACKUP_TABLES } = await load('/src/export/backup/backup-format.ts');
  // The report as the export worker makes it: the year before too, so the changes are in it.
  const input = await reportInputOf(load, backup, framework, cycleId, TODAY);
  const model = buildReport(input);
  const pdfTables = [];
  const table = PdfWriter.prototype.table;
  PdfWriter.prototype.table = function (head, body, options) {
    const plain = (row) => (Array.isArray(row) ? row.map((cell) => cell?.content ?? cell) : row);
    pdfTables.push({ head, body: body.map(plain) });
    return table.call(this, head, body, options);
  };
  renderReportPdf(model, { regular: new Uint8Array(FONTS.regular), bold: new Uint8Array(FONTS.bold) });
  PdfWriter.prototype.table = table;
  // The workbook as the app makes it: with the details only the workbook carries (every audit field, …).
  const details = buildWorkbookDetails(input);
  const book = XLSX.read(renderWorkbook(model, details));
  const sheets = book.SheetNames.map((name) => [
    name,
    XLSX.utils.sheet_to_json(book.Sheets[name], { header: 1 }),
  ]);
  // The tables a restore writes, each with the indexes the app's latest schema gives it.
  const stores = {};
  for (const version of SCHEMA_VERSIONS) Object.assign(stores, version.stores);
  for (const name of Object.keys(stores)) if (!BACKUP_TABLES.includes(name)) delete stores[name];
  return { backupPath, backupText, cycleId, criterionId, pdfTables, sheets, stores };
}

function caseListFile() {
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
  const path = join(work, 'case-list-10000.xlsx');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  return path;
}

/** Growth from the smallest to the largest size, as an exponent: 1 is linear, 0 flat. */
function growth(first, last, sizes) {
  if (sizes.length < 2 || !(first > 0) || !(last > 0)) return '';
  const k = Math.log(last / first) / Math.log(sizes[sizes.length - 1] / sizes[0]);
  const words = k < 0.35 ? 'flat' : k < 0.8 ? 'sublinear' : k < 1.25 ? 'linear' : 'faster than linear';
  return `${words} (×${(last / first).toFixed(1)}, k=${k.toFixed(2)})`;
}

const js = initialJavaScript();
const workspaces = await withModules(async (load) => {
  const prepared = [];
  for (const audits of AUDIT_SIZES) {
    progress(`preparing ${audits} audits`);
    prepared.push({ audits, ...(await prepare(load, audits)) });
  }
  return prepared;
});
const caseListPath = caseListFile();

const server = await startServer();
const bySize = {};
try {
  progress('cold and warm loads');
  const load = await loads(server.url);
  for (const workspace of workspaces) {
    const largest =
      process.env.BENCH_CASE_LIST !== '0' && workspace.audits === AUDIT_SIZES[AUDIT_SIZES.length - 1];
    bySize[workspace.audits] = {
      ...(await largeWorkspace(server.url, workspace, largest ? caseListPath : undefined)),
      megabytes: workspace.backupText.length / 1024 / 1024,
    };
  }
  printTable('Initial JavaScript (entry and preloaded chunks, gzip -9)', 'KB', [
    [`${js.files} files`, js.kb.toFixed(1)],
    [`budget ${BUDGET_KB} KB`, js.kb <= BUDGET_KB ? 'within' : 'OVER'],
  ]);
  printTable(`Load to interactive, home page (median of ${RUNS})`, 'ms', [
    ['cold (new profile, nothing cached)', ms(load.cold)],
    ['warm (service worker and cache)', ms(load.warm)],
  ]);

  const ROWS = [
    ['restore', 'restore the backup', (f) => f.restore],
    [
      'restoreAfterReading',
      'restore, pressed a second after choosing the file (it is checked meanwhile)',
      (f) => f.restoreAfterReading,
    ],
    ['open', 'open it: reload to the cycle overview, interactive', (f) => f.open],
    ['overview', 'recompute the overview (navigate to it)', (f) => f.overview],
    ['findingsFirst', 'the audit findings, first visit after opening', (f) => f.findingsFirst],
    ['findingsChosen', 'the audit findings, another breakdown chosen (worked out)', (f) => f.findingsChosen],
    ['findings', 'the audit findings, visited again (kept until a change)', (f) => f.findings],
    ['saved', `grade a criterion to "Saved", p95 of ${GRADES}`, (f) => f.savedP95],
    ['pdf', 'PDF export, click to file', (f) => f.pdf],
    ['xlsx', 'Excel export, click to file', (f) => f.xlsx],
    ['docx', 'Word export, click to file', (f) => f.docx],
    ['rawRead', 'raw: every table read with Dexie toArray', (f) => f.raw.read],
    ['rawParse', 'raw: JSON.parse of the backup', (f) => f.raw.parse],
    ['rawBulkPut', 'raw: bulk write of its records, same indexes', (f) => f.raw.bulkPut],
    ['rawPdf', 'raw: jsPDF + autotable of the tables our PDF prints, compressed as ours', (f) => f.raw.pdf],
    ['rawPdfUncompressed', 'raw: the same, uncompressed (jsPDF default)', (f) => f.raw.pdfUncompressed],
    ['rawDocx', 'raw: docx of the same tables', (f) => f.raw.docx],
    ['rawSheetjs', 'raw: SheetJS of the rows our workbook holds', (f) => f.raw.sheetjs],
    ['rawSheetjsDense', 'raw: the same, dense sheets (as ours)', (f) => f.raw.sheetjsDense],
  ];
  const sizes = AUDIT_SIZES.filter((n) => bySize[n]);
  const head = sizes.map((n) => `${n.toLocaleString('en-GB')} audits`);
  const rows = ROWS.map(([, name, pick]) => [
    name,
    ...sizes.map((n) => ms(pick(bySize[n]))),
    growth(pick(bySize[sizes[0]]), pick(bySize[sizes[sizes.length - 1]]), sizes),
  ]);
  console.log(
    `\n| In the browser: ${SIZES.evidence.toLocaleString('en-GB')} evidence items, ${SIZES.actions} actions, a moderation for every fifth audit (median of ${RUNS}; restore of ${RUNS - 2}, exports and raw limits of ${EXPORT_RUNS}) | ${head.join(' | ')} | growth |`,
  );
  console.log(`| --- | ${head.map(() => '---:').join(' | ')} | --- |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);

  const top = bySize[sizes[sizes.length - 1]];
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  printTable(`Against the budgets at ${sizes[sizes.length - 1].toLocaleString('en-GB')} audits`, 'ratio', [
    ['open ÷ reading every table raw (budget 2.5×)', ratio(top.open, top.raw.read)],
    ['PDF ÷ raw jsPDF + autotable (budget 1.5×)', ratio(top.pdf, top.raw.pdf)],
    ['PDF ÷ raw uncompressed (for comparison)', ratio(top.pdf, top.raw.pdfUncompressed)],
    ['Word ÷ raw docx (budget 1.5×)', ratio(top.docx, top.raw.docx)],
    ['Excel ÷ raw SheetJS (budget 1.5×; issue 17: 1.3×)', ratio(top.xlsx, top.raw.sheetjs)],
    ['Excel ÷ raw SheetJS with dense sheets (for comparison)', ratio(top.xlsx, top.raw.sheetjsDense)],
    [
      'restore ÷ (JSON.parse + raw bulk write) (budget 1.25×)',
      ratio(top.restore, top.raw.parse + top.raw.bulkPut),
    ],
  ]);
  /** A figure beside its limit: [name, shown, limit, within or OVER]. */
  const limitRow = (name, value, limit, unit = ' ms') => [
    name,
    unit === '×' ? `${value.toFixed(2)}×` : ms(value),
    `≤ ${limit}${unit}`,
    value <= limit ? 'within' : 'OVER',
  ];
  const exportRows = [
    limitRow('PDF, click to file', top.pdf, PDF_BUDGET_MS),
    limitRow('PDF ÷ raw jsPDF + autotable', top.pdf / top.raw.pdf, 1.5, '×'),
    limitRow('longest task while making the PDF', top.pdfLongest, FREEZE_LIMIT_MS),
    limitRow('longest gap between frames while making the PDF', top.pdfGap, FREEZE_LIMIT_MS),
    limitRow('Excel, click to file', top.xlsx, XLSX_BUDGET_MS),
    limitRow('Excel ÷ raw SheetJS', top.xlsx / top.raw.sheetjs, 1.5, '×'),
    limitRow('longest task while making the workbook', top.xlsxLongest, FREEZE_LIMIT_MS),
    limitRow('longest gap between frames while making the workbook', top.xlsxGap, FREEZE_LIMIT_MS),
    limitRow('Word ÷ raw docx', top.docx / top.raw.docx, 1.5, '×'),
    limitRow('longest task while making the Word document', top.docxLongest, FREEZE_LIMIT_MS),
    limitRow('longest gap between frames while making the Word document', top.docxGap, FREEZE_LIMIT_MS),
  ];
  console.log(
    `\n| Exports at ${sizes[sizes.length - 1].toLocaleString('en-GB')} audits, made in the export worker (median of ${EXPORT_RUNS}; longest of all runs) | figure | limit | |`,
  );
  console.log('| --- | ---: | ---: | --- |');
  for (const row of exportRows) console.log(`| ${row.join(' | ')} |`);
  console.log(
    `\n| Where the time of an export goes at ${sizes[sizes.length - 1].toLocaleString('en-GB')} audits (median; the first export also starts the worker) | PDF | Excel | Word |`,
  );
  console.log('| --- | ---: | ---: | ---: |');
  for (const step of Object.keys(top.pdfSteps))
    console.log(
      `| ${step} | ${ms(top.pdfSteps[step])} | ${ms(top.xlsxSteps[step])} | ${ms(top.docxSteps[step])} |`,
    );
  printTable(
    `Longest freeze (longest task) at ${sizes[sizes.length - 1].toLocaleString('en-GB')} audits`,
    'ms',
    [
      ['while restoring', ms(top.restoreLongest)],
      ['while opening', ms(top.openLongest)],
      ['while recomputing the overview', ms(top.overviewLongest)],
      ['while drawing the findings (first visit)', ms(top.findingsFirstLongest)],
      ['while working out another breakdown of the findings', ms(top.findingsChosenLongest)],
      ['while drawing the findings again', ms(top.findingsLongest)],
      ['while making the PDF', ms(top.pdfLongest)],
      ['while making the workbook', ms(top.xlsxLongest)],
      ['while making the Word document', ms(top.docxLongest)],
    ],
  );
  if (top.caseList !== undefined)
    printTable('10,000-row case list (XLSX) read in the worker (median of 3)', 'ms', [
      ['choose the file to preview', ms(top.caseList)],
    ]);

  const named = (f) => ({
    open_ms: f.open,
    overview_ms: f.overview,
    findings_ms: f.findings,
    findings_first_ms: f.findingsFirst,
    findings_recompute_ms: f.findingsChosen,
    grade_saved_p95_ms: f.savedP95,
    grade_saved_median_ms: f.savedMedian,
    pdf_browser_ms: f.pdf,
    xlsx_browser_ms: f.xlsx,
    docx_browser_ms: f.docx,
    restore_ms: f.restore,
    restore_after_reading_ms: f.restoreAfterReading,
    raw_read_ms: f.raw.read,
    raw_json_parse_ms: f.raw.parse,
    raw_bulkput_ms: f.raw.bulkPut,
    raw_pdf_ms: f.raw.pdf,
    raw_pdf_uncompressed_ms: f.raw.pdfUncompressed,
    raw_docx_ms: f.raw.docx,
    raw_sheetjs_ms: f.raw.sheetjs,
    raw_sheetjs_dense_ms: f.raw.sheetjsDense,
    restore_longest_task_ms: f.restoreLongest,
    open_longest_task_ms: f.openLongest,
    overview_longest_task_ms: f.overviewLongest,
    findings_longest_task_ms: f.findingsLongest,
    findings_first_longest_task_ms: f.findingsFirstLongest,
    findings_recompute_longest_task_ms: f.findingsChosenLongest,
    pdf_longest_task_ms: f.pdfLongest,
    xlsx_longest_task_ms: f.xlsxLongest,
    pdf_longest_frame_gap_ms: f.pdfGap,
    xlsx_longest_frame_gap_ms: f.xlsxGap,
    docx_longest_task_ms: f.docxLongest,
    docx_longest_frame_gap_ms: f.docxGap,
    ...(f.caseList !== undefined ? { case_list_worker_ms: f.caseList } : {}),
  });
  const asFigures = (values) =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { median_ms: value }]));
  const results = {
    date: TODAY,
    dist: DIST,
    audits: sizes[sizes.length - 1],
    figures: {
      ...asFigures(named(top)),
      initial_js_kb: { median_ms: js.kb, unit: 'KB' },
      load_cold_ms: { median_ms: load.cold },
      load_warm_ms: { median_ms: load.warm },
    },
    byAudits: Object.fromEntries(sizes.map((n) => [n, asFigures(named(bySize[n]))])),
  };
  writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWrote bench/results.json');
} finally {
  await server.close();
}
