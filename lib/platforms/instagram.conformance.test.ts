/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { instagram } from './instagram';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';

const HOME_POST = 'virallab-instagram-home-feed-post-2026.html';

/**
 * The logged-in home feed of June 2026 (English UI), one complete feed article, by hand: a collab post
 * by kudagcilik and sudosk, its time link /p/DZk1-mYDDYz/ around time[datetime="2026-06-14T18:03:52.000Z"];
 * in the action bar, no number after the heart and "4" (a span[role="button"]) right after the Comment
 * icon; under it "Liked by sudosk and others" (the like count withheld); Share and Save show no count;
 * the caption starts "⛰️Dedegöl Zirvesi (2992m)".
 */
describe.skipIf(!realCapturesAvailable)(
  `Instagram adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every Instagram capture in ../shared', () => {
      expect(realCaptureFiles('instagram')).toEqual([HOME_POST]);
    });

    it(`reads ${HOME_POST}: 4 comments exactly, likes hidden, by its shortcode`, () => {
      const result = instagram.scan(loadRealCapture('instagram', HOME_POST), {
        url: new URL('https://www.instagram.com/'),
      });
      expect(result.problems).toEqual([]);
      expect(result.candidates).toBe(1);
      expect(result.readings).toHaveLength(1);
      const [post] = result.readings;
      expect(post).toMatchObject({
        platform: 'instagram',
        postId: 'DZk1-mYDDYz',
        url: 'https://www.instagram.com/p/DZk1-mYDDYz/',
        author: 'kudagcilik',
        postedAt: Date.parse('2026-06-14T18:03:52.000Z'),
        counts: {
          replies: { precision: 'exact', value: 4, raw: '4' },
          likes: { precision: 'hidden', raw: 'Liked by sudosk and others' },
        },
      });
      expect(Object.keys(post!.counts).sort()).toEqual(['likes', 'replies']);
      expect(post!.text).toMatch(/^⛰️Dedegöl Zirvesi \(2992m\) \| Isparta/);
      expect(post!.promoted).toBeUndefined();
    });
  },
);
