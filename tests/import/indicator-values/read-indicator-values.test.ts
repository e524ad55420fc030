import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  mergeValues,
  readIndicatorValuesCsv,
} from '../../../src/import/indicator-values/read-indicator-values';
import { starterIndicators } from '../../../src/domain/scorecard/starter-set';

let n = 0;
const scorecard = starterIndicators(() => ({ id: `i${++n}`, createdAt: '', updatedAt: '', updatedBy: '' }));
const contacts = scorecard.find((i) => i.name.startsWith('Contacts'))!;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('importing indicator values', () => {
  it('reads values and comparators by indicator name and period; a blank value is a gap, not zero', () => {
    const result = readIndicatorValuesCsv(
      bytes(
        'Indicator,Period,Value,Statistical neighbours,Region,England\ncontacts with a decision within one working day,2025-05,88.5%,86,85,84\nContacts with a decision within one working day,06/2025,,86,,\n',
      ),
      scorecard,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.messages));
    expect(result.updates.get(contacts.id)).toEqual([
      { period: '2025-05', value: 88.5, comparators: { statisticalNeighbours: 86, region: 85, england: 84 } },
      { period: '2025-06', value: null, comparators: { statisticalNeighbours: 86 } },
    ]);
  });

  it.each([
    ['formula.csv', 'Row 2, indicator', 'run as a formula'],
    ['bad-period.csv', 'Row 2, period', 'is not a period'],
    ['not-a-number.csv', 'Row 2, value', 'is not a number'],
    ['unknown-indicator.csv', 'Row 2, indicator', 'is not on the scorecard'],
    ['wrong-columns.csv', 'Heading row', 'has no column for'],
    ['decimal-comma.csv', 'Row 3, value', '“12,5” uses a comma for the decimal point; write 12.5.'],
    ['hexadecimal.csv', 'Row 2, value', '“0x1A” is not a number this import reads'],
    ['exponent.csv', 'Row 2, value', '“1e3” is not a number this import reads'],
    ['thousands-separator.csv', 'Row 2, value', 'without thousands separators (1250)'],
    ['duplicate-period.csv', 'Row 4, period', 'is also on row 2. Keep one of rows 2 and 4'],
    ['period-year-9999.csv', 'Row 2, period', 'is outside the periods this workbook holds'],
    ['period-year-1000.csv', 'Row 2, period', 'is outside the periods this workbook holds (2000-01'],
    ['unclosed-quote.csv', 'Line 3', 'is never closed'],
  ])('refuses %s with a located message', (file, location, text) => {
    const result = readIndicatorValuesCsv(
      new Uint8Array(readFileSync(`tests/fixtures/invalid/indicator-values/${file}`)),
      scorecard,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.messages[0]!.location).toBe(location);
      expect(result.messages[0]!.text).toContain(text);
    }
  });

  it('reads plain decimals and percentages only, and periods from 2000-01 to December next year', () => {
    const read = (value: string, period = '2025-05') =>
      readIndicatorValuesCsv(
        bytes(`Indicator,Period,Value\n${contacts.name},${period},"${value}"\n`),
        scorecard,
        new Date('2026-03-01T00:00:00Z'),
      );
    const value = (v: string) => {
      const result = read(v);
      return result.ok ? result.updates.get(contacts.id)![0]!.value : undefined;
    };
    expect([value('12.5'), value('12.5%'), value('-3'), value('0'), value('100 %')]).toEqual([
      12.5, 12.5, -3, 0, 100,
    ]);
    for (const refused of ['12,5', '0x1A', '1e3', '1,250', 'Infinity', '.5', '1 250', '12.5.1'])
      expect(read(refused).ok, refused).toBe(false);
    expect(read('1', '2000-01').ok).toBe(true);
    expect(read('1', '2027-12').ok).toBe(true);
    expect(read('1', '1999-12').ok).toBe(false);
    expect(read('1', '2028-01')).toMatchObject({
      ok: false,
      messages: [{ location: 'Row 2, period', text: expect.stringContaining('(2000-01 to 2027-12)') }],
    });
  });

  it('replaces a period already recorded and keeps the others in order', () => {
    const merged = mergeValues(
      [
        { period: '2025-04', value: 80, comparators: {} },
        { period: '2025-05', value: 81, comparators: {} },
      ],
      [
        { period: '2025-05', value: 85, comparators: {} },
        { period: '2025-03', value: 79, comparators: {} },
      ],
    );
    expect(merged.map((v) => [v.period, v.value])).toEqual([
      ['2025-03', 79],
      ['2025-04', 80],
      ['2025-05', 85],
    ]);
  });
});
