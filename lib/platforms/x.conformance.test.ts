/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';
import { x } from './x';

const EXPECTED: Record<string, Record<string, Record<string, number>>> = {
  'tweetyoink-tweet-detail-2025-10-23.html': {
    '1981398750557065646': { replies: 48, reposts: 152, likes: 553, bookmarks: 9, views: 30142 },
  },
  'metascraper-x-profile-timeline-2025-12.html': {
    '1759241476758733209': { replies: 10, reposts: 1, likes: 27, bookmarks: 5, views: 11424 },
    '1987508451887784324': { replies: 785, reposts: 890, likes: 6027, bookmarks: 476, views: 788311 },
    '1935738866390253649': { replies: 36, reposts: 31, likes: 767, bookmarks: 80, views: 101187 },
  },
};

describe.skipIf(!realCapturesAvailable)(
  `X adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every X capture in ../shared', () => {
      expect(realCaptureFiles('x')).toEqual(Object.keys(EXPECTED).sort());
    });

    for (const [file, posts] of Object.entries(EXPECTED)) {
      it(`reads the counts ${file} holds, exactly`, () => {
        const readings = x.read(loadRealCapture('x', file), { url: new URL('https://x.com/home') });
        expect(readings.map((r) => r.postId).sort()).toEqual(Object.keys(posts).sort());
        for (const reading of readings) {
          const values = Object.fromEntries(
            Object.entries(reading.counts).map(([m, c]) => [m, 'value' in c ? c.value : c.precision]),
          );
          expect(values).toEqual(posts[reading.postId]);
          expect(Object.values(reading.counts).every((c) => c.precision === 'exact')).toBe(true);
        }
      });
    }

    it("keeps the quoted post's author and text out of the quoting post", () => {
      const readings = x.read(loadRealCapture('x', 'metascraper-x-profile-timeline-2025-12.html'), {
        url: new URL('https://x.com/Kikobeats'),
      });
      const quoting = readings.find((r) => r.postId === '1935738866390253649')!;
      expect(quoting.author).toBe('Kikobeats');
      expect(quoting.postedAt).toBe(Date.parse('2025-06-19T16:38:04.000Z'));
      expect(quoting.text).toMatch(/^It's online/);
    });
  },
);
