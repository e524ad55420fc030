/*
 * What every page of the Word document carries: the protective marking at the top and the bottom,
 * DRAFT in the header until the cycle is final, and "Page x of y" in the footer (Word's own PAGE and
 * NUMPAGES fields, so the numbers stay right as people edit). The cover has no running title.
 */
import { Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { formatDate } from '../../domain/format/dates';
import type { ReportCover } from '../../domain/report/report-model';
import { clean } from './docx-blocks';
import { TEXT_WIDTH } from './docx-style';

const SMALL = 16; // 8 pt
const rightTab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];

export function pageFrame(cover: ReportCover) {
  const draft = cover.status === 'Draft';
  const marking = clean(cover.marking);
  const header = (withTitle: boolean) =>
    new Header({
      children: [
        new Paragraph({
          tabStops: rightTab,
          spacing: { after: 0 },
          children: [
            new TextRun({ text: withTitle ? clean(`${cover.council} · ${cover.title}`) : '', size: SMALL }),
            new TextRun({ children: [new Tab(), marking], bold: true, size: SMALL }),
          ],
        }),
        ...(draft
          ? [
              new Paragraph({
                tabStops: rightTab,
                spacing: { after: 0 },
                children: [new TextRun({ children: [new Tab(), 'DRAFT'], bold: true, size: 20 })],
              }),
            ]
          : []),
      ],
    });
  const footerText = `${cover.marking} · ${cover.cycleLabel} · ${formatDate(cover.date)}${draft ? ' · DRAFT' : ''}`;
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          tabStops: rightTab,
          spacing: { after: 0 },
          children: [
            new TextRun({ text: clean(footerText), size: SMALL }),
            new TextRun({
              children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
              size: SMALL,
            }),
          ],
        }),
      ],
    });
  return {
    headers: { first: header(false), default: header(true) },
    footers: { first: footer(), default: footer() },
  };
}
