/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { bluesky } from './bluesky';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';

const PROFILE_FEED = 'metascraper-bsky-profile-feed-2026-01.html';

/**
 * Read off the capture by hand: replies and likes from each card's replyBtn / likeBtn aria-label
 * ("Reply (124 replies)", "Like (3,817 likes)"), reposts from its repostCount text, which is
 * reposts + quotes, exact below 1,000 and truncated above ("2.1K" is [2100, 2200): Bluesky prints
 * one decimal below 10,000). The order is the feed's.
 */
type Expected = { author: string; replies: number; likes: number; reposts: number | [number, number] };
const EXPECTED: Record<string, Expected> = {
  '3mddvy5bv6k27': { author: 'stephenking.bsky.social', replies: 124, likes: 3817, reposts: 622 },
  '3md4rhnginc2m': { author: 'stephenking.bsky.social', replies: 303, likes: 9392, reposts: [2100, 2200] },
  '3md274jjoss2f': { author: 'stephenking.bsky.social', replies: 207, likes: 6257, reposts: [1000, 1100] },
  '3mcqguitjf22v': { author: 'stephenking.bsky.social', replies: 167, likes: 3787, reposts: 664 },
  '3mcqgqic4i22v': { author: 'stephenking.bsky.social', replies: 137, likes: 2999, reposts: 288 },
  '3mcjx2ckdos2j': { author: 'stephenking.bsky.social', replies: 198, likes: 2318, reposts: 275 },
  '3mchlk76qzk2g': { author: 'stephenking.bsky.social', replies: 327, likes: 2319, reposts: 208 },
  '3mbztmhbjy22c': { author: 'stephenking.bsky.social', replies: 65, likes: 1458, reposts: 79 },
  '3mbx73esp3k2c': { author: 'stephenking.bsky.social', replies: 323, likes: 2103, reposts: 129 },
  '3mbx6yb6oic2c': { author: 'stephenking.bsky.social', replies: 19, likes: 522, reposts: 19 },
  '3mbx6xa5kec2c': { author: 'stephenking.bsky.social', replies: 66, likes: 2006, reposts: 190 },
  '3mbx6uyfmn22c': { author: 'stephenking.bsky.social', replies: 36, likes: 1929, reposts: 96 },
  '3mbkr6srud22x': { author: 'stephenking.bsky.social', replies: 151, likes: 1936, reposts: 76 },
  '3mbjxvoc75c24': { author: 'stephenking.bsky.social', replies: 289, likes: 6896, reposts: [1200, 1300] },
  '3mb3o6pp36k2h': { author: 'jeffreyskarski.bsky.social', replies: 4, likes: 469, reposts: 15 },
  '3mb3oaodwhc2a': { author: 'nillintheblanks.bsky.social', replies: 4, likes: 795, reposts: 29 },
  '3mb3nqdhfzk2a': { author: 'stephenking.bsky.social', replies: 300, likes: 5865, reposts: 307 },
  '3manp3vo34k2f': { author: 'stephenking.bsky.social', replies: 389, likes: 3628, reposts: 425 },
  '3madlmyud7s2p': { author: 'stephenking.bsky.social', replies: 337, likes: 5680, reposts: [1100, 1200] },
  '3maa7upzot22l': { author: 'stephenking.bsky.social', replies: 88, likes: 1236, reposts: 105 },
  '3m7vkh6wbtc2r': { author: 'stephenking.bsky.social', replies: 42, likes: 574, reposts: 27 },
  '3m7v2hljv2c2t': { author: 'stephenking.bsky.social', replies: 194, likes: 1272, reposts: 83 },
  '3m7uprkgf2k2m': { author: 'stephenking.bsky.social', replies: 59, likes: 910, reposts: 84 },
  '3m7t3qg5eks2a': { author: 'stephenking.bsky.social', replies: 159, likes: 3323, reposts: 253 },
  '3m7q7oeh7t22a': { author: 'stephenking.bsky.social', replies: 19, likes: 672, reposts: 33 },
  '3m7j4tcfn3c25': { author: 'stephenking.bsky.social', replies: 91, likes: 4372, reposts: 622 },
  '3m7ggj6jbrc2t': { author: 'stephenking.bsky.social', replies: 161, likes: 4029, reposts: 502 },
  '3m7doc5efms2j': { author: 'stephenking.bsky.social', replies: 68, likes: 1134, reposts: 101 },
};

describe.skipIf(!realCapturesAvailable)(
  `Bluesky adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    const read = () =>
      bluesky.scan(loadRealCapture('bluesky', PROFILE_FEED), {
        url: new URL('https://bsky.app/profile/stephenking.bsky.social'),
      });

    it('has an expectation for every Bluesky capture in ../shared', () => {
      expect(realCaptureFiles('bluesky')).toEqual([PROFILE_FEED]);
    });

    it(`reads all 28 posts of ${PROFILE_FEED}, with the counts their labels and buttons hold`, () => {
      const { readings, candidates, problems } = read();
      expect(candidates).toBe(28);
      expect(problems).toEqual([]);
      expect(readings.map((r) => r.postId)).toEqual(Object.keys(EXPECTED));
      for (const reading of readings) {
        const want = EXPECTED[reading.postId]!;
        const reposts = Array.isArray(want.reposts)
          ? { precision: 'rounded', min: want.reposts[0], max: want.reposts[1] }
          : { precision: 'exact', value: want.reposts };
        expect(reading.author, reading.postId).toBe(want.author);
        expect(reading.counts, reading.postId).toMatchObject({
          replies: { precision: 'exact', value: want.replies },
          likes: { precision: 'exact', value: want.likes },
          reposts,
        });
        expect(reading.includes).toEqual({ reposts: ['quotes'] });
      }
    });

    it('dates posts from their TIDs, matching the permalinks’ labels (captured on a UTC+1 machine)', () => {
      const { readings } = read();
      // "January 26, 2026 at 7:50 PM" and, for a repost, "December 29, 2025 at 2:19 AM".
      expect(new Date(readings[0]!.postedAt!).toISOString()).toBe('2026-01-26T18:50:47.802Z');
      expect(new Date(readings.find((r) => r.postId === '3mb3o6pp36k2h')!.postedAt!).toISOString()).toBe(
        '2025-12-29T01:19:37.338Z',
      );
    });

    it('keeps quoted posts out: their permalinks are not read as the quoting posts’ own', () => {
      const { readings } = read();
      for (const quoted of ['3mcnit5ken22y', '3mcjlyohktk2j', '3mbn3pefjk22w', '3mbnoznuuls2p', '3mbp7hseri22k']) {
        expect(readings.some((r) => r.postId === quoted)).toBe(false);
      }
      expect(readings.find((r) => r.postId === '3mcqguitjf22v')).toMatchObject({
        url: 'https://bsky.app/profile/stephenking.bsky.social/post/3mcqguitjf22v',
        text: expect.stringMatching(/^Trump really is trying to destroy America\./),
      });
    });
  },
);
