/**
 * Feedlens in German, as a German user installs it: the welcome page opens on install, and the
 * popup and the settings speak German with German numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch({ language: 'de', keepWelcome: true });
});
afterAll(async () => harness?.close());

describe('Feedlens in the browser’s language (German)', () => {
  it('opens the welcome page on install, in German', async () => {
    const url = `chrome-extension://${harness.extensionId}/welcome.html`;
    await waitFor(() => harness.context.pages().some((page) => page.url() === url), 'the welcome page');
    const welcome = harness.context.pages().find((page) => page.url() === url)!;
    await welcome.locator('h1').waitFor();
    await expect(welcome.locator('h1').textContent()).resolves.toBe('Willkommen bei Feedlens');
    await expect(welcome.locator('html').getAttribute('lang')).resolves.toBe('de');
    // The sites joined the German way ("… und Mastodon"), and what stays local is said.
    await expect(welcome.locator('#welcome-sites + p').textContent()).resolves.toMatch(/TikTok und Instagram/);
    await expect(welcome.locator('#welcome-local').textContent()).resolves.toBe('Was auf deinem Rechner bleibt');
  });

  it('shows the popup with German words and German numbers', async () => {
    const { tabId } = await harness.openTab('https://x.com/home');
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    await waitFor(async () => (await popup.locator('li.post').count()) === 6, 'six posts in the popup');
    await expect(popup.locator('.popup-footer a[href="/options.html"]').textContent()).resolves.toBe('Einstellungen');
    await expect(popup.locator('.order option[value="page"]').textContent()).resolves.toBe('Wie auf der Seite');
    // 567 likes / 9,012 views: German decimal comma and a space before the percent sign.
    const ada = popup.locator('li.post[data-post-key="x:1858979112345600001"]');
    await expect(ada.locator('[data-ratio="likesPerView"] dd').textContent()).resolves.toBe('6,3\u00a0%');
  });

  it('shows the settings in German', async () => {
    const options = await harness.extensionPage('options.html');
    await options.locator('h1').waitFor();
    await expect(options.locator('h1').textContent()).resolves.toBe('Feedlens-Einstellungen');
    await expect(options.locator('#hide-heading').textContent()).resolves.toBe('Like-Zahlen ausblenden');
    await expect(options.title()).resolves.toBe('Feedlens-Einstellungen');
  });
});
