/**
 * The stores' images, made by the demo from the running extension (never committed): 1280×800
 * screenshots of the popup over a feed, the dashboard and the settings, and the 440×280 small
 * promo tile, drawn from HTML and the icon's SVG source. JPEG, because the Chrome Web Store takes
 * JPEG or PNG without alpha; addons.mozilla.org takes the same screenshots.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { hasValue } from '../lib/model';
import type { PostRecord } from '../lib/storage/db';
import { waitFor, type Harness } from './browser/harness';

export const SCREENSHOT = { width: 1280, height: 800 };
export const PROMO_TILE = { width: 440, height: 280 };
/** Where the composed pages are served (inside the harness: nothing leaves the machine). */
const STUDIO = 'https://store-assets.feedlens.test/';

const ICON = readFileSync(fileURLToPath(new URL('../public/icon.svg', import.meta.url)), 'utf8');

const dataUrl = (jpeg: Buffer) => `data:image/jpeg;base64,${jpeg.toString('base64')}`;

const jpeg = (page: Page, path?: string) => page.screenshot({ type: 'jpeg', quality: 92, ...(path ? { path } : {}) });

/** The feed with the popup open over it, where the browser draws it (under the toolbar, at the right). */
function popupOverFeed(feed: Buffer, popup: Buffer): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feedlens</title><style>
    body { margin: 0; width: ${SCREENSHOT.width}px; height: ${SCREENSHOT.height}px; overflow: hidden;
      background: url('${dataUrl(feed)}') no-repeat; }
    img { position: absolute; top: 8px; right: 16px; width: 420px; border-radius: 8px;
      box-shadow: 0 8px 32px rgb(0 0 0 / 0.35), 0 0 0 1px rgb(0 0 0 / 0.12); }
  </style></head><body><img alt="" src="${dataUrl(popup)}"></body></html>`;
}

/** The small promo tile: the icon, the name and what it does, in the icon's colours. */
export function promoTileHtml(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feedlens</title><style>
    body { margin: 0; width: ${PROMO_TILE.width}px; height: ${PROMO_TILE.height}px; overflow: hidden;
      display: flex; align-items: center; gap: 24px; padding: 0 32px; box-sizing: border-box;
      background: linear-gradient(135deg, #1d4ed8, #2563eb 60%, #3b82f6); color: #fff;
      font-family: system-ui, 'DejaVu Sans', sans-serif; }
    svg { width: 112px; height: 112px; flex: none; filter: drop-shadow(0 4px 10px rgb(0 0 0 / 0.3)); }
    h1 { margin: 0 0 8px; font-size: 40px; letter-spacing: -0.5px; }
    p { margin: 0; font-size: 18px; line-height: 1.35; opacity: 0.95; }
  </style></head><body>${ICON}<div><h1>Feedlens</h1>
    <p>How posts are really doing, or no numbers at all. Stays on your machine.</p></div></body></html>`;
}

async function studio(harness: Harness, name: string, html: string, size: { width: number; height: number }) {
  harness.serve(`${STUDIO}${name}`, html);
  const page = await harness.open(`${STUDIO}${name}`);
  await page.setViewportSize(size);
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  return page;
}

/**
 * Writes the store images into `outDir` and returns their paths. `feedTab` is a demo tab whose
 * posts were read (its popup is shown over it); the store must already hold posts.
 */
export async function writeStoreAssets(
  harness: Harness,
  feedTab: { page: Page; tabId: number },
  outDir: string,
): Promise<string[]> {
  const written: string[] = [];
  const out = (name: string) => {
    const path = join(outDir, name);
    written.push(path);
    return path;
  };

  await feedTab.page.setViewportSize(SCREENSHOT);
  await feedTab.page.bringToFront();
  const feed = await jpeg(feedTab.page);
  const popup = await harness.extensionPage(`popup.html?tabId=${feedTab.tabId}`);
  await popup.setViewportSize({ width: 420, height: 680 });
  await popup.locator('li.post').first().waitFor({ state: 'visible', timeout: 20_000 });
  const popupShot = await jpeg(popup);
  await popup.close();
  const composed = await studio(harness, 'popup', popupOverFeed(feed, popupShot), SCREENSHOT);
  await jpeg(composed, out('screenshot-1-popup.jpg'));
  await composed.close();

  // The dashboard on the feed's site, with its best-liked post's history open.
  const posts = await harness.storeContents<PostRecord>('posts');
  const site = posts.filter((p) => p.url.startsWith(new URL(feedTab.page.url()).origin));
  const likes = (p: PostRecord) => (hasValue(p.latest.likes) ? p.latest.likes.value : 0);
  const best = site.sort((a, b) => likes(b) - likes(a))[0];
  for (const [name, path, ready] of [
    ['screenshot-2-dashboard.jpg', `dashboard.html${best ? `#post=${best.key}` : ''}`, 'tbody tr'],
    ['screenshot-3-settings.jpg', 'options.html', 'h2'],
  ] as const) {
    const page = await harness.extensionPage(path);
    await page.setViewportSize(SCREENSHOT);
    await page.locator(ready).first().waitFor({ state: 'visible', timeout: 20_000 });
    // Charts draw once their data is in: wait for any canvas to have a size.
    await waitFor(
      () => page.evaluate(() => [...document.querySelectorAll('canvas')].every((c) => c.width > 0)),
      `${path} drawn`,
    );
    await jpeg(page, out(name));
    await page.close();
  }

  const tile = await studio(harness, 'promo', promoTileHtml(), PROMO_TILE);
  await jpeg(tile, out('promo-small-440x280.jpg'));
  await tile.close();
  writeFileSync(
    join(outDir, 'README.txt'),
    'Made by `npm run demo -- --headless` (tests/store-assets.ts). Upload: screenshots 1280x800, small promo tile 440x280.\n',
  );
  return written;
}
