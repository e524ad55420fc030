/*
 * The Word document's house style in one place: A4 with 2 cm margins, Arial 11 pt in UK English, real
 * Heading 1–3 styles (so the navigation pane and the table of contents work), a small table text style,
 * and the two numbering schemes the document uses (bullets for lists typed with "- ", and the numbered
 * self-evaluation questions).
 */
import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';

/** Twips (1/1440 inch): A4 is 210 × 297 mm, and 2 cm is 1134 twips. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** A section's page, as docx takes it: A4 with the margins above. */
export const PAGE_SETUP = {
  size: { width: PAGE.width, height: PAGE.height },
  margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
};

export const FONT = 'Arial';
export const INK = '0B0C0C';
export const RULE = '505A5F';
export const HEADER_FILL = 'F3F2F1';

export const STYLE = {
  tableText: 'TableText',
  contentsHeading: 'TOCHeading',
  coverText: 'CoverText',
} as const;
export const NUMBERING = { bullets: 'bullets', questions: 'questions' } as const;

/** Half-points, as Word measures font sizes. */
const pt = (points: number) => points * 2;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: pt(11), color: INK, language: { value: 'en-GB' } },
      paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: FONT, size: pt(24), bold: true, color: INK },
      paragraph: { spacing: { before: 120, after: 240 } },
    },
    heading1: {
      run: { font: FONT, size: pt(18), bold: true, color: INK },
      paragraph: { keepNext: true, keepLines: true, spacing: { after: 240 } },
    },
    heading2: {
      run: { font: FONT, size: pt(14), bold: true, color: INK },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 320, after: 120 } },
    },
    heading3: {
      run: { font: FONT, size: pt(12), bold: true, color: INK },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 100 } },
    },
    heading4: {
      run: { font: FONT, size: pt(11), bold: true, color: INK },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 200, after: 80 } },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: pt(9) },
      paragraph: { spacing: { before: 0, after: 40, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.contentsHeading,
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: pt(18), bold: true },
      paragraph: { keepNext: true, spacing: { after: 240 } },
    },
    {
      id: STYLE.coverText,
      name: 'Cover Text',
      basedOn: 'Normal',
      run: { size: pt(12) },
      paragraph: { spacing: { after: 80 } },
    },
  ],
};

export const NUMBERING_CONFIG: INumberingOptions = {
  config: [
    {
      reference: NUMBERING.bullets,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 357, hanging: 357 } } },
        },
      ],
    },
    {
      reference: NUMBERING.questions,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 567, hanging: 567 } } },
        },
      ],
    },
  ],
};
