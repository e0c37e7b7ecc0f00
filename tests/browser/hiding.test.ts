/**
 * Hiding, proved in real Chromium on every fixture page of every platform: counts are invisible
 * from the first frame (also for posts added while scrolling, also inside shadow roots), switching
 * applies to open tabs without reload within one frame, per site and per metric; nodes are never
 * removed, controls keep their boxes and clicks, no separator is left orphaned, and only counts go.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, adapterById, adapterForUrl } from '../../lib/platforms/registry';
import type { HideMetric, PlatformAdapter } from '../../lib/platforms/types';
import { defaultSettings, type Settings } from '../../lib/settings/settings';
import type { PostRecord } from '../../lib/storage/db';
import { fixturePages, type FixturePage } from '../fixture-pages';
import { launch, waitFor, type Harness } from './harness';
import {
  controls,
  currentStyles,
  pageText,
  recordFirstFrames,
  targetsOf,
  watchFirstFrameAfterChange,
  type Styles,
  type Target,
} from './hide-probe';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

type ChromeGlobal = {
  chrome: {
    scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
  };
};

function hiding(platform: PlatformAdapter['id'], on: boolean, metrics?: HideMetric[]): Settings {
  const settings = defaultSettings();
  settings.hide.sites[platform] = on;
  settings.hide.enabled = on;
  if (metrics)
    for (const metric of Object.keys(settings.hide.modes[platform]) as HideMetric[])
      settings.hide.modes[platform][metric] = metrics.includes(metric) ? 'hidden' : 'exact';
  return settings;
}

async function waitForRegistration(platform: string, present: boolean): Promise<void> {
  await waitFor(
    async () => {
      const ids = await harness.inBackground(async () => {
        const scripts = await (globalThis as unknown as ChromeGlobal).chrome.scripting.getRegisteredContentScripts();
        return scripts.map((s) => s.id);
      }, null);
      return ids.includes(`feedlens-hide-${platform}`) === present;
    },
    `hide registration for ${platform} to be ${present ? 'present' : 'gone'}`,
  );
}

interface Load {
  page: Page;
  firstFrames: Styles;
}

/** Loads a fixture recording first-frame styles; also appends one more post, as scrolling would. */
async function load(fixture: FixturePage, targets: Target[], postSelector: string): Promise<Load> {
  const page = await harness.context.newPage();
  await page.addInitScript(recordFirstFrames, targets);
  await page.addInitScript(`window.__currentStyles = ${currentStyles.toString()}`);
  await page.goto(fixture.url);
  await page.evaluate((selector) => {
    const post = document.querySelector(selector);
    if (post?.parentElement) post.parentElement.append(post.cloneNode(true));
  }, postSelector);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const firstFrames = await page.evaluate(() => (window as unknown as { __firstFrames: Styles }).__firstFrames);
  return { page, firstFrames };
}

const flat = (styles: Styles, metric?: HideMetric) =>
  styles.filter((s) => !metric || s.metric === metric).flatMap((s) => s.hidden);

/** The pre-load layer on its own: read while the page is parsed, the live layer taken away for the moment. */
async function stylesWithOnlyPreloadLayer(fixture: FixturePage, targets: Target[]): Promise<boolean[]> {
  const url = `${fixture.url}${fixture.url.includes('?') ? '&' : '?'}feedlens-parse-check`;
  const probe = `<script>(() => {
    const root = document.documentElement, live = document.getElementById('feedlens-hide');
    const saved = ['data-feedlens-ready', 'data-feedlens-hide'].map((name) => [name, root.getAttribute(name)]);
    saved.forEach(([name]) => root.removeAttribute(name));
    if (live) live.disabled = true;
    window.__atParse = (${currentStyles.toString()})(${JSON.stringify(targets)});
    saved.forEach(([name, value]) => value !== null && root.setAttribute(name, value));
    if (live) live.disabled = false;
  })();</script>`;
  harness.serve(url, fixture.html.replace(/<\/body>/i, `${probe}</body>`));
  const page = await harness.open(url);
  const styles = await page.evaluate(() => (window as unknown as { __atParse: Styles }).__atParse);
  await page.close();
  return flat(styles);
}

/**
 * Separators hiding left dangling: lines of rendered text that start or end with "·", "•" or "|",
 * beyond those the page already had with hiding off.
 */
function orphanSeparators(before: string, after: string): string[] {
  const dangling = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((line) => /^[·•|]|[·•|]$/.test(line));
  const had = dangling(before);
  const now = dangling(after);
  return now.length > had.length ? now.filter((line) => !had.includes(line)) : [];
}

describe('hide selectors', () => {
  it('are all valid CSS in Chromium', async () => {
    const page = await harness.open(fixturePages()[0]!.url);
    const selectors = ADAPTERS.flatMap((adapter) => targetsOf(adapter).map((t) => t.selector));
    const invalid = await page.evaluate((list) => list.filter((s) => !CSS.supports(`selector(${s})`)), selectors);
    expect(invalid).toEqual([]);
    await page.close();
  });
});

const platforms = ADAPTERS.map((adapter) => [adapter.id, adapter] as const);

