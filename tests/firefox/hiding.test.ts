/**
 * Hiding in real Firefox, on X: with the switch on, no count is painted in a page's first frame
 * (Firefox's registered stylesheets apply before the page's own content), an open page hides its
 * counts in the first frame after the switch, and every control keeps its place and its clicks.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterById } from '../../lib/platforms/registry';
import { defaultSettings, type Settings } from '../../lib/settings/settings';
import { waitFor } from '../browser/harness';
import {
  controls,
  currentStyles,
  recordFirstFrames,
  targetsOf,
  watchFirstFrameAfterChange,
  type Styles,
} from '../browser/hide-probe';
import { fixturePage } from '../fixture-pages';
import { launchFirefox, type FirefoxHarness } from './harness';

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await launchFirefox();
});
afterAll(async () => harness?.close());

const x = adapterById('x')!;
const targets = targetsOf(x);
const X_HOME = fixturePage('x-home-timeline.html').url;
const hidden = (styles: Styles) => styles.flatMap((s) => s.hidden);

function hidingOnX(on: boolean): Settings {
  const settings = defaultSettings();
  settings.hide.sites.x = on;
  settings.hide.enabled = on;
  return settings;
}

async function registered(present: boolean): Promise<void> {
  await waitFor(
    async () => {
      const ids = await harness.inExtension(async () => {
        const { browser } = globalThis as unknown as {
          browser: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
        };
        return (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id);
      }, null);
      return ids.includes('feedlens-hide-x') === present;
    },
    `the X hide stylesheet to be ${present ? 'registered' : 'gone'}`,
    20_000,
  );
}

/** Loads X's timeline, recording each count's style in the first frame it could be painted in. */
async function loadRecordingFirstFrames(): Promise<{ page: Page; firstFrames: Styles }> {
  const page = await harness.open(
    X_HOME,
    `(${recordFirstFrames.toString()})(${JSON.stringify(targets)})`,
    `window.__currentStyles = ${currentStyles.toString()}`,
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const firstFrames = await page.evaluate(() => (window as unknown as { __firstFrames: Styles }).__firstFrames);
  return { page, firstFrames };
}

describe('hiding in Firefox', () => {
  it('never paints a count on X, and switches an open page in one frame', async () => {
    // Off first: the counts are painted, so the checks below are able to fail.
    await harness.saveSettings(hidingOnX(false));
    await registered(false);
    const shown = await loadRecordingFirstFrames();
    expect(hidden(shown.firstFrames).length).toBeGreaterThan(5);
    expect(hidden(shown.firstFrames).some(Boolean)).toBe(false);
    const before = await shown.page.evaluate(controls, targets);
    await shown.page.evaluate(watchFirstFrameAfterChange, targets);

    // On: the open page hides its counts in the first frame after the switch, without reload.
    await harness.saveSettings(hidingOnX(true));
    const afterChange = () =>
      shown.page.evaluate(() => (window as unknown as { __afterChange: Styles[] }).__afterChange);
    const [first] = await waitFor(
      async () => (await afterChange()).length > 0 && afterChange(),
      'the live switch',
      20_000,
    );
    expect(hidden(first!).every(Boolean)).toBe(true);

    // A page loaded now never paints a count: hidden from its first frame.
    await registered(true);
    const fresh = await loadRecordingFirstFrames();
    expect(hidden(fresh.firstFrames)).toHaveLength(hidden(shown.firstFrames).length);
    expect(hidden(fresh.firstFrames).every(Boolean)).toBe(true);

    // Controls stay where they were and still take clicks.
    const after = await fresh.page.evaluate(controls, targets);
    expect(after.map((c) => `${c.label} ${c.box.join(',')}`)).toEqual(
      before.map((c) => `${c.label} ${c.box.join(',')}`),
    );
    expect(after.filter((c) => !c.hit).map((c) => c.label)).toEqual([]);
  });

  it('applies the registered stylesheet while the page is parsed, before the content script’s layer', async () => {
    // A probe in the page's markup reads the counts' styles with the content script's live layer
    // taken away for the moment: what remains is the stylesheet Firefox injected at document_start.
    const url = `${X_HOME}?parse-check`;
    const probe = `<script>(() => {
      const root = document.documentElement;
      const live = document.getElementById('feedlens-hide');
      const attrs = ['data-feedlens-ready', 'data-feedlens-hide'].map((name) => [name, root.getAttribute(name)]);
      attrs.forEach(([name]) => root.removeAttribute(name));
      if (live) live.disabled = true;
      window.__atParse = (${currentStyles.toString()})(${JSON.stringify(targets)});
      attrs.forEach(([name, value]) => value !== null && root.setAttribute(name, value));
      if (live) live.disabled = false;
    })();</script>`;
    harness.serve(url, fixturePage('x-home-timeline.html').html.replace(/<\/body>/i, `${probe}</body>`));
    await registered(true);
    const page = await harness.open(url);
    const atParse = await page.evaluate(() => (window as unknown as { __atParse: Styles }).__atParse);
    expect(hidden(atParse).length).toBeGreaterThan(5);
    expect(hidden(atParse).every(Boolean)).toBe(true);
    expect(harness.strayRequests()).toEqual([]);
  });
});
