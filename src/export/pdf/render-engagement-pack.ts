/*
 * The annual engagement meeting pack as a PDF to send ahead of the meeting: the self-evaluation
 * summary, what has changed since the last meeting, progress on the last letter and the last inspection,
 * and the key figures, with the protective marking on every page. Tables come from
 * domain/rehearsal/engagement-pack-tables.ts, shared with the Word document; nothing is decided here.
 */
import type { EngagementPack } from '../../domain/rehearsal/engagement-pack';
import {
  packAuditsTable,
  packIndicatorsTable,
  packInspectionTable,
  packProgressCountsTable,
  packProgressItemsTable,
  packSummaryTable,
} from '../../domain/rehearsal/engagement-pack-tables';
import { engagementPackWords as words } from '../../domain/rehearsal/engagement-pack-words';
import { PdfWriter, type PdfFonts } from './pdf-writer';

export function renderEngagementPackPdf(pack: EngagementPack, fonts: PdfFonts): Uint8Array {
  const { cover } = pack;
  const w = new PdfWriter(fonts);
  w.doc.setProperties({ title: `${cover.title} – ${cover.council}`, creator: 'Readiness Workbook' });
  w.write(cover.marking, { size: 9, bold: true });
  w.write(`${cover.council} · ${cover.frameworkTitle}`, { size: 11 });
  w.heading(cover.title, 18);
  w.prose(words.intro(pack));

  w.headedTable(words.summary, 14, packSummaryTable(pack));

  w.heading(words.changes, 14);
  for (const change of pack.changes) {
    w.write(change.topic, { size: 12, bold: true });
    w.prose(change.text || words.nothingWritten);
  }

  w.heading(words.letter(pack), 14);
  if (!pack.lastLetter) w.prose(words.noLetter);
  else {
    w.prose(words.progressLine(pack.lastLetter.total));
    w.reportTable(packProgressCountsTable(pack.lastLetter.counts));
    w.reportTable(packProgressItemsTable(pack.lastLetter.items));
  }

  const inspection = pack.lastInspection;
  w.heading(words.inspection, 14);
  if (!inspection) w.prose(words.noInspection);
  else {
    w.prose(words.inspectionLine(inspection));
    w.reportTable(packInspectionTable(inspection));
    w.write(words.inspectionRecommendations(inspection.total), { size: 12, bold: true });
    if (inspection.total) {
      w.reportTable(packProgressCountsTable(inspection.counts));
      w.reportTable(packProgressItemsTable(inspection.items));
    }
  }

  w.heading(words.keyFigures, 14);
  w.write(words.indicators, { size: 12, bold: true });
  if (pack.indicators.length) w.reportTable(packIndicatorsTable(pack));
  else w.prose(words.noIndicators);
  w.write(words.audits(pack), { size: 12, bold: true });
  if (pack.audits.none) w.prose(pack.audits.none);
  else w.reportTable(packAuditsTable(pack));

  w.frame({
    headerLeft: `${cover.council} · ${cover.title}`,
    headerRight: cover.marking,
    footer: words.footer(pack),
  });
  return new Uint8Array(w.doc.output('arraybuffer'));
}
