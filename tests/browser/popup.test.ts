import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord } from '../../lib/storage/db';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
  harness.serve(
    'https://x.com/explore',
    '<!doctype html><html lang="en"><head><title>Explore / X</title></head><body><main></main></body></html>',
  );
  harness.serve(
    'https://example.org/',
    '<!doctype html><html lang="en"><head><title>Example</title></head><body>hi</body></html>',
  );
});
afterAll(async () => harness?.close());

async function popupFor(url: string) {
  const { page: tab, tabId } = await harness.openTab(url);
  const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
  return { tab, popup };
}

describe('the popup', () => {
  it('lists the posts read on the page with their ratios and the page totals', async () => {
    const { popup } = await popupFor('https://x.com/home');
    await waitFor(async () => (await popup.locator('li.post').count()) === 6, 'six posts in the popup');

    const ada = popup.locator('li.post[data-post-key="x:1858979112345600001"]');
    await expect(ada.locator('.post-author').textContent()).resolves.toBe('@ada');
    // 567 likes / 9,012 views, 34 reposts / 567 likes, 12 replies / 567 likes.
    await expect(ada.locator('[data-ratio="likesPerView"] dd').textContent()).resolves.toBe('6.3%');
    await expect(ada.locator('[data-ratio="repostsPerLike"] dd').textContent()).resolves.toBe('6%');
    await expect(ada.locator('[data-ratio="repliesPerLike"] dd').textContent()).resolves.toBe('2.1%');

    // The old post has no views: no likes-per-view ratio rather than a made-up one.
    const old = popup.locator('li.post[data-post-key="x:1153443434222432256"]');
    await expect(old.locator('[data-ratio="likesPerView"] dd').textContent()).resolves.toBe('—');
    await expect(old.locator('[data-metric="views"] dd').textContent()).resolves.toBe('—');

    await expect(popup.locator('.totals [data-metric="posts"] dd').textContent()).resolves.toBe('6');
    // Likes over all six posts: 567 + 48 + 25 + 45,678 + 0 + 3,400.
    await expect(popup.locator('.totals [data-metric="likes"] dd').textContent()).resolves.toBe('49.7K');
    await expect(popup.locator('.promoted, .tag').first().textContent()).resolves.toBe('Promoted');
  });

  it('shows post text as text, never as markup', async () => {
    harness.serve(
      'https://x.com/markup',
      readFileSync(new URL('../../lib/platforms/fixtures/x-home-timeline.html', import.meta.url), 'utf8').replace(
        'The Analytical Engine weaves',
        '&lt;img src=x onerror=alert(1)&gt; weaves',
      ),
    );
    const { popup } = await popupFor('https://x.com/markup');
    const text = popup.locator('li.post[data-post-key="x:1858979112345600001"] .post-text');
    await waitFor(async () => (await text.textContent())?.includes('<img src=x onerror=alert(1)>'), 'the escaped text');
    expect(await popup.locator('li.post img').count()).toBe(0);
  });

  it('tells the user what to do when the page has no posts yet', async () => {
    const { popup } = await popupFor('https://x.com/explore');
    // Its words, not only its box: in one clean-machine run the box was seen before its text.
    await waitFor(
      async () => (await popup.locator('.empty').textContent())?.includes('Scroll your X feed'),
      'the empty state',
    );
    expect(await popup.getByRole('switch', { name: 'Hide like counts' }).isVisible()).toBe(true);
  });

  it('says which sites it works on when the tab is elsewhere', async () => {
    const { popup } = await popupFor('https://example.org/');
    await waitFor(
      async () => (await popup.locator('.empty').textContent())?.includes('Feedlens works on X'),
      'the unsupported-site message',
    );
    expect(await popup.locator('.empty').isVisible()).toBe(true);
  });

  it('exports everything stored as one JSON file in the documented format', async () => {
    await waitFor(async () => (await harness.storeContents<PostRecord>('posts')).length >= 6, 'stored posts');
    const { popup } = await popupFor('https://x.com/home');
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^feedlens-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'feedlens-export', version: 1 });
    expect(file.posts.map((p: PostRecord) => p.key)).toContain('x:1858979112345600001');
    expect(file.snapshots.length).toBeGreaterThanOrEqual(file.posts.length);
  });

  it('asks for no permission beyond what its features need, and host access to the supported sites', async () => {
    const manifest = await harness.inBackground(
      () => (globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }).chrome.runtime.getManifest(),
      null,
    );
    const { permissions, host_permissions, optional_host_permissions } = manifest as Record<string, string[]>;
    expect(permissions!.sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
    // Mastodon servers are asked for one at a time, only when the user adds one.
    expect(optional_host_permissions).toEqual(['https://*/*']);
    for (const host of host_permissions!) expect(host).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
    expect(harness.strayRequests).toEqual([]);
  });
});
