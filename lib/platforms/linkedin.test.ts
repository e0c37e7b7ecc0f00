/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import activityClassic from './fixtures/linkedin-activity-classic.html?raw';
import activitySduiPt from './fixtures/linkedin-activity-sdui-pt.html?raw';
import guestDe from './fixtures/linkedin-company-guest-de.html?raw';
import feedSdui from './fixtures/linkedin-feed-sdui.html?raw';
import { linkedin } from './linkedin';
import { idTime } from './linkedin-ids';
import { fallbackKey } from './fingerprint';
import feed2026 from './fixtures/linkedin-feed-2026-en.html?raw';

const NOW = Date.parse('2024-11-22T12:00:00Z');
const FEED = 'https://www.linkedin.com/feed/';
const RECENT = 'https://www.linkedin.com/feed/?filter=recent';
const CLASSIC = 'https://www.linkedin.com/in/ana-souza-dev/recent-activity/all/';
const SDUI_PT = 'https://www.linkedin.com/in/mariana-costa/recent-activity/all/';
const GUEST_DE = 'https://de.linkedin.com/company/lumen-daten';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
function readFixture(html: string, url: string): PostReading[] {
  return linkedin.read(parse(html), { url: new URL(url), now: NOW });
}
function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`post ${id} was not read`);
  return found;
}

describe('LinkedIn adapter on the feed as served in June 2026 (linkedin-feed-2026-en.html)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const result = () => linkedin.scan(parse(feed2026), { url: new URL(FEED), now: NOW });
  const ugc = () => result().readings[0];
  const activity = () => result().readings[1];
  const unkeyed = () => result().readings[2];

  it('keys a card by the ugcPost its comment box names, with its time; the author is not the liker above', () => {
    expect(ugc()).toMatchObject({
      postId: 'ugcPost:7458842354569883777',
      url: 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7458842354569883777/',
      author: 'selin-aydin', // not nadia-rahman ("likes this"), nor the people the text mentions
      postedAt: idTime('7458842354569883777'),
      text: 'I always thought my first post here would be about graduation, but this event at the Alumni Circle was too special not to share. Thank you Kerem Gür!',
      // From the hidden labels the visible numbers name: "16 reactions", "1 comment".
      counts: { likes: { precision: 'exact', value: 16 }, replies: { precision: 'exact', value: 1 } },
    });
    expect(Object.keys(ugc()!.counts).sort()).toEqual(['likes', 'replies']); // no repost count shown
    expect(ugc()!.aliases).toEqual([fallbackKey('selin-aydin', ugc()!.text!.slice(0, 80))]);
  });

  it('keys a card by the activity its comment box names; a company’s follower line is no count', () => {
    expect(activity()).toMatchObject({
      postId: '7459120011223344556',
      author: 'company/lumen-daten',
      counts: {
        likes: { precision: 'exact', value: 1234 },
        replies: { precision: 'exact', value: 48 },
        reposts: { precision: 'exact', value: 12 },
      },
    });
  });

  it('keys a card whose comment box is not rendered yet by author and text, linked to the author', () => {
    expect(unkeyed()).toEqual({
      platform: 'linkedin',
      postId: fallbackKey('ana-souza-dev', 'Small reminder: write the runbook before the incident, not during it.'),
      url: 'https://www.linkedin.com/in/ana-souza-dev/',
      author: 'ana-souza-dev', // the reposted post's author, not omar-haddad who reposted it
      text: 'Small reminder: write the runbook before the incident, not during it.',
      counts: { likes: { precision: 'exact', value: 87, raw: '87' } },
    });
    expect(result()).toMatchObject({ candidates: 3, problems: [] });
  });

  it('never the wrong field: a number whose label says views is not a repost count', () => {
    const doc = parse(feed2026);
    doc.getElementById('lbl-p-2')!.textContent = '2,345 views';
    const scan = linkedin.scan(doc, { url: new URL(FEED), now: NOW });
    expect(scan.readings[1]!.counts.reposts).toBeUndefined();
    expect(scan.problems).toEqual([expect.objectContaining({ field: 'reposts', raw: '2,345 views' })]);
    // The classic layout's reposts item is "the item that is neither reactions nor comments".
    const classic = parse(activityClassic);
    classic.querySelector('button[aria-label^="12 reposts"] span')!.textContent = '1,234 views';
    classic.querySelector('button[aria-label^="12 reposts"]')!.setAttribute('aria-label', '1,234 views');
    expect(readFixture(classic.documentElement.outerHTML, CLASSIC)[0]!.counts.reposts).toBeUndefined();
  });
});

