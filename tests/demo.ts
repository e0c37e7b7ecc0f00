/**
 * `npm run demo`: Chromium with the freshly built extension, on bundled demo pages served at the
 * sites' real addresses inside a throwaway profile (nothing is fetched from the internet and you
 * are logged in nowhere). Shows reading, the popup and hiding. The browser is found, or installed
 * where that is possible, by tests/find-browser.ts.
 *
 *   npm run demo                  a window to explore (close it to finish)
 *   npm run demo -- --headless    no window: writes screenshots to tests/artifacts/demo/, and the
 *                                 stores' images to tests/artifacts/store/ (tests/store-assets.ts)
 *   npm run demo:firefox          the same in Firefox (the Firefox build, as a temporary add-on)
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { HIDE_ATTR } from '../lib/hide/css';
import { defaultSettings } from '../lib/settings/settings';
import { launch, waitFor, type Harness } from './browser/harness';
import { launchFirefox } from './firefox/harness';
import { fixturePages } from './fixture-pages';
import { writeStoreAssets } from './store-assets';

const headless =
  process.argv.includes('--headless') ||
  (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux');
const firefox = process.argv.includes('--firefox');
const outDir = fileURLToPath(new URL(firefox ? './artifacts/demo/firefox/' : './artifacts/demo/', import.meta.url));

async function storedPosts(harness: Harness): Promise<number> {
  return (await harness.storeContents('posts')).length;
}

async function setHiding(harness: Harness, platform: string, on: boolean): Promise<void> {
  const settings = defaultSettings();
  settings.hide.sites[platform as keyof typeof settings.hide.sites] = on;
  settings.hide.enabled = on;
  await harness.saveSettings(settings);
}

async function shot(page: { screenshot(options: { path: string }): Promise<unknown> }, name: string): Promise<void> {
  if (!headless) return;
  const path = `${outDir}${name}.png`;
  await page.screenshot({ path });
  console.log(`  wrote ${path}`);
}

async function main(): Promise<void> {
  if (headless) mkdirSync(outDir, { recursive: true });
  console.log(headless ? 'Feedlens demo (headless: screenshots only)' : 'Feedlens demo: a Chromium window opens');
  const harness = await launch({ headless });
  const demos = fixturePages().filter((page) => page.demo);

  const tabs: { title: string; page: Page; tabId: number }[] = [];
  for (const demo of demos) {
    const { page, tabId } = await harness.openTab(demo.url);
    tabs.push({ title: demo.demo!, page, tabId });
    console.log(`- ${demo.demo}: ${demo.url}`);
  }
  // Every demo tab has read its page and the background has stored what it was sent.
  for (const { tabId } of tabs) await harness.settled(tabId);
  console.log(`Read and stored ${await storedPosts(harness)} posts from ${tabs.length} demo pages.`);

  for (const { title, page, tabId } of tabs) {
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await page.bringToFront();
    await shot(page, `${slug}-page`);
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 420, height: 760 });
    await waitFor(async () => (await popup.locator('li.post, .empty, .notice').count()) > 0, `the ${title} popup`);
    await shot(popup, `${slug}-popup`);
    if (headless) await popup.close();
  }

  const x = tabs.find((t) => t.title.startsWith('X'));
  if (headless && x) {
    const storeDir = fileURLToPath(new URL('./artifacts/store/', import.meta.url));
    mkdirSync(storeDir, { recursive: true });
    for (const file of await writeStoreAssets(harness, x, storeDir)) console.log(`  wrote ${file}`);
  }

  // Hiding, shown on X: the same page reloaded with "Hide like counts" on.
  if (x) {
    await setHiding(harness, 'x', true);
    await x.page.reload();
    await x.page.bringToFront();
    // The live layer has applied the saved settings: likes are among the metrics hidden now.
    await x.page.waitForFunction(
      (attr) => (document.documentElement.getAttribute(attr) ?? '').split(' ').includes('likes'),
      HIDE_ATTR,
    );
    await shot(x.page, 'x-hidden-counts');
    if (headless) await setHiding(harness, 'x', false);
  }

  if (headless) {
    await harness.close();
    console.log(`Done. Screenshots are in ${outDir}`);
    return;
  }
  console.log(
    '\nExplore: each tab is a demo page at its real address. Popups for each page are open beside them;\n' +
      'the toolbar icon (puzzle piece → Feedlens) opens the real popup. "Hide like counts" is on for X.\n' +
      'Close the browser window to finish.',
  );
  await new Promise<void>((resolve) => harness.context.on('close', () => resolve()));
}

/** The same tour in Firefox: each demo page, its popup beside it, and hiding on X. */
async function firefoxDemo(): Promise<void> {
  if (headless) mkdirSync(outDir, { recursive: true });
  console.log(
    headless ? 'Feedlens demo in Firefox (headless: screenshots only)' : 'Feedlens demo: a Firefox window opens',
  );
  const harness = await launchFirefox({ headless });
  const demos = fixturePages().filter((page) => page.demo);
  for (const demo of demos) {
    const page = await harness.open(demo.url);
    const slug = demo.demo!.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await shot(page, `${slug}-page`);
    const popup = await harness.extensionPage(`popup.html?tabId=${await harness.tabId(demo.url)}`);
    await popup.setViewport({ width: 420, height: 760 });
    await waitFor(
      async () => (await popup.$$('li.post, .empty, .notice')).length > 0,
      `the ${demo.demo} popup`,
      20_000,
    );
    await shot(popup, `${slug}-popup`);
    if (headless) await popup.close();
    console.log(`- ${demo.demo}: ${demo.url}`);
  }
  const x = demos.find((d) => d.demo!.startsWith('X'));
  if (x) {
    const settings = defaultSettings();
    settings.hide.sites.x = true;
    settings.hide.enabled = true;
    await harness.saveSettings(settings);
    const page = await harness.open(x.url);
    await page.waitForFunction(
      (attr: string) => (document.documentElement.getAttribute(attr) ?? '').split(' ').includes('likes'),
      {},
      HIDE_ATTR,
    );
    await shot(page, 'x-hidden-counts');
  }
  console.log(
    `Read and stored ${(await harness.storeContents('posts')).length} posts from ${demos.length} demo pages.`,
  );
  if (headless) {
    await harness.close();
    console.log(`Done. Screenshots are in ${outDir}`);
    return;
  }
  console.log('\nExplore: each tab is a demo page at its real address, its popup beside it. Close Firefox to finish.');
  await new Promise<void>((resolve) => harness.browser.on('disconnected', () => resolve()));
}

(firefox ? firefoxDemo() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
