/**
 * Peeking with intent, in real Chromium on X: a hover shows nothing; a half-second press shows
 * that one post's counts, and the click ending the press does not reach the site's button; the
 * counts hide again when the pointer leaves; Alt+P on a focused post peeks too. Each peek, and
 * each post shown without its counts, is counted for today, and the popup says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, withSiteHiding, type Settings } from '../../lib/settings/settings';
import { WELLBEING_KEY, type WellbeingDay } from '../../lib/wellbeing/today';
import { xLikeHidden } from './hide-probe';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const peekOnX = (): Settings => {
  const settings = withSiteHiding(defaultSettings(), 'x', true);
  settings.hide.peek = true;
  return settings;
};

const today = () =>
  harness.inBackground(
    async (key) =>
      ((
        await (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local.get(key)
      )[key] ?? null) as WellbeingDay | null,
    WELLBEING_KEY,
  );

describe('peeking at one post', () => {
  it('needs a deliberate hold, swallows the click that ends it, and is counted', async () => {
    await harness.saveSettings(peekOnX());
    const { page, tabId } = await harness.openTab('https://x.com/home');
    await waitFor(() => xLikeHidden(page, 1), 'counts hidden');
    // The site's own handler on the like button: the click ending a hold must not reach it.
    await page.evaluate(() => {
      (window as unknown as { likes: number }).likes = 0;
      const like = document.querySelectorAll('article')[1]!.querySelector('[data-testid$="like"]')!;
      like.addEventListener('click', () => (window as unknown as { likes: number }).likes++);
    });
    const like = page.locator('article').nth(1).locator('[data-testid$="like"]');

    // A hover is not a peek.
    await like.hover();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await xLikeHidden(page, 1)).toBe(true);

    // A quick click is the site's: it likes, and peeks at nothing.
    await like.click();
    expect(await page.evaluate(() => (window as unknown as { likes: number }).likes)).toBe(1);
    expect(await xLikeHidden(page, 1)).toBe(true);

    // A press held until the counts show; releasing it likes nothing.
    await page.mouse.down();
    await waitFor(async () => !(await xLikeHidden(page, 1)), 'the held post’s counts to show');
    expect(await xLikeHidden(page, 0)).toBe(true);
    await page.mouse.up();
    expect(await page.evaluate(() => (window as unknown as { likes: number }).likes)).toBe(1);
    expect(await xLikeHidden(page, 1)).toBe(false);

    // Leaving the post hides its counts again.
    await page.mouse.move(1050, 5);
    await waitFor(() => xLikeHidden(page, 1), 'the counts to hide again');

    // The keyboard way: Alt+P on a focused post.
    await page.locator('article').nth(2).locator('[data-testid="reply"]').focus();
    expect(await xLikeHidden(page, 2)).toBe(true);
    await page.keyboard.press('Alt+KeyP');
    await waitFor(async () => !(await xLikeHidden(page, 2)), 'the focused post’s counts to show');

    // Counted for today: two peeks, and the posts shown without their counts.
    const figures = await waitFor(
      async () => {
        const day = await today();
        return day && day.peeks === 2 && day.shownHidden > 0 && day;
      },
      'today’s figures',
      30_000,
    );
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByText(`Today: ${figures.shownHidden} posts shown without their counts · 2 peeks`).waitFor();
    await popup.close();
    await page.close();
  });
});
