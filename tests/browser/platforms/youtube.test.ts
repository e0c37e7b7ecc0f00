import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/settings/settings';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { REAL_CAPTURES_DIR, SKIP_NOTE, realCapturesAvailable } from '../../../lib/platforms/real-captures';
import { launch, waitFor, type Harness } from '../harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const stored = () => harness.storeContents<PostRecord>('posts');
const post = (posts: PostRecord[], id: string) => posts.find((p) => p.key === `youtube:${id}`);

/** What YouTube does when the like count changes: the label gets the new number, the text rolls. */
function setLikes(page: Page, label: string, text: string) {
  return page.evaluate(
    ([l, t]) => {
      const button = document.querySelector('ytd-watch-flexy like-button-view-model button')!;
      button.setAttribute('aria-label', l!);
      button.querySelector('div:not([aria-hidden])')!.textContent = t!;
    },
    [label, text],
  );
}

describe('YouTube in Chromium with the built extension', () => {
  it('stores the watched video with exact counts, and the related cards with views only', async () => {
    const page = await harness.open('https://www.youtube.com/watch?v=Qm7pZt3Lx2A');
    const posts = await waitFor(async () => {
      const all = await stored();
      return ['Qm7pZt3Lx2A', 'Hx3vB9nQe1s', 'Lp0cT7wRz4k'].every((id) => post(all, id)) ? all : undefined;
    }, 'the watched video and its related cards in IndexedDB');
    expect(post(posts, 'Qm7pZt3Lx2A')).toMatchObject({
      url: 'https://www.youtube.com/watch?v=Qm7pZt3Lx2A',
      author: 'crumbandcrust',
      postedAt: Date.parse('2024-11-08T17:30:00Z'),
      text: 'Building a sourdough starter from scratch',
      latest: {
        likes: { precision: 'exact', value: 13802 },
        views: { precision: 'exact', value: 1362905 },
        replies: { precision: 'exact', value: 1234 },
      },
    });
    expect(post(posts, 'Hx3vB9nQe1s')?.latest).toEqual({
      views: { precision: 'rounded', value: 482000, min: 482000, max: 483000 },
    });
    expect(post(posts, 'Lp0cT7wRz4k')?.latest).toEqual({ views: { precision: 'exact', value: 2048311 } });

    // The like count ticks up while the user watches: a second snapshot, same record.
    await setLikes(page, 'like this video along with 13,803 other people', '13K');
    const snapshots = await waitFor(async () => {
      const mine = (await harness.storeContents<SnapshotRecord>('snapshots')).filter(
        (s) => s.post === 'youtube:Qm7pZt3Lx2A',
      );
      return mine.length === 2 ? mine : undefined;
    }, 'a second snapshot after the like count changed');
    expect(snapshots.map((s) => s.counts.likes)).toEqual([
      { precision: 'exact', value: 13802 },
      { precision: 'exact', value: 13803 },
    ]);
    // Only the watch page writes this video: the hidden home page's "1.2M views" card never did.
    expect(snapshots.every((s) => s.counts.views?.precision === 'exact')).toBe(true);
    expect(harness.strayRequests).toEqual([]);
  });

  it('follows in-app navigation without filing one video’s counts under the next one’s id', async () => {
    const { page, tabId } = await harness.openTab('https://www.youtube.com/watch?v=Qm7pZt3Lx2A');
    // The page shows 13,802 likes again (the previous test left 13,803): a third snapshot.
    const before = await waitFor(async () => {
      const mine = (await harness.storeContents<SnapshotRecord>('snapshots')).filter(
        (s) => s.post === 'youtube:Qm7pZt3Lx2A',
      );
      return mine.length === 3 ? mine : undefined;
    }, 'the reading of the freshly loaded page');

    // YouTube switches the watch element to the next video first (and empties the comments, which
    // load later), and fills in the metadata a moment after.
    await page.evaluate(() => {
      history.pushState({}, '', '/watch?v=Nx5wM4vL3kJ');
      document.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'Nx5wM4vL3kJ');
      document.querySelector('ytd-comments-header-renderer')!.remove();
    });
    // The reader must see this in-between state (new id, old metadata) before the metadata changes:
    // that is the moment it could file the old video's counts under the new id.
    await harness.settled(tabId);
    await page.evaluate(() => {
      const meta = document.querySelector('ytd-watch-metadata')!;
      meta.querySelector('h1 yt-formatted-string')!.textContent = 'Proofing baskets compared';
      meta.querySelector('#view-count')!.setAttribute('aria-label', '40,512 views');
      meta.querySelector('#info > span')!.textContent = '40K views';
      const button = meta.querySelector('like-button-view-model button')!;
      button.setAttribute('aria-label', 'like this video along with 2,210 other people');
      button.querySelector('div:not([aria-hidden])')!.textContent = '2.2K';
      meta.setAttribute('video-id', 'Nx5wM4vL3kJ');
    });
    const posts = await waitFor(async () => {
      const all = await stored();
      return post(all, 'Nx5wM4vL3kJ') ? all : undefined;
    }, 'the video navigated to');
    expect(post(posts, 'Nx5wM4vL3kJ')).toMatchObject({
      text: 'Proofing baskets compared',
      latest: { likes: { precision: 'exact', value: 2210 }, views: { precision: 'exact', value: 40512 } },
    });
    expect(post(posts, 'Nx5wM4vL3kJ')?.latest.replies).toBeUndefined();
    // Nothing of the new video reached the old one, and nothing of the old one the new one.
    const after = (await harness.storeContents<SnapshotRecord>('snapshots')).filter(
      (s) => s.post === 'youtube:Qm7pZt3Lx2A',
    );
    expect(after).toEqual(before);
    const next = (await harness.storeContents<SnapshotRecord>('snapshots')).filter(
      (s) => s.post === 'youtube:Nx5wM4vL3kJ',
    );
    expect(next.map((s) => s.counts.likes)).toEqual([{ precision: 'exact', value: 2210 }]);

    // The comments load last, below everything else: their count still reaches the right video.
    await page.evaluate(() => {
      const header = document.createElement('ytd-comments-header-renderer');
      header.innerHTML =
        '<div id="title"><h2 id="count"><yt-formatted-string><span dir="auto">87</span><span dir="auto"> Comments</span></yt-formatted-string></h2></div>';
      document.querySelector('ytd-comments #header')!.append(header);
    });
    const withComments = await waitFor(
      async () => post(await stored(), 'Nx5wM4vL3kJ')?.latest.replies,
      'the late comment count',
    );
    expect(withComments).toEqual({ precision: 'exact', value: 87 });
    expect(post(await stored(), 'Qm7pZt3Lx2A')?.latest.replies).toEqual({ precision: 'exact', value: 1234 });
    expect(harness.strayRequests).toEqual([]);
  });

  it('hides views with their "•" separators, leaving the upload age, and keeps reading', async () => {
    const settings = defaultSettings();
    settings.hide.sites.youtube = true;
    settings.hide.enabled = true;
    await harness.saveSettings(settings);
    const page = await harness.open('https://www.youtube.com/watch?v=Qm7pZt3Lx2A');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-feedlens-hide')?.includes('views'));
    const styles = await page.evaluate(() => {
      const display = (el: Element | null, pseudo?: string) => (el ? getComputedStyle(el, pseudo).display : 'missing');
      const visibility = (el: Element | null) => (el ? getComputedStyle(el).visibility : 'missing');
      const compact = document.querySelectorAll('ytd-compact-video-renderer #metadata-line > span');
      const lockupRow = document.querySelector(
        'yt-lockup-view-model yt-content-metadata-view-model > div:last-of-type',
      )!;
      return {
        cardViews: display(compact[0]!),
        cardAge: display(compact[1]!),
        cardAgeDot: display(compact[1]!, '::before'),
        lockupViews: display(lockupRow.children[0]!),
        lockupDelimiter: display(lockupRow.children[1]!),
        lockupAge: display(lockupRow.children[2]!),
        watchViews: display(document.querySelector('ytd-watch-info-text #info > span')),
        watchAge: display(document.querySelector('ytd-watch-info-text #info > span:last-child')),
        likeNumber: visibility(document.querySelector('like-button-view-model button > div:not([aria-hidden])')),
        likeButton: visibility(document.querySelector('like-button-view-model button')),
        comments: display(document.querySelector('ytd-comments-header-renderer #count span')),
        commentsWord: display(document.querySelector('ytd-comments-header-renderer #count span:last-child')),
        subscribers: visibility(document.querySelector('#owner-sub-count')),
        channel: visibility(document.querySelector('#owner ytd-channel-name')),
      };
    });
    expect(styles).toEqual({
      cardViews: 'none',
      cardAge: 'inline',
      cardAgeDot: 'none',
      lockupViews: 'none',
      lockupDelimiter: 'none',
      lockupAge: 'inline',
      watchViews: 'none',
      watchAge: 'inline',
      likeNumber: 'hidden',
      likeButton: 'visible',
      comments: 'none',
      commentsWord: 'inline',
      subscribers: 'hidden',
      channel: 'visible',
    });
    // Hiding is visual only: the counts are still read from the labels.
    await setLikes(page, 'like this video along with 13,900 other people', '13K');
    await waitFor(async () => {
      const likes = post(await stored(), 'Qm7pZt3Lx2A')?.latest.likes;
      return likes && 'value' in likes && likes.value === 13900;
    }, 'the new like count, read while hidden');
    await harness.saveSettings(defaultSettings());
  });

  it('reads the home grid, cards appended while scrolling, and a card recycled for another video', async () => {
    const page = await harness.open('https://www.youtube.com/');
    const posts = await waitFor(async () => {
      const all = await stored();
      const ids = ['Ab1cD2eF3gH', 'Bc2dE3fG4hI', 'Cd3eF4gH5iJ', 'Sh0rtVid3o1', 'De4fG5hI6jK'];
      return ids.every((id) => post(all, id)) ? all : undefined;
    }, 'the home grid’s five videos');
    expect(post(posts, 'Ab1cD2eF3gH')?.latest).toEqual({ views: { precision: 'exact', value: 18432 } });
    expect(post(posts, 'Cd3eF4gH5iJ')?.latest).toEqual({
      views: { precision: 'rounded', value: 730000, min: 730000, max: 731000 },
    });
    expect(post(posts, 'Sh0rtVid3o1')?.url).toBe('https://www.youtube.com/shorts/Sh0rtVid3o1');
    expect(post(posts, 'Ef5gH6iJ7kL')).toBeUndefined(); // the Mix

    // Scrolling: YouTube appends a continuation of rich items, each stamped empty and filled after.
    await page.evaluate(() => {
      const contents = document.querySelector('ytd-rich-grid-renderer #contents')!;
      const template = contents.querySelectorAll('ytd-rich-item-renderer')[1]!;
      const ids = ['Pg1aQ2bR3cS', 'Pg2bR3cS4dT', 'Pg3cS4dT5eU'];
      ids.forEach((id, i) => {
        const item = document.createElement('ytd-rich-item-renderer');
        contents.append(item);
        setTimeout(
          () => {
            item.innerHTML = template.innerHTML;
            for (const a of item.querySelectorAll('a[href*="/watch"]')) a.setAttribute('href', `/watch?v=${id}`);
            item.querySelector('yt-content-metadata-view-model > div:last-of-type > span')!.textContent =
              `${i + 1}.5K views`;
          },
          50 * (i + 1),
        );
      });
      window.scrollBy(0, 2000);
    });
    const appended = await waitFor(async () => {
      const all = await stored();
      return ['Pg1aQ2bR3cS', 'Pg2bR3cS4dT', 'Pg3cS4dT5eU'].every((id) => post(all, id)) ? all : undefined;
    }, 'the appended cards');
    expect(post(appended, 'Pg3cS4dT5eU')?.latest).toEqual({
      views: { precision: 'rounded', value: 3500, min: 3500, max: 3600 },
    });

    // YouTube reuses a card element for another video: its links and metadata change in place.
    await page.evaluate(() => {
      const card = document.querySelector('ytd-rich-item-renderer')!;
      for (const a of card.querySelectorAll('a[href*="/watch"]')) a.setAttribute('href', '/watch?v=Rc9yX8wV7uT');
      card
        .querySelector('#video-title-link')!
        .setAttribute('aria-label', 'Other video by Loaf Lab 1 day ago 2 minutes 911 views');
      card.querySelector('#metadata-line > span')!.textContent = '911 views';
    });
    const recycled = await waitFor(async () => post(await stored(), 'Rc9yX8wV7uT'), 'the recycled card’s new video');
    expect(recycled.latest).toEqual({ views: { precision: 'exact', value: 911 } });
    expect(post(await stored(), 'Ab1cD2eF3gH')?.latest).toEqual({ views: { precision: 'exact', value: 18432 } });
    expect(harness.strayRequests).toEqual([]);
  });
});