describe('LinkedIn adapter on the SDUI home feed (linkedin-feed-sdui.html)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(feedSdui, RECENT);

  it('reads every post once, keyed by the activity id in its feed slot; comments are not posts', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      '7264932986881358253',
      '7264670004023175635',
      '7264185561907832707',
      '7265374647092856009',
    ]);
  });

  it('reads id, permalink, author, time, text (without "…more") and counts', () => {
    expect(byId(readings(), '7264932986881358253')).toEqual({
      platform: 'linkedin',
      postId: '7264932986881358253',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7264932986881358253/',
      author: 'carla-mendes',
      postedAt: Date.parse('2024-11-20T09:30:00.000Z'),
      text: 'We shipped the new onboarding today. Fewer steps, clearer words, and a checklist you can come back to. Thank you to everyone who tested it with us!',
      counts: {
        likes: { precision: 'estimated', value: 677, min: 677, max: 679, raw: 'Ana Souza and 676 others reacted' },
        replies: { precision: 'exact', value: 48, raw: '48' },
        reposts: { precision: 'exact', value: 12, raw: '12' },
      },
      readAt: NOW,
    });
  });

  it('trap: "Ana Souza and 676 others" is 677 estimated, a bare "312" is exact', () => {
    expect(byId(readings(), '7264932986881358253').counts.likes).toMatchObject({ precision: 'estimated', value: 677 });
    expect(byId(readings(), '7264670004023175635').counts.likes).toEqual({
      precision: 'exact',
      value: 312,
      raw: '312',
    });
  });

  it('credits a repost to the author of the post it shows, not the reposter in the header', () => {
    const repost = byId(readings(), '7264670004023175635');
    expect(repost.author).toBe('company/lumen-data');
    expect(repost.counts).toEqual({ likes: expect.anything(), replies: { precision: 'exact', value: 1, raw: '1' } });
    expect(repost.counts.reposts).toBeUndefined(); // not shown: unknown, not 0
  });

  it('marks only the sponsored slot as promoted', () => {
    expect(
      readings()
        .filter((r) => r.promoted)
        .map((r) => r.postId),
    ).toEqual(['7264185561907832707']);
    expect(byId(readings(), '7264185561907832707').counts).toMatchObject({
      likes: { precision: 'exact', value: 1024 },
      replies: { value: 37 },
      reposts: { value: 5 },
    });
  });

  it('reads the variant without classes or data-view-name from its slot, the author by position', () => {
    const bare = byId(readings(), '7265374647092856009');
    expect(bare.counts).toEqual({
      likes: { precision: 'estimated', value: 42, min: 42, max: 44, raw: 'You and 41 others' },
    });
    expect(bare.text).toBe('Small reminder: write the runbook before the incident, not during it.');
    expect(bare.author).toBe('elisa-park');
    expect(bare.postedAt).toBe(Date.parse('2024-11-21T14:45:00.000Z'));
  });
});

describe('LinkedIn adapter on classic (Ember) markup (linkedin-activity-classic.html)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(activityClassic, CLASSIC);

  it('reads id from data-urn, the author from the actor link, exact counts and own-post impressions', () => {
    expect(byId(readings(), '7265260142592202527')).toEqual({
      platform: 'linkedin',
      postId: '7265260142592202527',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7265260142592202527/',
      author: 'ana-souza-dev',
      postedAt: Date.parse('2024-11-21T07:10:00.000Z'),
      text: 'Three lessons from moving 40 pipelines to streaming: measure lag first, keep batch as a fallback, and write down who owns each topic.',
      counts: {
        likes: { precision: 'exact', value: 1234, raw: '1,234' },
        replies: { precision: 'exact', value: 56, raw: '56' },
        reposts: { precision: 'exact', value: 12, raw: '12' },
        views: { precision: 'exact', value: 2345, raw: '2,345' },
      },
      readAt: NOW,
    });
  });

  it('takes the total LinkedIn prints beside a social-proof sentence as exact', () => {
    expect(byId(readings(), '7265061332582703819').counts).toEqual({
      likes: { precision: 'exact', value: 677, raw: '677' },
      replies: { precision: 'exact', value: 8, raw: '8' },
      views: { precision: 'exact', value: 15678, raw: '15,678' },
    });
  });

  it('credits a company post reposted by the member to the company', () => {
    const repost = byId(readings(), '7263853373033844674');
    expect(repost.author).toBe('company/lumen-data');
    expect(repost.counts).toMatchObject({ likes: { value: 89 }, replies: { value: 4 } });
  });

  it('leaves counts LinkedIn does not print unknown instead of 0', () => {
    expect(byId(readings(), '7265612464128394810').counts).toEqual({});
  });
});

