// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutraliseFormula } from '../../src/export/safe-text';

describe('text that leaves the app in a spreadsheet', () => {
  it.each([
    '=HYPERLINK("http://evil.invalid","click me")',
    '=1+1',
    '+44 line of enquiry',
    '-2+3',
    "-cmd|' /C calc'!A0",
    "- cmd|' /C calc'!A0",
    '@SUM(A1:A9)',
    '- see HYPERLINK("http://x.invalid")',
    '+ [Budget.xlsx]Sheet1!A1',
    '\t=1+1',
    '\r-2',
    '- Sheet1!A1',
  ])('keeps %j inert with a leading apostrophe', (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each([
    '- Strong management oversight in 8 of 10 audits',
    '-Clear plans',
    '@Priya to review',
    '- Plans (most of them) were specific',
    '– an en dash is not a minus sign',
    'Costs fell by £12,000 = good value',
    'Plain text',
    '',
  ])('prints %j as written', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(neutraliseFormula(text)).toBe(text);
  });
});
