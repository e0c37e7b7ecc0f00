/**
 * Hiding, proved in real Chromium on every platform's demo page: counts are invisible from the
 * first frame, switching applies to open tabs without reload, buttons keep their boxes and clicks,
 * and only counts disappear.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, adapterById } from '../../lib/platforms/registry';
import { HIDE_METRICS, type PlatformAdapter } from '../../lib/platforms/types';
import { defaultSettings, type Settings } from '../../lib/settings';
import type { PostRecord } from '../../lib/storage/db';
import { fixturePages } from '../fixture-pages';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

interface Target {
  selector: string;
  mode: 'visibility' | 'display';
}

function targetsOf(adapter: PlatformAdapter): Target[] {
  return HIDE_METRICS.flatMap((metric) => [
    ...(adapter.hide[metric] ?? []).map((selector) => ({ selector, mode: 'visibility' as const })),
    ...(adapter.collapse?.[metric] ?? []).map((selector) => ({ selector, mode: 'display' as const })),
  ]);
}

async function setSettings(settings: Settings): Promise<void> {
  await harness.inBackground(async (value) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } };
    await chrome.storage.sync.set({ settings: value });
  }, settings);
}

function hidingOn(platform: PlatformAdapter['id'], on: boolean): Settings {
  const settings = defaultSettings();
  settings.hide.sites[platform] = on;
  return settings;
}

async function waitForRegistration(platform: string, present: boolean): Promise<void> {
  await waitFor(async () => {
    const ids = await harness.inBackground(async () => {
      const { chrome } = globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } };
      return (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id);
    }, null);
    return ids.includes(`feedlens-hide-${platform}`) === present;
  }, `hide registration for ${platform} to be ${present ? 'present' : 'gone'}`);
}

type FirstFrames = { selector: string; hidden: boolean[] }[];

/**
 * Records how every targeted element is styled in the first frame it could be painted in: a
 * MutationObserver notes each element as the parser (or the page) inserts it, and the next
 * animation frame — whose callbacks run before that frame is painted — reads its computed style.
 * This covers the initial page and posts added while scrolling alike.
 */
async function openRecordingFirstFrame(url: string, targets: Target[]): Promise<{ page: Page; frame: FirstFrames }> {
  const page = await harness.context.newPage();
  await page.addInitScript((list: Target[]) => {
    const results = list.map(({ selector }) => ({ selector, hidden: [] as boolean[] }));
    const seen = new WeakSet<Element>();
    let pending: Element[] = [];
    const w = window as unknown as { __firstFrames: typeof results };
    w.__firstFrames = results;
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) pending.push(node);
    }).observe(document, { childList: true, subtree: true });
    const onFrame = () => {
      const roots = pending;
      pending = [];
      list.forEach(({ selector, mode }, i) => {
        for (const root of roots) {
          if (!root.isConnected) continue;
          const found = root.matches(selector) ? [root, ...root.querySelectorAll(selector)] : [...root.querySelectorAll(selector)];
          for (const el of found) {
            if (seen.has(el)) continue;
            seen.add(el);
            const style = getComputedStyle(el);
            results[i]!.hidden.push(mode === 'display' ? style.display === 'none' : style.visibility === 'hidden');
          }
        }
      });
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  }, targets);
  await page.goto(url);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const frame = await page.evaluate(() => (window as unknown as { __firstFrames: FirstFrames }).__firstFrames);
  return { page, frame };
}

/** Boxes of the controls that hold hidden counts (buttons and links), in document order. */
function controlBoxes(page: Page, targets: Target[]) {
  return page.evaluate((list: Target[]) => {
    const controls = new Set<Element>();
    for (const { selector } of list) {
      for (const el of document.querySelectorAll(selector)) {
        const control = el.closest('button, a, [role="button"]');
        if (control) controls.add(control);
      }
    }
    return [...controls].map((c) => {
      const r = c.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
    });
  }, targets);
}

const demoPages = fixturePages().filter((page) => page.demo && adapterById(page.platform as PlatformAdapter['id']));

describe('hide selectors', () => {
  it('are all valid CSS in Chromium', async () => {
    const page = await harness.open(demoPages[0]!.url);
    const selectors = ADAPTERS.flatMap((adapter) => targetsOf(adapter).map((t) => t.selector));
    const invalid = await page.evaluate((list) => list.filter((s) => !CSS.supports(`selector(${s})`)), selectors);
    expect(invalid).toEqual([]);
  });
});

