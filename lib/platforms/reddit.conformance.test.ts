/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';
import { reddit } from './reddit';

const OLD_2015 = 'innmind-old-reddit-r-programming-2015-11.html';
const REDESIGN_2022 = 'postlight-reddit-redesign-post-2022-11.html';
const SHREDDIT_2026 = 'virallab-shreddit-home-feed-post-excerpt-2026-06.html';

/**
 * What the captures show, read off the pages by hand. The 2015 listing: each post's `.score.unvoted`
 * text (every vote column there is "unvoted") and its `a.comments` text, where "comment" without a
 * number means none; "•" is a score Reddit still hid. The 2022 redesign page: the text between each
 * post's vote arrows ("83.1k": a range around the value given here) and its "2.8k comments" link,
 * the page's post first, then the promoted post and the ten posts beside it (its ad unit is no
 * post). The 2026 card: `score` / `comment-count`.
 */
const HIDDEN = 'hidden';
const EXPECTED: Record<string, Record<string, { likes: number | typeof HIDDEN; replies: number }>> = {
  [OLD_2015]: {
    t3_3r27jn: { likes: 126, replies: 7 },
    t3_3qymxy: { likes: 1871, replies: 649 },
    t3_3r126r: { likes: 149, replies: 30 },
    t3_3r02ft: { likes: 202, replies: 60 },
    t3_3r1yqs: { likes: 27, replies: 4 },
    t3_3r1sb0: { likes: 25, replies: 16 },
    t3_3r25vk: { likes: 11, replies: 0 },
    t3_3r00tc: { likes: 88, replies: 6 },
    t3_3r1e7s: { likes: 12, replies: 1 },
    t3_3r277w: { likes: 4, replies: 4 },
    t3_3r06ca: { likes: 29, replies: 11 },
    t3_3r0ujs: { likes: 13, replies: 5 },
    t3_3r2lms: { likes: HIDDEN, replies: 0 },
    t3_3r18rh: { likes: 7, replies: 2 },
    t3_3r2gvd: { likes: HIDDEN, replies: 1 },
    t3_3qzwow: { likes: 16, replies: 4 },
    t3_3qvj56: { likes: 812, replies: 137 },
    t3_3qz7us: { likes: 12, replies: 12 },
    t3_3qxpy6: { likes: 74, replies: 9 },
    t3_3r0stu: { likes: 2, replies: 0 },
    t3_3qtgjg: { likes: 1216, replies: 159 },
    t3_3r1sts: { likes: 0, replies: 0 },
    t3_3qxrq4: { likes: 19, replies: 9 },
    t3_3qxcwm: { likes: 31, replies: 11 },
    t3_3qyrx6: { likes: 5, replies: 0 },
  },
  [REDESIGN_2022]: {
    t3_awx46q: { likes: 83_100, replies: 2_800 },
    t3_ylmma8: { likes: 8_700, replies: 150 },
    t3_ymxurk: { likes: 7_900, replies: 545 },
    t3_ye0yrj: { likes: 39, replies: 0 },
    t3_ynv7ln: { likes: 7_700, replies: 218 },
    t3_yje88y: { likes: 7_400, replies: 139 },
    t3_yk6rgx: { likes: 7_100, replies: 113 },
    t3_ynl2tb: { likes: 6_900, replies: 325 },
    t3_ykc2y3: { likes: 6_600, replies: 107 },
    t3_ykm9qf: { likes: 5_900, replies: 258 },
    t3_ynke2w: { likes: 5_700, replies: 148 },
    t3_ylogg6: { likes: 3_800, replies: 114 },
  },
  [SHREDDIT_2026]: {
    t3_1u49nx3: { likes: 40869, replies: 1303 },
  },
};

describe.skipIf(!realCapturesAvailable)(
  `Reddit adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every Reddit capture in ../shared', () => {
      expect(realCaptureFiles('reddit')).toEqual(Object.keys(EXPECTED).sort());
    });

    for (const [file, posts] of Object.entries(EXPECTED)) {
      it(`reads the counts ${file} holds`, () => {
        const readings = reddit.read(loadRealCapture('reddit', file), { url: new URL('https://www.reddit.com/') });
        expect(readings.map((r) => r.postId)).toEqual(Object.keys(posts));
        for (const reading of readings) {
          const values = Object.fromEntries(
            Object.entries(reading.counts).map(([m, c]) => [m, 'value' in c ? c.value : c.precision]),
          );
          expect(values, reading.postId).toEqual(posts[reading.postId]);
          // Exact where the page shows every digit; a range that holds the value where it shows "8.7k".
          for (const count of Object.values(reading.counts)) {
            if (count.precision === 'rounded') expect(/\d\.?\d*k$/.test(count.raw ?? '')).toBe(true);
            else expect(['exact', 'hidden'], reading.postId).toContain(count.precision);
          }
        }
      });
    }

    it('reads the 2015 listing’s posts only (not the sidebar’s links), with www permalinks, authors and times', () => {
      const result = reddit.scan(loadRealCapture('reddit', OLD_2015), {
        url: new URL('https://www.reddit.com/r/programming'),
      });
      expect(result.candidates).toBe(25);
      expect(result.problems).toEqual([]);
      expect(result.readings[0]).toMatchObject({
        postId: 't3_3r27jn',
        url: 'https://www.reddit.com/r/programming/comments/3r27jn/obfuscating_hello_world_in_python/',
        author: 'okBroThatsAwkward',
        postedAt: Date.parse('2015-11-01T08:07:40Z'),
        text: 'Obfuscating Hello World in Python',
      });
    });

    it('reads the 2022 redesign page: its ad unit skipped, the promoted post flagged, "83.1k" as a range', () => {
      const result = reddit.scan(loadRealCapture('reddit', REDESIGN_2022), {
        url: new URL(
          'https://www.reddit.com/r/Showerthoughts/comments/awx46q/vanilla_becoming_the_default_flavour_of_ice_cream/',
        ),
      });
      expect(result.candidates).toBe(12);
      expect(result.problems).toEqual([]);
      const [post] = result.readings;
      const promoted = result.readings.find((r) => r.promoted);
      expect(post).toMatchObject({
        url: 'https://www.reddit.com/r/Showerthoughts/comments/awx46q/vanilla_becoming_the_default_flavour_of_ice_cream/',
        author: 'benyacobi',
        text: 'Vanilla becoming the default flavour of ice cream is the greatest underdog story of all time.',
        counts: { likes: { precision: 'rounded', min: 83_050, max: 83_150 } },
      });
      expect(promoted).toMatchObject({ postId: 't3_ye0yrj', promoted: true, author: 'joinyohana' });
      expect(result.readings.filter((r) => r.promoted)).toHaveLength(1);
    });

    it('reads the 2026 shreddit card from its attributes, its counters being in a shadow root', () => {
      const [card] = reddit.read(loadRealCapture('reddit', SHREDDIT_2026), { url: new URL('https://www.reddit.com/') });
      expect(card).toMatchObject({
        url: 'https://www.reddit.com/r/nextfuckinglevel/comments/1u49nx3/now_youre_bringing_a_knife_to_a_gunfight/',
        author: 'Dodo509',
        postedAt: Date.parse('2026-06-12T22:27:28.996Z'),
        text: "Now you're bringing a knife to a gunfight",
      });
      expect(card?.promoted).toBeUndefined();
    });
  },
);
