import { describe, expect, it } from 'vitest';
import { readDate, readDateRange } from '../../../src/domain/inspection-report/read-dates';

describe('dates as reports print them', () => {
  it.each([
    ['8 July to 19 July 2019', '2019-07-08', '2019-07-19'],
    ['8 to 19 July 2019', '2019-07-08', '2019-07-19'],
    ['29 January 2018 to 22 February 2018', '2018-01-29', '2018-02-22'],
    ['29 January to 22 February 2018', '2018-01-29', '2018-02-22'],
    ['12 and 13 June 2019', '2019-06-12', '2019-06-13'],
    ['30 December to 10 January 2020', '2019-12-30', '2020-01-10'],
    ['5th – 7th March 2024', '2024-03-05', '2024-03-07'],
    ['on 4 May 2021.', '2021-05-04', '2021-05-04'],
  ])('%s', (text, start, end) => {
    expect(readDateRange(text)).toMatchObject({ start, end });
  });
  it('a day that does not exist is not a date', () => {
    expect(readDate('31 February 2024')).toBeUndefined();
    expect(readDateRange('no dates here')).toBeUndefined();
  });
});
