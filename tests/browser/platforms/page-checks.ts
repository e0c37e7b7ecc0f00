/**
 * What the platform browser tests check on a served page beyond what is stored: that the in-feed
 * badges go on every post read without moving anything or covering a control (the box comparison of
 * tests/browser/overlay.test.ts), and that the popup lists the page's posts with their ratios.
 */
import type { PlatformId } from '../../../lib/model';
import { OVERLAY_TAG } from '../../../lib/overlay/host';
import { defaultSettings } from '../../../lib/settings/settings';
import { waitFor, type Harness } from '../harness';
import { badges, pageLayout, showWholePage } from '../overlay-probe';

type ChromeGlobal = { chrome: { tabs: { sendMessage(id: number, message: object): Promise<{ keys: string[] }> } } };

/** The keys of the posts the page's reader has read. */
export function pageKeys(harness: Harness, tabId: number): Promise<string[]> {
  return harness.inBackground(async (id) => {
    const reply = await (globalThis as unknown as ChromeGlobal).chrome.tabs.sendMessage(id, { type: 'page-posts' });
    return reply.keys;
  }, tabId);
}

export interface BadgeCheck {
  keys: string[];
  badges: { text: string; anchor: string }[];
  /** Page elements whose box changed when the badges appeared ("TAG x,y,w,h"): should be none. */
  moved: string[];
  /** Controls clickable without badges and not with them: should be none. */
  covered: string[];
}

/** Opens `url` with badges off, then switches them on live and compares the page before and after. */
export async function checkBadges(harness: Harness, url: string, platform: PlatformId): Promise<BadgeCheck> {
  const off = defaultSettings();
  off.overlay.sites[platform as keyof typeof off.overlay.sites] = false;
  await harness.saveSettings(off);
  const { page, tabId } = await harness.openTab(url);
  await waitFor(async () => (await pageKeys(harness, tabId)).length > 0, `posts read on ${url}`);
  await showWholePage(page);
  const without = await page.evaluate(pageLayout, OVERLAY_TAG);
  await harness.saveSettings(defaultSettings());
  const keys = await pageKeys(harness, tabId);
  const count = () => page.evaluate((tag) => document.querySelectorAll(tag).length, OVERLAY_TAG);
  await waitFor(async () => (await count()) === keys.length, `${keys.length} badges on ${url}`);
  const shown = await page.evaluate(badges, OVERLAY_TAG);
  const withBadges = await page.evaluate(pageLayout, OVERLAY_TAG);
  const wasClickable = new Set(without.controls.filter((c) => c.hit).map((c) => c.label));
  await page.close();
  return {
    keys,
    badges: shown.map(({ text, anchor }) => ({ text, anchor })),
    moved:
      withBadges.boxes.length === without.boxes.length
        ? withBadges.boxes.filter((box, i) => box !== without.boxes[i])
        : ['(elements were added or removed)'],
    covered: withBadges.controls.filter((c) => !c.hit && wasClickable.has(c.label)).map((c) => c.label),
  };
}

/** The popup for a tab on `url` once it lists `count` posts: each post's key and ratio texts. */
export async function popupPosts(harness: Harness, url: string, count: number) {
  await harness.saveSettings(defaultSettings());
  const { tabId } = await harness.openTab(url);
  const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
  await waitFor(async () => (await popup.locator('li.post').count()) === count, `${count} posts in the popup`);
  const posts = await popup.locator('li.post').evaluateAll((items) =>
    items.map((li) => ({
      key: li.getAttribute('data-post-key'),
      ratios: Object.fromEntries(
        [...li.querySelectorAll('[data-ratio]')].map((r) => [
          r.getAttribute('data-ratio'),
          r.querySelector('dd')?.textContent ?? '',
        ]),
      ),
    })),
  );
  await popup.close();
  return posts;
}

export interface HiddenCheck {
  /** Rendered text with a digit inside the given areas: should be none. */
  digits: string[];
  /** Controls a click on whose middle does not reach them: should be none. */
  unreachable: string[];
}

/**
 * Opens `url` with hiding on for its site and looks at the action areas `areas` selects: no digit
 * is rendered there (innerText leaves out what is invisible), and every control in them that is not
 * itself a hidden count still takes a click on its middle.
 */
export async function checkHidden(
  harness: Harness,
  url: string,
  platform: PlatformId,
  areas: string,
): Promise<HiddenCheck> {
  const settings = defaultSettings();
  settings.hide.sites[platform as keyof typeof settings.hide.sites] = true;
  settings.hide.enabled = true;
  await harness.saveSettings(settings);
  const page = await harness.open(url);
  const result = await page.evaluate((selector) => {
    const found = [...document.querySelectorAll<HTMLElement>(selector)];
    const controls = found.flatMap((area) => [
      ...(area.matches('button, a[href], [role="button"]') ? [area] : []),
      ...area.querySelectorAll<HTMLElement>('button, a[href], [role="button"]'),
    ]);
    // A control that is wholly a count (Instagram's "4" opening the comments, a reaction icon in
    // Facebook's toolbar) is hidden with it by design; every other one must still take clicks.
    const reachable = (el: HTMLElement) => {
      if (getComputedStyle(el).visibility === 'hidden') return true;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return true;
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !!hit && el.contains(hit);
    };
    return {
      areas: found.length,
      digits: found.map((a) => a.innerText).filter((t) => /\d/.test(t)),
      unreachable: controls
        .filter((c) => !reachable(c))
        .map((c) => c.getAttribute('aria-label') ?? c.outerHTML.slice(0, 60)),
    };
  }, areas);
  await page.close();
  await harness.saveSettings(defaultSettings());
  if (result.areas === 0) throw new Error(`no action area ${areas} on ${url}`);
  return { digits: result.digits, unreachable: result.unreachable };
}
