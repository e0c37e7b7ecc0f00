/**
 * YouTube's Shorts player in Chromium with the built extension, served from
 * lib/platforms/fixtures/youtube-shorts-en.html: which Short is stored as the user swipes, and
 * hiding on the player.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { youtube } from '../../../lib/platforms/youtube';
import { SHORTS_HIDE } from '../../../lib/platforms/youtube-shorts';
import { defaultSettings } from '../../../lib/settings/settings';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';
import { recordFirstFrames, targetsOf, type Styles } from '../hide-probe';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const stored = () => harness.storeContents<PostRecord>('posts');
const post = (posts: PostRecord[], id: string) => posts.find((p) => p.key === `youtube:${id}`);

const SHORT = 'Kp4sW9mQ2zL';
const NEXT = 'Rb7nT3vX8cJ';
const snapshotsOf = async (id: string) =>
  (await harness.storeContents<SnapshotRecord>('snapshots')).filter((s) => s.post === `youtube:${id}`);
/** Until the reader has had a frame to read what just changed (it reads in a task after the frame). */
const readerFrame = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
/** A swipe as YouTube makes it: the next reel scrolls in and becomes the active one. */
const activate = (page: Page, index: number) =>
  page.evaluate((i) => {
    const reels = document.querySelectorAll('ytd-reel-video-renderer');
    reels.forEach((reel, n) => reel.toggleAttribute('is-active', n === i));
    reels[i]!.scrollIntoView();
  }, index);
const moveAddress = (page: Page, id: string) => page.evaluate((to) => history.pushState({}, '', `/shorts/${to}`), id);

describe('YouTube cards that count people, not views, in Chromium', () => {
  it('stores a live card’s total views from its label, and no watchers or waiters as views', async () => {
    const page = await harness.open('https://www.youtube.com/results?search_query=live+baking');
    const posts = await waitFor(async () => {
      const all = await stored();
      const ids = ['Lv1aB2cD3eF', 'Up2bC3dE4fG', 'St3cD4eF5gH', 'Un4dE5fG6hI', 'Lk5eF6gH7iJ', 'Lk6fG7hI8jK'];
      return ids.every((id) => post(all, id)) ? all : undefined;
    }, 'the six search results');
    expect(post(posts, 'Lv1aB2cD3eF')?.latest).toEqual({ views: { precision: 'exact', value: 1444431 } });
    expect(post(posts, 'St3cD4eF5gH')?.latest).toEqual({ views: { precision: 'exact', value: 84201 } });
    // "39 waiting", "3,210 watching" (its label counts views under another word), "12K watching".
    for (const id of ['Up2bC3dE4fG', 'Un4dE5fG6hI', 'Lk5eF6gH7iJ']) expect(post(posts, id)?.latest, id).toEqual({});
    await page.close();
  });
});