describe.each(platforms)('hiding on %s', (platform, adapter) => {
  const targets = targetsOf(adapter);
  // Pages on servers the extension does not run on out of the box (a Mastodon server the user has
  // not added) are covered by their platform's own browser test.
  const fixtures = fixturePages().filter(
    (page) => page.platform === platform && adapterForUrl(page.url)?.id === platform,
  );

  it('never paints a count, switches live per site and per metric, and changes nothing else', async () => {
    // Hiding off: each page shows its counts, which makes every check below able to fail.
    await harness.saveSettings(hiding(adapter.id, false));
    await waitForRegistration(adapter.id, false);
    const shown = new Map<
      string,
      { load: Load; text: ReturnType<typeof pageText>; controls: ReturnType<typeof controls> }
    >();
    for (const fixture of fixtures) {
      const loaded = await load(fixture, targets, adapter.postSelector);
      expect(flat(loaded.firstFrames).some(Boolean), `${fixture.file}: something hidden with hiding off`).toBe(false);
      shown.set(fixture.file, {
        load: loaded,
        text: await loaded.page.evaluate(pageText),
        controls: await loaded.page.evaluate(controls, targets),
      });
      // Watched from now on: the switches below must reach this open page without a reload.
      await loaded.page.evaluate(watchFirstFrameAfterChange, targets);
    }
    const withCounts = fixtures.filter((f) => flat(shown.get(f.file)!.load.firstFrames).length > 0);
    expect(withCounts.length, `no ${platform} fixture holds a count the hide selectors target`).toBeGreaterThan(0);

    // Hiding on. The pages already open hide their counts without reload, in the first frame
    // after the message arrives.
    const open = withCounts.map((f) => shown.get(f.file)!.load.page);
    const afterChange = (page: Page) =>
      page.evaluate(() => (window as unknown as { __afterChange: Styles[] }).__afterChange);
    await harness.saveSettings(hiding(adapter.id, true));
    for (const page of open) {
      const [first] = await waitFor(
        async () => (await afterChange(page)).length > 0 && afterChange(page),
        'the live switch to arrive',
      );
      expect(flat(first!).every(Boolean), 'all counts hidden in the first frame after the switch').toBe(true);
    }

    // Freshly loaded pages never paint a count — in their first frame, in posts added
    // afterwards, and with the pre-load styles alone.
    await waitForRegistration(adapter.id, true);
    const stored = (await harness.storeContents<PostRecord>('posts')).filter((p) => p.platform === adapter.id);
    for (const fixture of withCounts) {
      const before = shown.get(fixture.file)!;
      const hidden = await load(fixture, targets, adapter.postSelector);
      const frames = flat(hidden.firstFrames);
      expect(frames.length, `${fixture.file}: same counts found`).toBe(flat(before.load.firstFrames).length);
      expect(frames.every(Boolean), `${fixture.file}: a count was painted`).toBe(true);
      const preload = await stylesWithOnlyPreloadLayer(fixture, targets);
      expect(preload.every(Boolean), `${fixture.file}: visible with only the pre-load styles`).toBe(true);

      const after = await hidden.page.evaluate(controls, targets);
      expect(
        after.map((c) => `${c.label} ${c.box.join(',')}`),
        `${fixture.file}: controls moved`,
      ).toEqual(before.controls.map((c) => `${c.label} ${c.box.join(',')}`));
      expect(
        after.filter((c) => !c.hit).map((c) => c.label),
        `${fixture.file}: controls no longer receiving clicks`,
      ).toEqual([]);

      const text = await hidden.page.evaluate(pageText);
      expect(text.all, `${fixture.file}: nodes or text were removed`).toBe(before.text.all);
      expect(text.times, `${fixture.file}: times hidden`).toEqual(before.text.times);
      expect(orphanSeparators(before.text.rendered, text.rendered), `${fixture.file}: orphan separators`).toEqual([]);
      for (const post of stored) {
        for (const piece of [post.text?.slice(0, 24), post.author]) {
          if (piece && before.text.rendered.includes(piece))
            expect(text.rendered, `${fixture.file}: "${piece}" hidden`).toContain(piece);
        }
      }
      await hidden.page.close();
    }

    // Live, per metric, then off again.
    const metric = targets[0]!.metric;
    await harness.saveSettings(hiding(adapter.id, true, [metric]));
    for (const page of open) {
      await waitFor(async () => (await afterChange(page)).length > 1, 'the per-metric switch to arrive');
      const [, perMetric] = await afterChange(page);
      expect(flat(perMetric!, metric).every(Boolean), `${metric} hidden`).toBe(true);
      const others = perMetric!.filter((s) => s.metric !== metric).flatMap((s) => s.hidden);
      expect(others.some(Boolean), `only ${metric} hidden`).toBe(false);
    }

    await harness.saveSettings(hiding(adapter.id, false));
    for (const page of open) {
      await waitFor(async () => (await afterChange(page)).length > 2, 'the switch off to arrive');
      const [, , off] = await afterChange(page);
      expect(flat(off!).some(Boolean), 'counts shown again in the first frame after switching off').toBe(false);
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1); // never reloaded
      await page.close();
    }
  });
});

describe('hiding on X through the popup', () => {
  it('hides from the switch, keeps the like button clickable, and shows the counts again without reload', async () => {
    await harness.saveSettings(hiding('x', false));
    const { page, tabId } = await harness.openTab('https://x.com/home');
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    const toggle = popup.getByRole('switch', { name: 'Hide like counts' });
    await toggle.click();
    await waitFor(async () => (await toggle.getAttribute('aria-checked')) === 'true', 'the switch to turn on');

    const likeCount = page.locator('article').first().locator('[data-testid$="like"] span').first();
    await waitFor(
      () => likeCount.evaluate((el) => getComputedStyle(el).visibility === 'hidden'),
      'the like count to hide',
    );

    const like = page.locator('article').first().locator('[data-testid="like"]');
    await page.evaluate(() => {
      const button = document.querySelector('article [data-testid="like"]')!;
      button.addEventListener('click', () => button.setAttribute('data-clicked', 'yes'));
    });
    await like.click();
    expect(await like.getAttribute('data-clicked')).toBe('yes');

    await toggle.click();
    await waitFor(
      () => likeCount.evaluate((el) => getComputedStyle(el).visibility === 'visible'),
      'the like count to show again',
    );
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(adapterById('x')).toBeDefined();
  });
});