describe.skipIf(!realCapturesAvailable)(
  `YouTube's real captures in Chromium${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    /** Serves a capture at its address, reads it with the built extension; returns the page's reply. */
    async function readCapture(file: string, url: string, ids: string[]) {
      harness.serve(url, readFileSync(join(REAL_CAPTURES_DIR, 'youtube', file), 'utf8'));
      const { page, tabId } = await harness.openTab(url);
      const posts = await waitFor(async () => {
        const all = await stored();
        return ids.every((id) => post(all, id)) ? all : undefined;
      }, `the posts of ${file}`);
      const reply = await harness.inBackground(
        async (id) =>
          (
            globalThis as unknown as {
              chrome: { tabs: { sendMessage(i: number, m: object): Promise<{ keys: string[]; status: string }> } };
            }
          ).chrome.tabs.sendMessage(id, { type: 'page-posts' }),
        tabId,
      );
      await page.close();
      return { posts, reply };
    }

    it('reads the Turkish search placed after a hidden home page, and does not pause', async () => {
      const ids = ['AhfNtK99Zl8', '83NNuoT7FpE', 'MX4rBHn2Kqo', '_qfs_pX-CCk'];
      const { posts, reply } = await readCapture(
        'trex-youtube-search-tr-2022-03.html',
        'https://www.youtube.com/results?search_query=muhte%C5%9Fem+y%C3%BCzy%C4%B1l+leo',
        ids,
      );
      expect(reply.status).toBe('reading');
      expect(reply.keys).toHaveLength(26);
      expect(post(posts, 'MX4rBHn2Kqo')?.latest).toEqual({ views: { precision: 'exact', value: 4494455 } });
    });

    it('reads the German home without storing people watching or waiting as views', async () => {
      const { posts, reply } = await readCapture('trex-youtube-home-de-2022-03.html', 'https://www.youtube.com/', [
        'ei7kbQhK1hA',
        'ZhDNtEe0kGM',
        'GXC77YehDGY',
        's3PR9pySd1E',
      ]);
      expect(reply.status).toBe('reading');
      expect(reply.keys).toHaveLength(29);
      expect(post(posts, 'ei7kbQhK1hA')?.latest).toEqual({ views: { precision: 'exact', value: 1444431 } });
      expect(post(posts, 'ZhDNtEe0kGM')?.latest).toEqual({ views: { precision: 'exact', value: 4202832 } });
      expect(post(posts, 'GXC77YehDGY')?.latest).toEqual({});
      // The captures' own images and styles were asked for (and refused): not the extension's doing.
      harness.strayRequests.splice(0);
    });
  },
);
