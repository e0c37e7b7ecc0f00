/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';
import { tiktok } from './tiktok';

/**
 * The 2025 capture is a video page in the one-column layout: 13
 * article[data-e2e="recommend-list-item-container"], the first two filled (the page's video, then a
 * recommendation; both with their player mounted) and eleven empty placeholders. Its address is in
 * its canonical link. Expected values were read off the capture's markup by hand.
 */
const CAPTURE = 'metascraper-tiktok-video-2025-12.html';
const PAGE = 'https://www.tiktok.com/@illojuan/video/7571863205253778710';

describe.skipIf(!realCapturesAvailable)(
  `TikTok adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every TikTok capture in ../shared', () => {
      expect(realCaptureFiles('tiktok')).toEqual([CAPTURE]);
    });

    it('reads the two filled articles with the counts they show, and no placeholder', () => {
      const result = tiktok.scan(loadRealCapture('tiktok', CAPTURE), { url: new URL(PAGE) });
      expect(result.candidates).toBe(2); // the eleven empty articles are not candidates
      expect(result.problems).toEqual([]);
      const [video, next] = result.readings;
      expect(result.readings).toHaveLength(2);

      // <strong data-e2e="like-count">25.5K</strong>, comment-count 146, undefined-count 1311, share-count 2156;
      // the player wrapper is div#xgwrapper-0-7571863205253778710.
      expect(video).toMatchObject({
        postId: '7571863205253778710',
        url: PAGE,
        author: 'illojuan',
        postedAt: Date.parse('2025-11-12T15:36:23Z'), // the page shows "· 11-12"
        promoted: true, // data-e2e="sponsored-tag": "Paid partnership"
        counts: {
          likes: { precision: 'rounded', value: 25500, min: 25450, max: 25550 },
          replies: { precision: 'exact', value: 146 },
          bookmarks: { precision: 'exact', value: 1311 },
          reposts: { precision: 'exact', value: 2156 },
        },
      });
      expect(video!.text).toMatch(/^La nueva locurilla de fin de año: me he puesto un uniforme de trabajo/);
      expect(video!.text).toContain('@burgerking_es'); // a mention, not the author

      // like-count 35.3K, comment-count 223, undefined-count 1852, share-count 24.8K; xgwrapper-0-7586458564600827138.
      expect(next).toMatchObject({
        postId: '7586458564600827138',
        url: 'https://www.tiktok.com/@lacasa2edicion/video/7586458564600827138',
        author: 'lacasa2edicion',
        text: '😅😂 #ruth #empoderada #ruthempoderada',
        counts: {
          likes: { precision: 'rounded', value: 35300 },
          replies: { precision: 'exact', value: 223 },
          bookmarks: { precision: 'exact', value: 1852 },
          reposts: { precision: 'rounded', value: 24800, min: 24750, max: 24850 },
        },
      });
      expect(next!.promoted).toBeUndefined();
      // Its stale AI summary ("Descubre el menú Mystery King…", left from the first video) is not its text.
      expect(next!.text).not.toContain('Mystery King');
    });
  },
);
