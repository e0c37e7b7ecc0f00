import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/settings/settings';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { fixturePage } from '../../fixture-pages';
import { launch, waitFor, type Harness } from '../harness';

/** The bits of the extension API these tests call inside the service worker. */
interface Chrome {
  chrome: {
    scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[] }[]> };
    permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  };
}

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const ADA = 'mastodon:https://mastodon.social/@ada/113100000000000001';

async function posts(): Promise<PostRecord[]> {
  return harness.storeContents<PostRecord>('posts');
}

function registrations() {
  return harness.inBackground(async () => {
    const { chrome } = globalThis as unknown as Chrome;
    return chrome.scripting.getRegisteredContentScripts();
  }, null);
}

/** What Mastodon's AnimatedNumber does to a counter going from its value to `next`. */
function animateReplies(page: Page, postId: string, next: string, phase: 'start' | 'end') {
  return page.evaluate(
    ([id, value, step]) => {
      const animated = document.querySelector(`div.status[data-id="${id}"] .status__action-bar .animated-number`)!;
      if (step === 'start') {
        // The new value enters above the old one: two spans, textContent "98".
        animated.insertAdjacentHTML(
          'afterbegin',
          `<span style="position: static; transform: translateY(-60%);">${value}</span>`,
        );
        (animated.lastElementChild as HTMLElement).style.transform = 'translateY(60%)';
      } else {
        // The last frame: the old span leaves, the new one settles.
        animated.lastElementChild!.remove();
        (animated.firstElementChild as HTMLElement).style.transform = 'translateY(0%)';
      }
    },
    [postId, next, phase] as const,
  );
}

describe('Mastodon on mastodon.social (declared in the manifest)', () => {
  it('stores posts and counts from the home timeline, with boosts and favourites absent, not 0', async () => {
    await harness.open('https://mastodon.social/home');
    const stored = await waitFor(async () => {
      const all = (await posts()).filter((p) => p.platform === 'mastodon');
      return all.length >= 5 ? all : null;
    }, 'the five Mastodon posts in IndexedDB');
    expect(stored.find((p) => p.key === ADA)).toMatchObject({
      url: 'https://mastodon.social/@ada/113100000000000001',
      author: 'ada@mastodon.social',
      postedAt: Date.parse('2024-11-19T20:15:00.000Z'),
      latest: { replies: { precision: 'exact', value: 8 } },
    });
    expect(stored.find((p) => p.key === ADA)?.latest).toEqual({ replies: { precision: 'exact', value: 8 } });
    expect(stored.find((p) => p.key.endsWith('@hedy@chaos.example/113100000000000003'))?.latest).toEqual({
      replies: { precision: 'exact', value: 12 },
      reposts: { precision: 'rounded', value: 1200, min: 1150, max: 1250 },
      likes: { precision: 'exact', value: 340 },
    });
    expect(stored.some((p) => p.postId.includes('113099999999999999'))).toBe(false); // the quoted post
    expect(harness.strayRequests).toEqual([]);
  });

  it('never stores the two values of an animating counter glued together', async () => {
    const { page, tabId } = await harness.openTab('https://mastodon.social/home');
    await waitFor(async () => (await posts()).some((p) => p.key === ADA), 'the first post');
    await animateReplies(page, '113100000000000001', '9', 'start');
    // The reader has seen the mid-animation counter and handed over whatever it made of it.
    await harness.settled(tabId);
    await animateReplies(page, '113100000000000001', '9', 'end');
    const latest = await waitFor(async () => {
      const ada = (await posts()).find((p) => p.key === ADA);
      const replies = ada?.latest.replies;
      return replies && 'value' in replies && replies.value === 9 ? ada.latest : null;
    }, 'the settled reply count 9');
    expect(latest.replies).toEqual({ precision: 'exact', value: 9 });
    const snapshots = (await harness.storeContents<SnapshotRecord>('snapshots')).filter((s) => s.post === ADA);
    const values = snapshots.map((s) =>
      s.counts.replies && 'value' in s.counts.replies ? s.counts.replies.value : null,
    );
    expect(values).toEqual([8, 9]);
  });

  it('reads a thread page in French: the same post keeps its key, the page’s post has exact and rounded counts', async () => {
    await harness.open('https://mastodon.social/@camille/113200000000000001');
    const camille = await waitFor(
      async () => (await posts()).find((p) => p.key === 'mastodon:https://mastodon.social/@camille/113200000000000001'),
      'the thread page’s post',
    );
    expect(camille).toMatchObject({
      author: 'camille@mastodon.social',
      latest: {
        reposts: { precision: 'rounded', value: 1200, min: 1150, max: 1250 },
        quotes: { precision: 'exact', value: 3 },
        likes: { precision: 'exact', value: 56 },
      },
    });
    expect((await posts()).filter((p) => p.postId.endsWith('/@ada/113100000000000001'))).toHaveLength(1);
  });
});