describe('LinkedIn adapter in other UI languages', () => {
  it('reads a Portuguese SDUI page: "Ana Souza e mais 676 pessoas" → 677 estimated, "1.234" → 1234', () => {
    const readings = readFixture(activitySduiPt, SDUI_PT);
    expect(byId(readings, '7263148729961130217')).toMatchObject({
      author: 'mariana-costa',
      postedAt: Date.parse('2024-11-15T11:20:00.000Z'),
      text: 'Depois de dois anos, nosso time migrou todos os relatórios para o novo data warehouse. Obrigada a todos que ajudaram!',
      counts: {
        likes: { precision: 'estimated', value: 677, min: 677, max: 679 },
        replies: { precision: 'exact', value: 1234 },
        reposts: { precision: 'exact', value: 56 },
        views: { precision: 'exact', value: 2345 },
      },
    });
    expect(byId(readings, '7262071632693447652').counts).toEqual({
      likes: { precision: 'exact', value: 1024, raw: '1.024' },
      replies: { precision: 'exact', value: 1, raw: '1' },
    });
  });

  it('never takes a link inside a comment as the post id: a card without its own link is not read', () => {
    const result = linkedin.scan(parse(activitySduiPt), { url: new URL(SDUI_PT), now: NOW });
    expect(result.candidates).toBe(3);
    expect(result.readings.map((r) => r.postId)).toEqual(['7263148729961130217', '7262071632693447652']);
    expect(result.problems).toEqual([expect.objectContaining({ field: 'id' })]);
    expect(result.readings.some((r) => r.postId === '7261301558480393943')).toBe(false);
  });

  it('reads the German guest page from its exact attributes, keying a repost card by the post it features', () => {
    const readings = readFixture(guestDe, GUEST_DE);
    expect(byId(readings, '7260667379714444390')).toEqual({
      platform: 'linkedin',
      postId: '7260667379714444390',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7260667379714444390/',
      author: 'company/lumen-daten',
      postedAt: Date.parse('2024-11-08T15:00:00.150Z'), // its share URN, 150 ms after the activity
      text: 'Datenverträge in der Praxis: unser Leitfaden ist jetzt kostenlos verfügbar.',
      counts: {
        likes: { precision: 'exact', value: 1234, raw: '1234' },
        replies: { precision: 'exact', value: 56, raw: '56' },
      },
      readAt: NOW,
    });
    // data-activity-urn is the repost (2024-11-10); the card shows and counts Jonas's post of 2024-11-05.
    const repost = byId(readings, '7259504718646831186');
    expect(repost).toMatchObject({ author: 'jonas-weber', postedAt: Date.parse('2024-11-05T10:00:00.300Z') });
    expect(repost.counts).toEqual({ likes: { precision: 'exact', value: 24, raw: '24' } });
    expect(readings.some((r) => r.postId === '7261301558478333810')).toBe(false);
  });
});

describe('LinkedIn adapter on recycled and changed markup', () => {
  it('reads a reused post element as the post it shows now', () => {
    const doc = parse(activityClassic);
    const [first, , third] = Array.from(doc.querySelectorAll('[data-urn]'));
    expect(linkedin.read(first!, { url: new URL(CLASSIC), now: NOW })[0]?.postId).toBe('7265260142592202527');
    first!.setAttribute('data-urn', third!.getAttribute('data-urn')!);
    first!.innerHTML = third!.innerHTML;
    const after = linkedin.read(first!, { url: new URL(CLASSIC), now: NOW });
    expect(after[0]).toMatchObject({ postId: '7263853373033844674', author: 'company/lumen-data' });
    expect(after[0]?.counts).toEqual({
      likes: { precision: 'exact', value: 89, raw: '89' },
      replies: { precision: 'exact', value: 4, raw: '4' },
    });
  });

  it('reports a count text it cannot read instead of inventing one', () => {
    const doc = parse(feedSdui);
    doc.querySelector('[data-view-name="feed-comment-count"] p')!.textContent = '4.5 comments';
    const result = linkedin.scan(doc.querySelector('[data-view-name="feed-full-update"]')!, {
      url: new URL(FEED),
      now: NOW,
    });
    expect(result.readings[0]?.counts.replies).toBeUndefined();
    expect(result.readings[0]?.counts.likes).toMatchObject({ value: 677 });
    expect(result.problems).toEqual([expect.objectContaining({ field: 'replies', raw: '4.5 comments' })]);
  });

  it('reads nothing, and says why, when the layout is not recognized', () => {
    const doc = parse(
      '<html lang="en"><body><div data-view-name="feed-full-update"><a href="/in/x/">X</a><p>Hi</p></div>' +
        '<div role="listitem" componentkey="expandedNOTBASE64!!FeedType_MAIN_FEED_RELEVANCE"><p>?</p></div></body></html>',
    );
    const result = linkedin.scan(doc, { url: new URL(FEED), now: NOW });
    expect(result).toMatchObject({ readings: [], candidates: 2 });
    expect(result.problems.map((p) => p.field)).toEqual(['id', 'id']);
  });
});
