import { describe, expect, it } from 'vitest';
import { findPublishedDate, normaliseDate } from './dates.js';

describe('normaliseDate (dates given by the format)', () => {
  it.each([
    ['2024-09-24', '2024-09-24'],
    ['2024-09-24T08:00:00Z', '2024-09-24'],
    ['2024-09-24T23:30:00-05:00', '2024-09-24'], // as written, no shift to UTC
    ['2024/9/4', '2024-09-04'],
    ['September 24, 2024', '2024-09-24'],
    ['Sept. 24, 2024', '2024-09-24'],
    ['Sep 24 2024', '2024-09-24'],
    ['24 September 2024', '2024-09-24'],
    ['3rd March 2025', '2025-03-03'],
    ['Tue, 24 Sep 2024 08:00:00 GMT', '2024-09-24'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it.each([['2023-02-29'], ['2024-13-01'], ['September 31, 2024'], ['yesterday'], [''], ['1200-01-01']])(
    'rejects %j',
    (input) => {
      expect(normaliseDate(input)).toBeNull();
    },
  );

  it('null and undefined stay null', () => {
    expect(normaliseDate(null)).toBeNull();
    expect(normaliseDate(undefined)).toBeNull();
  });
});

describe('findPublishedDate (dates in the text)', () => {
  it.each([
    [
      'dateline',
      'TAIPEI, Sept 24 2024 - Taiwan said on Tuesday that hackers had targeted its ministries.',
      '2024-09-24',
    ],
    ['byline date', 'By Jane Doe\n12 March 2025\n\nThe agency named four officers.', '2025-03-12'],
    ['ISO in the lead', 'Posted 2023-11-02 by staff. The ministry published a report.', '2023-11-02'],
    [
      'Published line below the lead beats the first date in the lead',
      'The campaign started on January 5, 2022, investigators said.\n\nPublished: 7 February 2024',
      '2024-02-07',
    ],
    [
      'Published beats Updated',
      'Updated: March 3, 2024\nPublished: March 1, 2024\n\nBody text.',
      '2024-03-01',
    ],
    ['Updated when there is no Published line', 'Body first.\nLast updated 2024-05-06 10:00', '2024-05-06'],
  ])('%s', (_name, text, expected) => {
    expect(findPublishedDate(text)).toBe(expected);
  });

  it('ignores dates beyond the lead unless a Published/Updated line carries them', () => {
    const text = `${'Officials described the intrusion in detail. '.repeat(12)}The first breach was on 3 May 2021.`;
    expect(text.indexOf('3 May')).toBeGreaterThan(400);
    expect(findPublishedDate(text)).toBeNull();
  });

  it('no date → null', () => {
    expect(findPublishedDate('The ministry said the attacks continued for months.')).toBeNull();
  });
});
