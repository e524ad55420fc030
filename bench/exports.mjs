// Export costs over the large workspace, in Node: building the report model, laying out the PDF and
// the workbook, and the workbook against writing exactly the same rows with SheetJS directly (the raw
// cost of the format: what our formatting, widths, filters and frozen header add on top).
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { buildLargeWorkspace, SIZES } from './large-workspace.mjs';
import { ms, printTable, root, timed, withModules } from './lib.mjs';

const RUNS = 5;
const TODAY = new Date().toISOString().slice(0, 10);

await withModules(async (load) => {
  const { backup, framework, cycleId } = await buildLargeWorkspace(load, TODAY);
  const { buildReport } = await load('/src/domain/report/build-report.ts');
  const { renderWorkbook } = await load('/src/export/xlsx/render-workbook.ts');
  const { renderReportPdf } = await load('/src/export/pdf/render-report.ts');
  const r = backup.records;
  const bundleOf = (id) => ({
    cycle: r.cycles.find((c) => c.id === id),
    criterionAssessments: r.criterionAssessments.filter((a) => a.cycleId === id),
    judgementAssessments: r.judgementAssessments.filter((a) => a.cycleId === id),
    narratives: r.narratives.filter((a) => a.cycleId === id),
  });
  const current = bundleOf(cycleId);
  const build = () =>
    buildReport({
      settings: r.settings[0].value,
      framework,
      bundle: current,
      previous: { bundle: bundleOf(current.cycle.previousCycleId), framework },
      evidence: r.evidence,
      actions: r.actions,
      recommendations: r.recommendations,
      audits: r.caseAudits,
      moderations: r.moderations,
      indicators: r.indicators,
      today: TODAY,
    });
  const model = build();
  const fonts = {
    regular: new Uint8Array(readFileSync(`${root}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`)),
    bold: new Uint8Array(readFileSync(`${root}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf`)),
  };
  const ours = renderWorkbook(model);
  // The same rows, read back from our workbook, written plainly: one sheet of values each.
  const read = XLSX.read(ours);
  const sheets = read.SheetNames.map((name) => [
    name,
    XLSX.utils.sheet_to_json(read.Sheets[name], { header: 1 }),
  ]);
  const rows = sheets.reduce((sum, [, aoa]) => sum + aoa.length, 0);
  const raw = () => {
    const book = XLSX.utils.book_new();
    for (const [name, aoa] of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), name);
    return XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true });
  };
  const figures = {
    model: await timed(build, RUNS),
    xlsx: await timed(() => renderWorkbook(model), RUNS),
    raw: await timed(raw, RUNS),
    pdf: await timed(() => renderReportPdf(model, fonts), 3),
  };
  printTable(
    `Exports in Node over ${SIZES.audits.toLocaleString('en-GB')} audits, ${SIZES.evidence.toLocaleString('en-GB')} evidence items, ${SIZES.actions} actions (median of ${RUNS}; PDF of 3)`,
    'ms',
    [
      ['build the report model', ms(figures.model)],
      [
        `Excel workbook (${read.SheetNames.length} sheets, ${rows.toLocaleString('en-GB')} rows)`,
        ms(figures.xlsx),
      ],
      ['the same rows written with SheetJS directly', ms(figures.raw)],
      ['workbook ÷ raw SheetJS', `${(figures.xlsx / figures.raw).toFixed(2)}×`],
      ['PDF', ms(figures.pdf)],
    ],
  );
});