describe('Mastodon on a server the user adds (social.example)', () => {
  const HOME = 'https://social.example/home';
  const REGISTRATION = 'feedlens-mastodon-instances';

  it('reads nothing there before the server is added', async () => {
    // mastodon.social's home timeline, served as if it were social.example's.
    harness.serve(HOME, fixturePage('mastodon-home-en.html').html);
    const { page, tabId } = await harness.openTab(HOME);
    await page.waitForLoadState('load');
    // Nothing could read it: no script is registered for the server and no content script answers
    // in the loaded tab (Chrome injects document_idle scripts by the load event at the latest).
    expect((await registrations()).flatMap((r) => r.matches ?? []).some((m) => m.includes('social.example'))).toBe(
      false,
    );
    await expect(harness.readerStats(tabId)).rejects.toThrow();
    expect((await posts()).filter((p) => p.postId.startsWith('https://social.example/'))).toEqual([]);
  });

  it('after "Add" on the options page, registers the Mastodon script there and stores its readings', async () => {
    // Chromium's permission prompt cannot be answered in a headless browser. The user's consent
    // is given instead where Chrome lets a user grant a site to an extension (chrome://extensions,
    // Site access → "On specific sites" → Add a site); the extension's own request then resolves
    // without a prompt, exactly as after the user clicked "Allow".
    const extensions = await harness.context.newPage();
    await extensions.goto(`chrome://extensions/?id=${harness.extensionId}`);
    await extensions.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as {
        chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
      };
      await chrome.developerPrivate.addHostPermission(id, 'https://social.example/*');
    }, harness.extensionId);

    const options = await harness.extensionPage('options.html');
    await options.getByLabel('Server address').fill('https://social.example/@hana');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByText('Added social.example. Reload its open tabs to start.').waitFor();
    expect(await options.getByRole('list', { name: 'Added Mastodon servers' }).textContent()).toContain(
      'social.example',
    );

    const script = await waitFor(
      async () => (await registrations()).find((s) => s.id === REGISTRATION),
      'the Mastodon script registered for social.example',
    );
    expect(script).toMatchObject({ matches: ['https://social.example/*'], js: ['content-scripts/mastodon.js'] });

    await harness.open(HOME);
    const stored = await waitFor(async () => {
      const mine = (await posts()).filter((p) => p.postId.startsWith('https://social.example/'));
      return mine.length >= 5 ? mine : null;
    }, 'social.example’s posts in IndexedDB');
    expect(stored.find((p) => p.postId === 'https://social.example/@ada/113100000000000001')).toMatchObject({
      key: 'mastodon:https://social.example/@ada/113100000000000001',
      author: 'ada@social.example', // a local account of social.example now
      latest: { replies: { precision: 'exact', value: 8 } },
    });
    expect(stored.find((p) => p.postId.endsWith('/@linus@fosstodon.example/113100000000000002'))?.author).toBe(
      'linus@fosstodon.example',
    );

    // The popup counts the added server as Mastodon and lists what was read there.
    const { tabId } = await harness.openTab(HOME);
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    await waitFor(async () => (await popup.locator('li.post').count()) === 5, 'five posts in the popup');
    expect(await popup.locator('h1 .site').textContent()).toBe('· Mastodon');
    expect(harness.strayRequests).toEqual([]);
  });

  it('hides counts there from the first frame once hiding is on for Mastodon', async () => {
    const settings = defaultSettings();
    settings.hide.sites.mastodon = true;
    settings.hide.enabled = true;
    await harness.saveSettings(settings);
    const hide = await waitFor(
      async () =>
        (await registrations()).find(
          (s) => s.id === 'feedlens-hide-mastodon' && s.matches?.includes('https://social.example/*'),
        ),
      'the Mastodon hide stylesheets registered for social.example',
    );
    expect(hide.matches).toEqual(['https://mastodon.social/*', 'https://social.example/*']);

    const page = await harness.context.newPage();
    // Each counter checked in the first animation frame it exists in: a frame can come while the
    // page is still being parsed, with only some of them there yet.
    await page.addInitScript(() => {
      const w = window as unknown as { feedlensFirstHidden?: string[] };
      const seen = new Map<Element, string>();
      const check = () => {
        for (const counter of document.querySelectorAll('.status__action-bar .icon-button__counter'))
          if (!seen.has(counter)) seen.set(counter, getComputedStyle(counter).visibility);
        if (document.readyState === 'loading' || seen.size === 0) requestAnimationFrame(check);
        else w.feedlensFirstHidden = [...seen.values()];
      };
      requestAnimationFrame(check);
    });
    await page.goto(HOME);
    const first = await waitFor(
      () => page.evaluate(() => (window as unknown as { feedlensFirstHidden?: string[] }).feedlensFirstHidden),
      'the counters’ first frame',
    );
    expect(first.length).toBeGreaterThanOrEqual(6);
    expect(new Set(first)).toEqual(new Set(['hidden']));

    const profile = await harness.open('https://social.example/@hana');
    const followers = await profile.evaluate(() =>
      Array.from(document.querySelectorAll('.account__header__extra__links a'), (a) => [
        a.getAttribute('href'),
        getComputedStyle(a.querySelector('strong')!).visibility,
        getComputedStyle(a).visibility,
      ]),
    );
    expect(followers).toEqual([
      ['/@hana', 'visible', 'visible'], // the post count is not a popularity count
      ['/@hana/following', 'hidden', 'visible'],
      ['/@hana/followers', 'hidden', 'visible'],
    ]);
  });

  it('stops reading there and gives the permission back when the server is removed', async () => {
    const options = await harness.extensionPage('options.html');
    await options.getByRole('button', { name: 'Remove social.example' }).click();
    await waitFor(async () => !(await registrations()).some((s) => s.id === REGISTRATION), 'the registration removed');
    const granted = await harness.inBackground(async () => {
      const { chrome } = globalThis as unknown as Chrome;
      return chrome.permissions.contains({ origins: ['https://social.example/*'] });
    }, null);
    expect(granted).toBe(false);
    // The hide stylesheets are re-registered by a sync of their own, which may finish a moment later.
    const hide = await waitFor(async () => {
      const found = (await registrations()).find((s) => s.id === 'feedlens-hide-mastodon');
      return found?.matches?.length === 1 && found;
    }, 'the hide stylesheets registered without social.example');
    expect(hide.matches).toEqual(['https://mastodon.social/*']);
  });
});
