/*
 * Reads an Annex A list file for a preview (CSV on the page, XLSX in the spreadsheet worker); nothing
 * is saved. The door is loaded only when a list is chosen, so it stays out of the first download.
 */
import type { AnnexAContext, AnnexAResult } from '../import/annex-a/read-annex-a';
import { isZipFile } from '../import/case-list/zip-size';

export async function readAnnexAFile(bytes: Uint8Array, context: AnnexAContext): Promise<AnnexAResult> {
  const door = await import('../import/annex-a/read-annex-a');
  return isZipFile(bytes) ? door.readAnnexASpreadsheet(bytes, context) : door.readAnnexACsv(bytes, context);
}
