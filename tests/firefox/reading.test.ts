/**
 * Feedlens in real Firefox (MV3, installed as a temporary add-on): reading X's timeline into the
 * extension's IndexedDB, the popup listing those posts, a badge opening its card, with nothing
 * sent off the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord } from '../../lib/storage/db';
import { waitFor } from '../browser/harness';
import { launchFirefox, type FirefoxHarness } from './harness';

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await launchFirefox();
});
afterAll(async () => harness?.close());

const X_HOME = 'https://x.com/home';
const ADA = 'x:1858979112345600001';

describe('Feedlens in Firefox', () => {
  it('reads the X timeline into the extension’s IndexedDB as the page loads', async () => {
    await harness.open(X_HOME);
    const posts = await harness.storedPosts('x', (stored) => stored.length >= 6, 'the six timeline posts');
    expect(posts.find((p) => p.key === ADA)).toMatchObject({
      url: 'https://x.com/ada/status/1858979112345600001',
      author: 'ada',
      postedAt: Date.parse('2024-11-19T20:15:00.000Z'),
      latest: {
        replies: { precision: 'exact', value: 12 },
        reposts: { precision: 'exact', value: 34 },
        likes: { precision: 'exact', value: 567 },
        views: { precision: 'exact', value: 9012 },
      },
    });
    // The old post shows no views: unknown, not zero.
    expect(posts.find((p) => p.key === 'x:1153443434222432256')?.latest.views).toBeUndefined();
    const snapshots = await harness.storeContents<{ post: string }>('snapshots');
    expect(snapshots.some((s) => s.post === ADA)).toBe(true);
  });

  it('opens the popup as a page and lists the posts read on the tab', async () => {
    const tabId = await harness.tabId(X_HOME);
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    const keys = await waitFor(
      async () => {
        const listed = await popup.$$eval('li.post', (items) => items.map((li) => li.getAttribute('data-post-key')));
        return listed.length === 6 && listed;
      },
      'six posts in the popup',
      20_000,
    );
    expect(keys).toContain(ADA);
    const ada = await popup.$eval(`li.post[data-post-key="${ADA}"]`, (li) => li.textContent ?? '');
    expect(ada).toContain('@ada');
    // 567 likes / 9,012 views.
    const likesPerView = await popup.$eval(
      `li.post[data-post-key="${ADA}"] [data-ratio="likesPerView"] dd`,
      (dd) => dd.textContent,
    );
    expect(likesPerView).toMatch(/^6[.,]3\s?%$/);
    await popup.close();
  });

  it('opens a post’s detail card from its badge, its code injected on that first opening', async () => {
    const page = await harness.open(X_HOME);
    const clicked = await waitFor(
      () =>
        page.evaluate(() => {
          const button = document.querySelector('feedlens-badge')?.shadowRoot?.querySelector('button.badge');
          if (!(button instanceof HTMLElement)) return false;
          button.click();
          return true;
        }),
      'a badge on the timeline',
      20_000,
    );
    expect(clicked).toBe(true);
    const card = await waitFor(
      () =>
        page.evaluate(
          () =>
            document.querySelector('feedlens-badge')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ?? '',
        ),
      'the detail card',
      20_000,
    );
    // Ada's post: 567 likes of 9,012 views.
    expect(card).toMatch(/6[.,]3\s?%/);
  });

  it('sent nothing off the machine: no page, extension or Firefox request left it', async () => {
    const stored = await harness.storeContents<PostRecord>('posts');
    expect(stored.length).toBeGreaterThanOrEqual(6);
    expect(harness.strayRequests()).toEqual([]);
  });
});
