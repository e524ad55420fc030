/*
 * The messages between the page and the export worker, and the worker's handling of one request: read
 * the records from IndexedDB, build the model, render, and post the file back (its bytes transferred,
 * not copied), with a progress message at each step. A failure is posted with its message, never thrown.
 */
import type { WorkbookDatabase } from '../../storage/db';
import type { PdfFonts } from '../../export/pdf/pdf-writer';
import {
  makeCycleFile,
  makeSubgroupFile,
  type ExportKind,
  type ExportStep,
  type SubgroupExportKind,
} from './export-files';
import {
  readCycleExport,
  readSubgroupExport,
  type CycleExportRecords,
  type SubgroupExportRecords,
} from './export-reader';

export type ExportJob =
  | ({ what: 'cycle'; kind: ExportKind } & CycleExportRecords)
  | ({ what: 'subgroup'; kind: SubgroupExportKind } & SubgroupExportRecords);

export type ExportRequest = ExportJob & { job: number };

export type ExportReply =
  | { job: number; type: 'progress'; step: ExportStep }
  | { job: number; type: 'done'; fileName: string; bytes: Uint8Array }
  | { job: number; type: 'failed'; message: string };

export interface ExportWorkerContext {
  db: WorkbookDatabase;
  fonts: () => Promise<PdfFonts>;
  post: (reply: ExportReply, transfer?: Transferable[]) => void;
}

export async function handleExportRequest(
  request: ExportRequest,
  context: ExportWorkerContext,
): Promise<void> {
  const { job } = request;
  const onStep = (step: ExportStep) => context.post({ job, type: 'progress', step });
  try {
    onStep('reading');
    const file =
      request.what === 'cycle'
        ? await makeCycleFile(await readCycleExport(context.db, request), request.kind, context.fonts, onStep)
        : await makeSubgroupFile(
            await readSubgroupExport(context.db, request),
            request.kind,
            context.fonts,
            onStep,
          );
    const { buffer } = file.bytes;
    context.post(
      { job, type: 'done', fileName: file.fileName, bytes: file.bytes },
      buffer instanceof ArrayBuffer ? [buffer] : [],
    );
  } catch (error) {
    context.post({ job, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
