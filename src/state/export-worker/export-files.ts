/*
 * The exported files, made from plain records: the cycle's report (PDF, Excel workbook, Word document)
 * and the audit subgroup's report. The export worker and the in-page export share these, so a file is
 * named and made the same way wherever it is made. Renderers and fonts load only when asked for.
 */
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import type { ReportInput } from '../../domain/report/build-report';
import { buildReport } from '../../domain/report/build-report';
import { buildWorkbookDetails } from '../../domain/report/workbook-details';
import { buildSubgroupReport, type SubgroupReportInput } from '../../domain/case-audit/subgroup-report';
import type { PdfFonts } from '../../export/pdf/pdf-writer';

export type ExportKind = 'pdf' | 'xlsx' | 'docx';
export type SubgroupExportKind = 'pdf' | 'xlsx';

/** What an export is doing, in order: reading the records, working out the figures, writing the file. */
export type ExportStep = 'reading' | 'building' | 'rendering';

export interface ExportFile {
  fileName: string;
  bytes: Uint8Array;
}

export type StepListener = (step: ExportStep) => void;

/** The MIME type each export is downloaded as. */
export const EXPORT_TYPES: Record<ExportKind, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function fontBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The font for the PDF could not be loaded (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

let shippedFonts: Promise<PdfFonts> | undefined;

/**
 * The PDF fonts shipped with the app (precached, so this works offline), read once for every PDF the
 * page or the worker makes: the same bytes each time, so the PDF writer encodes them once too. A failed
 * read is tried again next time.
 */
export function loadPdfFonts(): Promise<PdfFonts> {
  shippedFonts ??= Promise.all([fontBytes(regularFontUrl), fontBytes(boldFontUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      shippedFonts = undefined;
      throw error;
    },
  );
  return shippedFonts;
}

/** A file name from words the user typed: letters, digits, spaces and dashes only. */
export function safeFileName(words: string): string {
  return words.replace(/[^\p{L}\p{N} –-]+/gu, '').trim();
}

/** The cycle's report as `kind`; `rounds` name the audit rounds in the findings and the workbook. */
export async function makeCycleFile(
  input: ReportInput,
  kind: ExportKind,
  fonts: () => Promise<PdfFonts> = loadPdfFonts,
  onStep: StepListener = () => undefined,
): Promise<ExportFile> {
  onStep('building');
  const model = buildReport(input);
  const base = safeFileName(
    `${model.cover.council} self-assessment ${model.cover.cycleLabel}${model.cover.status === 'Draft' ? ' DRAFT' : ''}`,
  );
  if (kind === 'xlsx') {
    const details = buildWorkbookDetails(input);
    const { renderWorkbook } = await import('../../export/xlsx/render-workbook');
    onStep('rendering');
    return { fileName: `${base}.xlsx`, bytes: renderWorkbook(model, details) };
  }
  if (kind === 'docx') {
    const { renderDocument } = await import('../../export/docx/render-document');
    onStep('rendering');
    return { fileName: `${base}.docx`, bytes: await renderDocument(model) };
  }
  const [{ renderReportPdf }, pdfFonts] = await Promise.all([
    import('../../export/pdf/render-report'),
    fonts(),
  ]);
  onStep('rendering');
  return { fileName: `${base}.pdf`, bytes: renderReportPdf(model, pdfFonts) };
}

/** The audit subgroup's report of the audits in scope, as a PDF or a workbook. */
export async function makeSubgroupFile(
  input: SubgroupReportInput,
  kind: SubgroupExportKind,
  fonts: () => Promise<PdfFonts> = loadPdfFonts,
  onStep: StepListener = () => undefined,
): Promise<ExportFile> {
  onStep('building');
  const report = buildSubgroupReport(input);
  const base = safeFileName(`${report.council} audit subgroup report ${report.printed}`);
  if (kind === 'xlsx') {
    const { renderSubgroupWorkbook } = await import('../../export/xlsx/render-subgroup-workbook');
    onStep('rendering');
    return { fileName: `${base}.xlsx`, bytes: renderSubgroupWorkbook(report) };
  }
  const [{ renderSubgroupReportPdf }, pdfFonts] = await Promise.all([
    import('../../export/pdf/render-subgroup-report'),
    fonts(),
  ]);
  onStep('rendering');
  return { fileName: `${base}.pdf`, bytes: renderSubgroupReportPdf(report, pdfFonts) };
}
