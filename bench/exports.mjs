// Export costs over the large workspace, in Node: building the report model, laying out the PDF and
// the workbook, and each against writing exactly the same content with its library directly (the raw
// cost of the format: what our formatting, widths, filters and frozen header add on top). The raw PDF is
// jsPDF + autotable writing the tables our PDF prints, as bench/app.mjs writes it in the browser; our PDF
// is compressed and that raw one is not, so a compressed raw figure is printed beside it.
import { readFileSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import * as XLSX from 'xlsx';
import { buildLargeWorkspace, reportInputOf, SIZES } from './large-workspace.mjs';
import { median, ms, printTable, root, timed, withModules } from './lib.mjs';

const RUNS = 5;
const TODAY = new Date().toISOString().slice(0, 10);

await withModules(async (load) => {
  const { backup, framework, cycleId } = await buildLargeWorkspace(load, TODAY);
  const { buildReport } = await load('/src/domain/report/build-report.ts');
  const { renderWorkbook } = await load('/src/export/xlsx/render-workbook.ts');
  const { buildWorkbookDetails } = await load('/src/domain/report/workbook-details.ts');
  const { renderReportPdf } = await load('/src/export/pdf/render-report.ts');
  const { PdfWriter } = await load('/src/export/pdf/pdf-writer.ts');
  const input = await reportInputOf(load, backup, framework, cycleId, TODAY);
  const build = () => buildReport(input);
  const model = build();
  // The workbook as the app makes it, with the details only the workbook carries.
  const details = buildWorkbookDetails(input);
  const fonts = {
    regular: new Uint8Array(readFileSync(`${root}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf`)),
    bold: new Uint8Array(readFileSync(`${root}node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf`)),
  };
  // The tables our PDF prints, caught as it draws them (as bench/app.mjs does).
  const pdfTables = [];
  const table = PdfWriter.prototype.table;
  PdfWriter.prototype.table = function (head, body, options) {
    const plain = (row) => (Array.isArray(row) ? row.map((cell) => cell?.content ?? cell) : row);
    pdfTables.push({ head, body: body.map(plain) });
    return table.call(this, head, body, options);
  };
  renderReportPdf(model, fonts);
  PdfWriter.prototype.table = table;
  const base64 = {
    regular: Buffer.from(fonts.regular).toString('base64'),
    bold: Buffer.from(fonts.bold).toString('base64'),
  };
  const rawPdf = (compress) => () => {
    const doc = new jsPDF({ unit: 'mm', format: 'a4', compress });
    doc.addFileToVFS('regular.ttf', base64.regular);
    doc.addFileToVFS('bold.ttf', base64.bold);
    doc.addFont('regular.ttf', 'DejaVu', 'normal');
    doc.addFont('bold.ttf', 'DejaVu', 'bold');
    doc.setFont('DejaVu', 'normal');
    for (const { head, body } of pdfTables)
      autoTable(doc, {
        head: [head],
        body,
        theme: 'grid',
        styles: { font: 'DejaVu', fontSize: 8.5 },
        headStyles: { font: 'DejaVu', fontStyle: 'bold' },
      });
    return doc.output('arraybuffer');
  };
  const ours = renderWorkbook(model, details);
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
    xlsx: await timed(() => renderWorkbook(model, details), RUNS),
    raw: await timed(raw, RUNS),
  };
  // The machine is shared: our PDF and the raw ones are timed in turn, three rounds, medians of each.
  const pdfRuns = { pdf: [], rawPdf: [], rawPdfCompressed: [] };
  for (let round = 0; round < 3; round += 1) {
    pdfRuns.pdf.push(await timed(() => renderReportPdf(model, fonts), 1, { warmUp: round === 0 }));
    pdfRuns.rawPdf.push(await timed(rawPdf(false), 1, { warmUp: round === 0 }));
    pdfRuns.rawPdfCompressed.push(await timed(rawPdf(true), 1, { warmUp: round === 0 }));
  }
  for (const [name, values] of Object.entries(pdfRuns)) figures[name] = median(values);
  printTable(
    `Exports in Node over ${SIZES.audits.toLocaleString('en-GB')} audits, ${SIZES.evidence.toLocaleString('en-GB')} evidence items, ${SIZES.actions} actions (median of ${RUNS}; PDFs of 3, in turn)`,
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
      [`the same ${pdfTables.length} tables with jsPDF + autotable directly`, ms(figures.rawPdf)],
      ['the same, compressed as ours is', ms(figures.rawPdfCompressed)],
      ['PDF ÷ raw jsPDF + autotable', `${(figures.pdf / figures.rawPdf).toFixed(2)}×`],
      ['PDF ÷ raw compressed', `${(figures.pdf / figures.rawPdfCompressed).toFixed(2)}×`],
    ],
  );
});
