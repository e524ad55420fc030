/*
 * The annual engagement meeting pack as a Word document the director can edit before sending: the same
 * content in the same order as the PDF, with real headings and tables whose header rows repeat, the
 * protective marking at the top and bottom of every page. Every word comes from the pack model.
 */
import { Document, HeadingLevel, Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
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
import { clean, gap, heading, line, prose, reportTable } from './docx-blocks';
import { NUMBERING_CONFIG, PAGE_SETUP, STYLES } from './docx-style';
import { pageFrame } from './page-frame';
import { packDocument } from './table-xml';

export async function renderEngagementPackDocument(pack: EngagementPack): Promise<Uint8Array> {
  const { cover } = pack;
  const frame = pageFrame(cover);
  const doc = new Document({
    title: clean(`${cover.title} – ${cover.council}`),
    subject: clean(cover.frameworkTitle),
    creator: 'Readiness Workbook',
    styles: STYLES,
    numbering: NUMBERING_CONFIG,
    sections: [
      {
        properties: {
          page: PAGE_SETUP,
        },
        // No separate cover: every page, the first too, carries the running header and footer.
        headers: { default: frame.headers.default },
        footers: { default: frame.footers.default },
        children: body(pack),
      },
    ],
  });
  return packDocument(doc);
}

function body(pack: EngagementPack): FileChild[] {
  const { cover } = pack;
  const section = (title: string) => heading(title, 1, { newPage: false });
  const sub = (title: string) => heading(title, 2, { newPage: false });
  const out: FileChild[] = [
    line(`${cover.council} · ${cover.frameworkTitle}`),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(cover.title))] }),
    ...prose(words.intro(pack)),
    section(words.summary),
    reportTable(packSummaryTable(pack)),
    gap(),
    section(words.changes),
  ];
  for (const change of pack.changes)
    out.push(sub(change.topic), ...prose(change.text || words.nothingWritten));

  out.push(section(words.letter(pack)));
  if (!pack.lastLetter) out.push(...prose(words.noLetter));
  else
    out.push(
      line(words.progressLine(pack.lastLetter.total)),
      reportTable(packProgressCountsTable(pack.lastLetter.counts)),
      gap(),
      reportTable(packProgressItemsTable(pack.lastLetter.items)),
      gap(),
    );

  const inspection = pack.lastInspection;
  out.push(section(words.inspection));
  if (!inspection) out.push(...prose(words.noInspection));
  else {
    out.push(
      line(words.inspectionLine(inspection)),
      reportTable(packInspectionTable(inspection)),
      gap(),
      sub(words.inspectionRecommendations(inspection.total)),
    );
    if (inspection.total)
      out.push(
        reportTable(packProgressCountsTable(inspection.counts)),
        gap(),
        reportTable(packProgressItemsTable(inspection.items)),
        gap(),
      );
  }

  out.push(section(words.keyFigures), sub(words.indicators));
  out.push(pack.indicators.length ? reportTable(packIndicatorsTable(pack)) : line(words.noIndicators));
  out.push(gap(), sub(words.audits(pack)));
  out.push(pack.audits.none ? line(pack.audits.none) : reportTable(packAuditsTable(pack)));
  return out;
}
