/*
 * Runs in a Web Worker: makes the exports off the page, reading the workspace from IndexedDB itself (the
 * page sends only which export, and the frameworks). It only reads; the page waits for its own pending
 * writes to land before asking, so the file holds everything saved.
 */
import { openWorkbookDatabase } from '../../storage/db';
import { loadPdfFonts } from './export-files';
import { handleExportRequest, type ExportReply, type ExportRequest } from './export-jobs';

const db = openWorkbookDatabase();
const post = (reply: ExportReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });

self.onmessage = (event: MessageEvent<ExportRequest>) => {
  void handleExportRequest(event.data, { db, fonts: loadPdfFonts, post });
};