describe('the YouTube Shorts player in Chromium', () => {
  it('stores the Short on screen, never its preloaded neighbour, and follows a swipe to the next one', async () => {
    const { page, tabId } = await harness.openTab(`https://www.youtube.com/shorts/${SHORT}`);
    const first = await harness.storedPost(`youtube:${SHORT}`);
    expect(first).toMatchObject({
      url: `https://www.youtube.com/shorts/${SHORT}`,
      author: 'doughschool',
      latest: {
        likes: { precision: 'rounded', value: 12000, min: 12000, max: 13000 },
        replies: { precision: 'exact', value: 318 },
      },
    });
    const keys = () =>
      harness.inBackground(async (id) => {
        const chrome = (
          globalThis as unknown as {
            chrome: { tabs: { sendMessage(i: number, m: object): Promise<{ keys: string[] }> } };
          }
        ).chrome;
        return (await chrome.tabs.sendMessage(id, { type: 'page-posts' })).keys;
      }, tabId);
    expect(await keys()).toEqual([`youtube:${SHORT}`]);

    // The swipe: the next reel is active before the address follows. Meanwhile nothing is read,
    // so nothing of the next Short is filed under this one's id.
    await activate(page, 1);
    await readerFrame(page);
    expect(await keys()).toEqual([`youtube:${SHORT}`]);
    await moveAddress(page, NEXT);
    const next = await harness.storedPost(`youtube:${NEXT}`);
    expect(next).toMatchObject({
      author: 'crumbandcrust',
      latest: { likes: { precision: 'exact', value: 2407 }, replies: { precision: 'exact', value: 1052 } },
    });
    await waitFor(async () => (await keys()).join() === `youtube:${NEXT}`, 'the page listing only the new Short');

    // And back up, the address first this time: the first Short again, with its own counts.
    await moveAddress(page, SHORT);
    await readerFrame(page);
    expect(await keys()).toEqual([]);
    await activate(page, 0);
    await waitFor(async () => (await keys()).join() === `youtube:${SHORT}`, 'the first Short read again');
    expect((await snapshotsOf(SHORT)).map((s) => s.counts.replies)).toEqual([{ precision: 'exact', value: 318 }]);
    expect((await snapshotsOf(NEXT)).map((s) => s.counts.likes)).toEqual([{ precision: 'exact', value: 2407 }]);
    const all = await stored();
    expect(post(all, 'Wm3xC8vB1nQ')).toBeUndefined(); // the Short the overlay links to
    expect(post(all, 'Zt6yU1iO4pA')).toBeUndefined(); // the slot still loading

    // No badge over the video, but the popup lists the Short with its counts.
    expect(await page.locator('feedlens-badge').count()).toBe(0);
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    await waitFor(
      async () => (await popup.locator(`li.post[data-post-key="youtube:${SHORT}"]`).count()) === 1,
      'the Short in the popup',
    );
    await popup.close();
    await page.close();
    expect(harness.strayRequests).toEqual([]);
  });

  it('never paints its likes or comments with hiding on, also for the Short swiped to, and every button works', async () => {
    const settings = defaultSettings();
    settings.hide.sites.youtube = true;
    settings.hide.enabled = true;
    await harness.saveSettings(settings);
    const page = await harness.context.newPage();
    const targets = targetsOf(youtube).filter((t) =>
      [...SHORTS_HIDE.likes, ...SHORTS_HIDE.replies].includes(t.selector),
    );
    await page.addInitScript(recordFirstFrames, targets);
    await page.goto(`https://www.youtube.com/shorts/${SHORT}`);
    const firstFrames = () => page.evaluate(() => (window as unknown as { __firstFrames: Styles }).__firstFrames);
    const painted = (styles: Styles) => styles.flatMap((s) => s.hidden);
    await waitFor(async () => painted(await firstFrames()).length === 4, 'the four numbers of the two reels');
    expect(painted(await firstFrames()).every(Boolean)).toBe(true);

    // YouTube stamps the Short after next into the loading slot as the user swipes on.
    await page.evaluate(() => {
      const reels = document.querySelectorAll('ytd-reel-video-renderer');
      reels[2]!.replaceWith(reels[1]!.cloneNode(true));
      history.pushState({}, '', '/shorts/Zt6yU1iO4pA');
    });
    await activate(page, 2);
    await waitFor(async () => painted(await firstFrames()).length === 6, 'the numbers of the stamped reel');
    expect(painted(await firstFrames()).every(Boolean), 'a count painted in its first frame').toBe(true);

    // The buttons keep their place and take clicks (the number beside them is only invisible).
    const reel = page.locator('ytd-reel-video-renderer[is-active]');
    const labels = ['like this video', 'Dislike this video', 'View 1,052 comments', 'Share', 'See more videos'];
    const clicked = await page.evaluate(() => {
      const seen: string[] = [];
      const active = document.querySelector('ytd-reel-video-renderer[is-active]')!;
      for (const el of active.querySelectorAll('reel-action-bar-view-model button, reel-action-bar-view-model a'))
        el.addEventListener('click', (event) => {
          event.preventDefault();
          seen.push(el.getAttribute('aria-label')!);
        });
      (window as unknown as { __clicked: string[] }).__clicked = seen;
      return seen.length;
    });
    expect(clicked).toBe(0);
    for (const label of labels) await reel.locator(`[aria-label^="${label}"]`).click({ timeout: 5000 });
    const seen = await page.evaluate(() => (window as unknown as { __clicked: string[] }).__clicked);
    expect(seen.map((l) => labels.find((p) => l.startsWith(p)))).toEqual(labels);
    const visibility = await reel.evaluate((el) =>
      [...el.querySelectorAll('reel-action-bar-view-model label > div')].map((d) => getComputedStyle(d).visibility),
    );
    // Likes and comments hidden; "Dislike", "Share", "Remix" still there.
    expect(visibility).toEqual(['hidden', 'visible', 'hidden', 'visible', 'visible']);
    await harness.saveSettings(defaultSettings());
    await page.close();
  });
});
