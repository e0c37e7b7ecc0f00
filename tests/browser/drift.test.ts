/**
 * Drift detection and the site status, in real Chromium with the built extension: a page whose
 * post elements a redesign renamed is recognized as unread within seconds on every platform, reading
 * pauses with a diagnostic the popup and the settings page show in plain words (with "Copy report"),
 * and it resumes by itself once the page shows posts the adapter knows again.
 */
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthBySite, SiteHealth } from '../../lib/background/status-store';
import { ADAPTERS, adapterById, adapterForUrl } from '../../lib/platforms/registry';
import type { PlatformAdapter } from '../../lib/platforms/types';
import { MIN_UNSEEN_POSTS, recognizeUnseenPosts } from '../../lib/reader/drift';
import type { PostRecord } from '../../lib/storage/db';
import { fixturePages, type FixturePage } from '../fixture-pages';
import { breakPosts } from '../site-change';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

type Storage = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };

const siteHealth = async (platform: PlatformAdapter['id']): Promise<SiteHealth | undefined> => {
  const all = await harness.inBackground(
    async () => (await (globalThis as unknown as Storage).chrome.storage.local.get('readerHealth')).readerHealth,
    null,
  );
  return (all as HealthBySite | undefined)?.[platform];
};

/** The page after a redesign its post selector missed, with how many posts it still shows. */
function broken(page: FixturePage, adapter: PlatformAdapter): { html: string; unseen: number } {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
  breakPosts(doc, adapter);
  const unseen = recognizeUnseenPosts(doc, adapter).unseen;
  const html = `<!doctype html>\n${doc.documentElement.outerHTML}`;
  void window.happyDOM.close();
  return { html, unseen };
}

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('drift on %s', (id, adapter) => {
  it('pauses within seconds on a page whose posts the post selector no longer finds', async () => {
    const page = fixturePages()
      .filter((p) => p.platform === id && adapterForUrl(p.url)?.id === id)
      .map((p) => ({ ...p, ...broken(p, adapter) }))
      .find((p) => p.unseen >= MIN_UNSEEN_POSTS);
    expect(page, `no ${id} fixture shows enough posts to judge`).toBeDefined();
    const url = `${page!.url}${page!.url.includes('?') ? '&' : '?'}redesign`;
    harness.serve(url, page!.html);
    const stored = (await harness.storeContents<PostRecord>('posts')).length;
    const tab = await harness.open(url);
    const started = Date.now();
    const health = await waitFor(
      async () => {
        const h = await siteHealth(id);
        return h?.status === 'paused' && h.at >= started && h;
      },
      `${id} reading to pause`,
      20_000,
    );
    expect(health.diagnostic).toMatchObject({ reason: 'not-found', selector: `post: ${adapter.postSelector}` });
    expect(Math.max(...health.diagnostic!.recognized!.map((r) => r.posts))).toBeGreaterThanOrEqual(MIN_UNSEEN_POSTS);
    console.info(`drift on ${id}: paused ${Date.now() - started} ms after the page opened`);
    expect((await harness.storeContents<PostRecord>('posts')).length, 'nothing stored from the page').toBe(stored);
    await tab.close();
  });
});

async function popupFor(tabId: number): Promise<Page> {
  return harness.extensionPage(`popup.html?tabId=${tabId}`);
}

describe('the site status', () => {
  it('shows a paused site in plain words with a report to copy, and resumes by itself', async () => {
    const x = adapterById('x')!;
    const home = fixturePages().find((p) => p.file === 'x-home-timeline.html')!;
    harness.serve('https://x.com/redesigned', broken(home, x).html);
    // The clipboard is read back from a web page (permissions cannot be granted to an extension).
    harness.serve('https://clipboard.test/', '<!doctype html><title>clipboard</title><p>read</p>');
    await harness.context.grantPermissions(['clipboard-read'], { origin: 'https://clipboard.test' });
    const { page: tab, tabId } = await harness.openTab('https://x.com/redesigned');
    await waitFor(async () => (await siteHealth('x'))?.status === 'paused', 'reading on X to pause');

    const popup = await popupFor(tabId);
    const notice = popup.getByRole('alert');
    await waitFor(async () => (await notice.count()) > 0, 'the paused notice');
    expect(await notice.textContent()).toContain(
      'Feedlens doesn’t recognize this page’s layout any more; nothing is being stored here.',
    );
    await popup.getByRole('button', { name: 'Copy report' }).click();
    await waitFor(async () => (await popup.getByText('Copied').count()) > 0, 'the report to be copied');
    const reader = await harness.open('https://clipboard.test/');
    await reader.bringToFront();
    const report = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    expect(report).toContain('selector: post: article[data-testid="tweet"]');
    expect(report).toMatch(/recognized without the selector \(permalinks \/status\/<id> around a time\): 5/);
    // Selectors and numbers only: nothing the page says about its posts or their authors.
    const pageText = await tab.evaluate(() => document.body.innerText);
    for (const line of pageText.split('\n').filter((l) => l.trim().length > 12))
      expect(report, 'post text in the report').not.toContain(line.trim());
    for (const handle of ['ada', 'grace', 'linus']) expect(report).not.toMatch(new RegExp(`@${handle}\\b`));

    const options = await harness.extensionPage('options.html');
    const row = options.locator('tr[data-site="x"]');
    await waitFor(async () => (await row.getAttribute('data-status')) === 'paused', 'X paused on the settings page');
    expect(await row.textContent()).toContain('doesn’t recognize this page’s layout');
    expect(await row.getByRole('button', { name: 'Copy report' }).count()).toBe(1);

    // A later render in the markup X knows: reading resumes, and the page's posts are stored.
    await tab.evaluate((html) => {
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    }, home.html);
    await waitFor(async () => (await siteHealth('x'))?.status === 'reading', 'reading on X to resume');
    await harness.storedPosts('x', (posts) => posts.length >= 6, 'the posts of the page');
    await waitFor(async () => (await row.getAttribute('data-status')) === 'reading', 'the settings page to follow');
    await waitFor(
      async () => (await popup.locator('.site-status').getAttribute('data-status')) === 'reading',
      'the popup to follow',
    );
    expect(harness.strayRequests).toEqual([]);
  });
});
