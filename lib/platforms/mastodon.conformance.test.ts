/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { mastodon } from './mastodon';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';

const CAPTURE = 'virallab-mastodon-social-home-status-excerpt-2026-06.html';

describe.skipIf(!realCapturesAvailable)(
  `Mastodon adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every Mastodon capture in ../shared', () => {
      expect(realCaptureFiles('mastodon')).toEqual([CAPTURE]);
    });

    // The capture (mastodon.social/home, Mastodon 4.6.0-nightly, June 2026) holds one feed item:
    // Onur Varol's boost of a post by @pedram@sfba.social from 2022-11-12T18:02:33Z. Its action
    // bar shows a reply counter of 8, and buttons "Boost or quote" and "Favorite" without counters.
    it(`reads the post ${CAPTURE} holds: 8 replies, boosts and favourites absent (not 0)`, () => {
      const readings = mastodon.read(loadRealCapture('mastodon', CAPTURE), {
        url: new URL('https://mastodon.social/home'),
      });
      expect(readings).toHaveLength(1);
      const [post] = readings;
      expect(post).toMatchObject({
        platform: 'mastodon',
        // 4.x links the post to mastodon.social's copy (local id 109332146500492767).
        postId: 'https://mastodon.social/@pedram@sfba.social/109332146500492767',
        url: 'https://mastodon.social/@pedram@sfba.social/109332146500492767',
        author: 'pedram@sfba.social', // the post's author, not the booster (@ovarol)
        postedAt: Date.parse('2022-11-12T18:02:33.000Z'),
      });
      expect(post!.text).toMatch(/^With so many new people joining Mastodon, here’s a few things to note:/);
      expect(post!.counts).toEqual({ replies: { precision: 'exact', value: 8, raw: '8' } });
      expect(post!.counts.reposts).toBeUndefined();
      expect(post!.counts.likes).toBeUndefined();
    });

    it('reports no problem on the capture', () => {
      const result = mastodon.scan(loadRealCapture('mastodon', CAPTURE), {
        url: new URL('https://mastodon.social/home'),
      });
      expect(result).toMatchObject({ candidates: 1, problems: [] });
    });
  },
);