describe.each(demoPages.map((page) => [page.platform, page] as const))('hiding on %s', (platform, demo) => {
  const adapter = adapterById(platform as PlatformAdapter['id'])!;
  const targets = targetsOf(adapter);

  it('hides every targeted count from the first frame, then switches live both ways, moving nothing', async () => {
    // Hiding off: the demo page shows its counts (so the checks below can fail).
    await setSettings(hidingOn(adapter.id, false));
    await waitForRegistration(adapter.id, false);
    const shown = await openRecordingFirstFrame(demo.url, targets);
    const found = shown.frame.reduce((n, t) => n + t.hidden.length, 0);
    expect(found, 'the demo page holds elements the hide selectors target').toBeGreaterThan(0);
    expect(shown.frame.flatMap((t) => t.hidden).some(Boolean)).toBe(false);
    const boxesShown = await controlBoxes(shown.page, targets);
    const visibleText = await shown.page.evaluate(() => document.body.innerText);

    // Hiding on: a freshly loaded page never paints a count, not even in its first frame.
    await setSettings(hidingOn(adapter.id, true));
    await waitForRegistration(adapter.id, true);
    const hidden = await openRecordingFirstFrame(demo.url, targets);
    for (const target of hidden.frame) {
      expect(target.hidden.every(Boolean), `${target.selector} visible in the first frame`).toBe(true);
    }
    expect(hidden.frame.reduce((n, t) => n + t.hidden.length, 0)).toBe(found);

    // The pre-load layer on its own: read while the page is parsed, with the live layer's
    // stylesheet and <html> attributes taken away for the moment of reading (the state before the
    // content script has read the settings, however slow that read is on a busy page).
    const parseUrl = `${demo.url}${demo.url.includes('?') ? '&' : '?'}feedlens-parse-check`;
    const probe = `<script>(() => {
      const root = document.documentElement, live = document.getElementById('feedlens-hide');
      const saved = ['data-feedlens-ready', 'data-feedlens-hide'].map((name) => [name, root.getAttribute(name)]);
      saved.forEach(([name]) => root.removeAttribute(name));
      if (live) live.disabled = true;
      window.__atParse = ${JSON.stringify(targets)}.map(({ selector, mode }) => [...document.querySelectorAll(selector)].map((el) =>
        mode === 'display' ? getComputedStyle(el).display === 'none' : getComputedStyle(el).visibility === 'hidden'));
      saved.forEach(([name, value]) => value !== null && root.setAttribute(name, value));
      if (live) live.disabled = false;
    })();</script>`;
    harness.serve(parseUrl, demo.html.replace(/<\/body>/i, `${probe}</body>`));
    const parsing = await harness.open(parseUrl);
    const atParse = await parsing.evaluate(() => (window as unknown as { __atParse: boolean[][] }).__atParse);
    expect(atParse.flat().length).toBe(found);
    expect(atParse.flat().every(Boolean), 'counts visible with only the pre-load styles').toBe(true);
    await parsing.close();
    expect(await controlBoxes(hidden.page, targets), 'controls keep their size and position').toEqual(boxesShown);

    // Only counts go: every post's text and author that was visible stays visible.
    const posts = (await harness.storeContents<PostRecord>('posts')).filter((p) => p.platform === adapter.id);
    const hiddenText = await hidden.page.evaluate(() => document.body.innerText);
    for (const post of posts) {
      const snippet = post.text?.slice(0, 24);
      if (snippet && visibleText.includes(snippet)) expect(hiddenText).toContain(snippet);
    }

    // Live: the already-open page (loaded with counts showing) hides them without a reload…
    await setSettings(hidingOn(adapter.id, true));
    await waitFor(
      () =>
        shown.page.evaluate(
          (list) =>
            list.every(({ selector, mode }) =>
              [...document.querySelectorAll(selector)].every((el) =>
                mode === 'display' ? getComputedStyle(el).display === 'none' : getComputedStyle(el).visibility === 'hidden',
              ),
            ),
          targets,
        ),
      'the open tab to hide its counts',
    );
    // …and shows them again when switched off.
    await setSettings(hidingOn(adapter.id, false));
    await waitFor(
      () =>
        hidden.page.evaluate(
          (list) =>
            list.every(({ selector, mode }) =>
              [...document.querySelectorAll(selector)].every((el) =>
                mode === 'display' ? getComputedStyle(el).display !== 'none' : getComputedStyle(el).visibility !== 'hidden',
              ),
            ),
          targets,
        ),
      'the open tab to show its counts again',
    );
    await shown.page.close();
    await hidden.page.close();
  });
});

describe('hiding on X through the popup', () => {
  it('hides from the switch, keeps the like button clickable, and shows the counts again without reload', async () => {
    await setSettings(hidingOn('x', false));
    const { page, tabId } = await harness.openTab('https://x.com/home');
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    const toggle = popup.getByRole('switch', { name: 'Hide like counts' });
    await toggle.click();
    await waitFor(async () => (await toggle.getAttribute('aria-checked')) === 'true', 'the switch to turn on');

    const likeCount = page.locator('article').first().locator('[data-testid$="like"] span').first();
    await waitFor(() => likeCount.evaluate((el) => getComputedStyle(el).visibility === 'hidden'), 'the like count to hide');

    const like = page.locator('article').first().locator('[data-testid="like"]');
    await page.evaluate(() => {
      const button = document.querySelector('article [data-testid="like"]')!;
      button.addEventListener('click', () => button.setAttribute('data-clicked', 'yes'));
    });
    await like.click();
    expect(await like.getAttribute('data-clicked')).toBe('yes');

    await toggle.click();
    await waitFor(() => likeCount.evaluate((el) => getComputedStyle(el).visibility === 'visible'), 'the like count to show again');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1); // never reloaded
  });
});
