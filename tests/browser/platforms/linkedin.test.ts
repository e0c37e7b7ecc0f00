import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackKey } from '../../../lib/platforms/fingerprint';
import { linkedin } from '../../../lib/platforms/linkedin';
import { HIDE_METRICS } from '../../../lib/platforms/types';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';
import { checkBadges, checkHidden, popupPosts } from './page-checks';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const storedPosts = (check: (posts: PostRecord[]) => boolean, what: string) =>
  harness.storedPosts('linkedin', check, what);

/** LinkedIn's SDUI token for a post: base64 of the protobuf {field: {1: sint64 id}} (1 activity, 2 ugcPost). */
function token(id: bigint, field: 1 | 2 = 1): string {
  const bytes = [0x08];
  for (let v = id << 1n; ;) {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    bytes.push(v ? low | 0x80 : low);
    if (!v) break;
  }
  return Buffer.from([(field << 3) | 2, bytes.length, ...bytes])
    .toString('base64')
    .replace(/=+$/, '');
}
/** The SDUI feed slot key LinkedIn gives an activity. */
const slotKey = (id: bigint) => `expanded${token(id)}FeedType_MAIN_FEED_RELEVANCE`;
const has = (key: string) => (posts: PostRecord[]) => posts.some((p) => p.key === key);

/**
 * What the SDUI feed does while the user scrolls: its lazy column mounts new slots at the end, each
 * a listitem with its own slot key around a feed-full-update.
 */
function scrollFeed(
  page: import('playwright-core').Page,
  slots: { key: string; reactions: string; comments: string }[],
) {
  return page.evaluate((list) => {
    const column = document.querySelector('[data-testid="mainFeed"]')!;
    const template = column.querySelector('[data-lazy-mount-id]')!;
    list.forEach((slot, i) => {
      const mount = template.cloneNode(true) as Element;
      mount.setAttribute('data-lazy-mount-id', String(10 + i));
      mount.querySelector('[role="listitem"]')!.setAttribute('componentkey', slot.key);
      mount.querySelector('[data-view-name="feed-reaction-count"] p')!.textContent = slot.reactions;
      mount.querySelector('[data-view-name="feed-comment-count"] p')!.textContent = slot.comments;
      mount.querySelector('[data-view-name="feed-repost-count"]')!.remove();
      mount.querySelector('[componentkey^="replaceableComment_"]')!.remove();
      column.append(mount);
    });
    window.scrollBy(0, 2000);
  }, slots);
}

