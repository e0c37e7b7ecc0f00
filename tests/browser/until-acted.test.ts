/**
 * "Hide until I act" in real Chromium: a post's counts stay hidden until the user likes, reposts
 * or votes on it — read from the site's own pressed state, which a page script here toggles on
 * click as the site would — and then stay visible for that post, even if the like is taken back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformId } from '../../lib/model';
import { defaultSettings, withUntilActed } from '../../lib/settings/settings';
import { fixturePage } from '../fixture-pages';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const untilActedOn = (platform: PlatformId) => harness.saveSettings(withUntilActed(defaultSettings(), platform, true));

/** X's like button turns into "unlike" when pressed, and back. */
const X_SITE = `<script>
  for (const button of document.querySelectorAll('article [data-testid="like"]'))
    button.addEventListener('click', () =>
      button.setAttribute('data-testid', button.getAttribute('data-testid') === 'like' ? 'unlike' : 'like'));
</script>`;

/** Reddit's vote buttons, inside each post's shadow root, are pressed on click. */
const REDDIT_SITE = `<script>
  for (const post of document.querySelectorAll('shreddit-post'))
    for (const button of post.shadowRoot?.querySelectorAll('button[upvote]') ?? [])
      button.addEventListener('click', () => button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true')));
</script>`;

async function serveWithSite(fixture: string, url: string, script: string): Promise<Page> {
  harness.serve(url, fixturePage(fixture).html.replace(/<\/body>/i, `${script}</body>`));
  return harness.open(url);
}

describe('hide until I act', () => {
  it('on X: shows a post’s counts once it is liked, and keeps them after the like is taken back', async () => {
    await untilActedOn('x');
    const page = await serveWithSite('x-home-timeline.html', 'https://x.com/home?until-acted', X_SITE);
    const replyHidden = (n: number) =>
      page.evaluate((i) => {
        const span = document.querySelectorAll('article')[i]!.querySelector('[data-testid="reply"] span')!;
        return getComputedStyle(span).visibility === 'hidden';
      }, n);
    await waitFor(() => replyHidden(0), 'counts hidden before acting');
    expect(await replyHidden(2)).toBe(true);
    // The fixture's second post was liked before the page loaded: its counts show from the start.
    await waitFor(async () => !(await replyHidden(1)), 'the already-liked post’s counts to show');

    const like = page.locator('article').first().locator('[data-testid$="like"]').first();
    await like.click();
    await waitFor(async () => !(await replyHidden(0)), 'the liked post’s counts to show');
    expect(await replyHidden(2)).toBe(true);
    expect(await page.locator('article').first().getAttribute('data-feedlens-acted')).toBe('');

    await like.click(); // taken back: the site shows "like" again
    await waitFor(
      () => page.evaluate(() => document.querySelector('article [data-testid="like"]') !== null),
      'the like to be taken back',
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await replyHidden(0)).toBe(false);
    await page.close();
  });

  it('on new Reddit: shows a post’s counts once it is upvoted inside its shadow root', async () => {
    await untilActedOn('reddit');
    const page = await serveWithSite('reddit-home-feed.html', 'https://www.reddit.com/?until-acted', REDDIT_SITE);
    const scoreHidden = (n: number) =>
      page.evaluate((i) => {
        const post = document.querySelectorAll('shreddit-post')[i]!;
        const score = post.shadowRoot!.querySelector('faceplate-number')!;
        return getComputedStyle(score).visibility === 'hidden';
      }, n);
    await waitFor(() => scoreHidden(0), 'scores hidden before voting');
    expect(await scoreHidden(1)).toBe(true);
    await page.locator('shreddit-post').first().locator('button[upvote]').click();
    await waitFor(async () => !(await scoreHidden(0)), 'the upvoted post’s score to show');
    expect(await scoreHidden(1)).toBe(true);
    await page.close();
  });
});
