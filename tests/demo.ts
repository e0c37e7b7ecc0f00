/**
 * `npm run demo`: Chromium with the freshly built extension, on bundled demo pages served at the
 * sites' real addresses inside a throwaway profile (nothing is fetched from the internet and you
 * are logged in nowhere). Shows reading, the popup and hiding.
 *
 *   npm run demo               a window to explore (close it to finish)
 *   npm run demo -- --headless no window: writes screenshots to tests/artifacts/demo/
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { defaultSettings } from '../lib/settings/settings';
import { launch, waitFor, type Harness } from './browser/harness';
import { fixturePages } from './fixture-pages';

const headless =
  process.argv.includes('--headless') ||
  (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux');
const outDir = fileURLToPath(new URL('./artifacts/demo/', import.meta.url));

async function storedPosts(harness: Harness): Promise<number> {
  return (await harness.storeContents('posts')).length;
}

async function setHiding(harness: Harness, platform: string, on: boolean): Promise<void> {
  const settings = defaultSettings();
  settings.hide.sites[platform as keyof typeof settings.hide.sites] = on;
  await harness.saveSettings(settings);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!headless) return;
  const path = `${outDir}${name}.png`;
  await page.screenshot({ path, fullPage: false });
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
  await waitFor(async () => (await storedPosts(harness)) > 0, 'the first readings', 15_000);
  await new Promise((r) => setTimeout(r, 1000));
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

  // Hiding, shown on X: the same page reloaded with "Hide like counts" on.
  const x = tabs.find((t) => t.title.startsWith('X'));
  if (x) {
    await setHiding(harness, 'x', true);
    await new Promise((r) => setTimeout(r, 500));
    await x.page.reload();
    await x.page.bringToFront();
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