describe('LinkedIn in Chromium with the built extension', () => {
  const UNKEYED = `linkedin:${fallbackKey('ana-souza-dev', 'Small reminder: write the runbook before the incident, not during it.')}`;

  it('reads the June 2026 feed, and merges a card stored by its fingerprint once its comment box names it', async () => {
    const page = await harness.open('https://www.linkedin.com/feed/');
    const posts = await storedPosts(
      (list) =>
        ['linkedin:ugcPost:7458842354569883777', 'linkedin:7459120011223344556', UNKEYED].every((k) => has(k)(list)),
      'the 2026 feed’s three cards in IndexedDB',
    );
    expect(posts.find((p) => p.key === 'linkedin:ugcPost:7458842354569883777')).toMatchObject({
      url: 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7458842354569883777/',
      author: 'selin-aydin',
      latest: { likes: { precision: 'exact', value: 16 }, replies: { precision: 'exact', value: 1 } },
    });
    expect(posts.find((p) => p.key === UNKEYED)).toMatchObject({ url: 'https://www.linkedin.com/in/ana-souza-dev/' });
    const firstSeen = posts.find((p) => p.key === UNKEYED)!.firstSeenAt;

    // LinkedIn renders the card's comment box: its key names the activity.
    await page.evaluate((key) => {
      const card = document.querySelectorAll('[role="listitem"]')[2]!.firstElementChild!.firstElementChild!;
      const box = document.createElement('div');
      box.setAttribute('componentkey', `${key}-replaceableCommentToolsmZ3xFeedType_MAIN_FEED_RELEVANCE`);
      card.append(box);
    }, token(7459400000000000000n));
    const merged = await storedPosts(
      (list) => has('linkedin:7459400000000000000')(list) && !has(UNKEYED)(list),
      'the card merged into its activity',
    );
    expect(merged.find((p) => p.key === 'linkedin:7459400000000000000')).toMatchObject({
      firstSeenAt: firstSeen,
      postedAt: Number(7459400000000000000n >> 22n),
      latest: { likes: { precision: 'exact', value: 87 } },
    });
    const snapshots = await harness.storeContents<SnapshotRecord>('snapshots');
    expect(snapshots.filter((s) => s.post === UNKEYED)).toEqual([]);
    expect(snapshots.filter((s) => s.post === 'linkedin:7459400000000000000')).toHaveLength(1);
    expect(harness.strayRequests).toEqual([]);
  });

  it('lists the 2026 feed in the popup with its ratios, and badges it without moving the page', async () => {
    const listed = await popupPosts(harness, 'https://www.linkedin.com/feed/', 3);
    const company = listed.find((p) => p.key === 'linkedin:7459120011223344556');
    expect(company?.ratios).toMatchObject({ repostsPerLike: '0.97%', repliesPerLike: '3.9%' }); // 12 and 48 of 1,234
    const check = await checkBadges(harness, 'https://www.linkedin.com/feed/', 'linkedin');
    expect(check.badges).toHaveLength(3);
    expect(check.moved, 'boxes that moved').toEqual([]);
    expect(check.covered, 'controls no longer clickable').toEqual([]);
  });

  it('hides the 2026 feed’s counts and their hidden labels, keeping every button of the action bar', async () => {
    const bar = '[role="listitem"] div:has(> div > button[aria-label="Comment"])';
    expect(await checkHidden(harness, 'https://www.linkedin.com/feed/', 'linkedin', bar)).toEqual({
      digits: [],
      unreachable: [],
    });
  });

  it('reads the SDUI feed as the user scrolls and stores posts and counts in the extension’s IndexedDB', async () => {
    const page = await harness.open('https://www.linkedin.com/feed/?filter=recent');
    const posts = await storedPosts(
      (list) =>
        ['7264932986881358253', '7264185561907832707', '7265374647092856009'].every((id) =>
          has(`linkedin:${id}`)(list),
        ),
      'the SDUI feed’s posts in IndexedDB',
    );
    expect(posts.find((p) => p.key === 'linkedin:7264932986881358253')).toMatchObject({
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7264932986881358253/',
      author: 'carla-mendes',
      postedAt: Date.parse('2024-11-20T09:30:00.000Z'),
      latest: {
        likes: { precision: 'estimated', value: 677, min: 677, max: 679 },
        replies: { precision: 'exact', value: 48 },
        reposts: { precision: 'exact', value: 12 },
      },
    });
    expect(posts.filter((p) => p.promoted).map((p) => p.key)).toEqual(['linkedin:7264185561907832707']);
    expect(posts.find((p) => p.key === 'linkedin:7265374647092856009')?.latest).toEqual({
      likes: { precision: 'estimated', value: 42, min: 42, max: 44 },
    });

    await scrollFeed(page, [
      { key: slotKey(7265700000000000000n), reactions: '88', comments: '3 comments' },
      { key: slotKey(7265800000000000000n), reactions: 'Bruno Lima and 9 others reacted', comments: '1 comment' },
    ]);
    const after = await storedPosts(
      (list) => has('linkedin:7265700000000000000')(list) && has('linkedin:7265800000000000000')(list),
      'two more posts after scrolling',
    );
    expect(after.find((p) => p.key === 'linkedin:7265700000000000000')?.latest).toEqual({
      likes: { precision: 'exact', value: 88 },
      replies: { precision: 'exact', value: 3 },
    });
    expect(after.find((p) => p.key === 'linkedin:7265800000000000000')?.latest.likes).toMatchObject({
      precision: 'estimated',
      value: 10,
    });

    // Someone else reacts: React updates the sentence's text node in place, and the same post gets
    // a second snapshot.
    await page.evaluate(() => {
      const text = document.querySelector('[data-view-name="feed-reaction-count"] p')!.firstChild as Text;
      text.data = 'Ana Souza and 677 others reacted';
    });
    const snapshots = await waitFor(async () => {
      const all = await harness.storeContents<SnapshotRecord>('snapshots');
      const mine = all.filter((s) => s.post === 'linkedin:7264932986881358253');
      return mine.length === 2 ? mine : null;
    }, 'a second snapshot for the post whose reactions changed');
    expect(snapshots.map((s) => s.counts.likes)).toEqual([
      { precision: 'estimated', value: 677, min: 677, max: 679 },
      { precision: 'estimated', value: 678, min: 678, max: 680 },
    ]);
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads classic (Ember) markup, own-post impressions included', async () => {
    await harness.open('https://www.linkedin.com/in/ana-souza-dev/recent-activity/all/');
    const posts = await waitFor(async () => {
      const stored = await harness.storeContents<PostRecord>('posts');
      return stored.some((p) => p.key === 'linkedin:7265612464128394810') ? stored : null;
    }, 'the classic activity page in IndexedDB');
    expect(posts.find((p) => p.key === 'linkedin:7265260142592202527')?.latest).toEqual({
      likes: { precision: 'exact', value: 1234 },
      replies: { precision: 'exact', value: 56 },
      reposts: { precision: 'exact', value: 12 },
      views: { precision: 'exact', value: 2345 },
    });
    expect(posts.find((p) => p.key === 'linkedin:7265612464128394810')?.latest).toEqual({});
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads the logged-out guest page on a country subdomain, in German', async () => {
    await harness.open('https://de.linkedin.com/company/lumen-daten');
    const posts = await waitFor(async () => {
      const stored = await harness.storeContents<PostRecord>('posts');
      return stored.some((p) => p.key === 'linkedin:7259504718646831186') ? stored : null;
    }, 'the guest page’s cards in IndexedDB');
    expect(posts.find((p) => p.key === 'linkedin:7260667379714444390')).toMatchObject({
      author: 'company/lumen-daten',
      latest: { likes: { precision: 'exact', value: 1234 }, replies: { precision: 'exact', value: 56 } },
    });
    expect(posts.find((p) => p.key === 'linkedin:7259504718646831186')).toMatchObject({
      author: 'jonas-weber',
      latest: { likes: { precision: 'exact', value: 24 } },
    });
    expect(harness.strayRequests).toEqual([]);
  });

  it('hides classic and guest counts with its selectors, keeping reaction icons, names, headlines and text', async () => {
    const selectors = HIDE_METRICS.flatMap((m) => [...(linkedin.hide[m] ?? []), ...(linkedin.collapse?.[m] ?? [])]);
    const check = (page: import('playwright-core').Page, targets: { hidden: string[]; kept: string[] }) =>
      page.evaluate(
        ({ list, hidden, kept }) => {
          const style = document.createElement('style');
          style.textContent = list.map((s) => `${s} { visibility: hidden !important; }`).join('\n');
          document.head.append(style);
          const states = (sels: string[]) =>
            sels.map(
              (s) => [s, Array.from(document.querySelectorAll(s), (e) => getComputedStyle(e).visibility)] as const,
            );
          return { hidden: states(hidden), kept: states(kept) };
        },
        { list: selectors, ...targets },
      );

    const classic = await harness.open('https://www.linkedin.com/in/ana-souza-dev/recent-activity/all/');
    const a = await check(classic, {
      hidden: [
        '.social-details-social-counts__reactions-count',
        '.social-details-social-counts__social-proof-text',
        '.social-details-social-counts__comments span',
        'button[aria-label$="reposts of Ana Souza’s post"] span',
        '.ca-entry-point__num-views',
        'a[href*="/company/"] .update-components-actor__description',
      ],
      kept: [
        'img.reactions-icon',
        '.update-components-actor__title',
        'a[href*="/in/ana-souza-dev"] .update-components-actor__description',
        '.update-components-text',
        '.feed-shared-social-action-bar button',
      ],
    });
    const guest = await harness.open('https://de.linkedin.com/company/lumen-daten');
    const b = await check(guest, {
      hidden: [
        '[data-test-id="social-actions__reaction-count"]',
        '[data-test-id="social-actions__comments"]',
        'li:nth-child(1) [data-test-id="main-feed-activity-card__entity-lockup"] p',
      ],
      kept: [
        'img[data-reaction-type]',
        'a[data-tracking-control-name$="feed-actor-name"]',
        '[data-test-id="main-feed-activity-card__commentary"]',
        'li:nth-child(2) [data-test-id="main-feed-activity-card__entity-lockup"] p',
      ],
    });
    for (const [selector, states] of [...a.hidden, ...b.hidden]) {
      expect(states.length, selector).toBeGreaterThan(0);
      expect(new Set(states), selector).toEqual(new Set(['hidden']));
    }
    for (const [selector, states] of [...a.kept, ...b.kept]) {
      expect(states.length, selector).toBeGreaterThan(0);
      expect(new Set(states), selector).toEqual(new Set(['visible']));
    }
  });
});
