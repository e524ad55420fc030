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
