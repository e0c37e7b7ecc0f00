/**
 * The toolbar button in real Chromium with the built extension: each tab's badge and title say
 * what Feedlens does there (reading, counts hidden, paused, or nothing on an unsupported site).
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterById } from '../../lib/platforms/registry';
import { defaultSettings, withSiteHiding } from '../../lib/settings/settings';
import { fixturePages } from '../fixture-pages';
import { breakPosts } from '../site-change';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
  harness.serve('https://example.org/', '<!doctype html><html lang="en"><title>Example</title><p>hi</p></html>');
});
afterAll(async () => harness?.close());

interface ActionGlobal {
  chrome: {
    action: {
      getBadgeText(d: { tabId: number }): Promise<string>;
      getTitle(d: { tabId: number }): Promise<string>;
    };
  };
}

/** What the toolbar button shows on this tab. */
const button = (tabId: number) =>
  harness.inBackground(async (id) => {
    const { action } = (globalThis as unknown as ActionGlobal).chrome;
    return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);

const waitForTitle = (tabId: number, title: string) =>
  waitFor(
    async () => ((await button(tabId)).title === title ? button(tabId) : false),
    `the button to say "${title}"`,
    20_000,
  );

/** X's home timeline after a redesign its post selector misses. */
function redesignedX(): string {
  const home = fixturePages().find((p) => p.file === 'x-home-timeline.html')!;
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  const doc = new window.DOMParser().parseFromString(home.html, 'text/html') as unknown as Document;
  breakPosts(doc, adapterById('x')!);
  const html = `<!doctype html>\n${doc.documentElement.outerHTML}`;
  void window.happyDOM.close();
  return html;
}

describe('the toolbar button', () => {
  it('shows reading on a supported page, and hidden counts there once hiding is switched on', async () => {
    const { tabId } = await harness.openTab('https://x.com/home');
    const reading = await waitForTitle(tabId, 'Feedlens: reading posts on X');
    expect(reading.text).toBe('●');

    await harness.saveSettings(withSiteHiding(defaultSettings(), 'x', true));
    expect((await waitForTitle(tabId, 'Feedlens: counts hidden on X')).text).toBe('–');
    await harness.saveSettings(defaultSettings());
    await waitForTitle(tabId, 'Feedlens: reading posts on X');
  });

  it('shows paused on a page whose posts are no longer recognized, in that tab only', async () => {
    harness.serve('https://x.com/redesigned', redesignedX());
    const { tabId: good } = await harness.openTab('https://x.com/home');
    const { tabId: broken } = await harness.openTab('https://x.com/redesigned');
    const paused = await waitForTitle(broken, 'Feedlens: reading paused on X: the page’s layout was not recognized');
    expect(paused.text).toBe('!');
    expect(await button(good)).toEqual({ text: '●', title: 'Feedlens: reading posts on X' });
  });

  it('shows no badge on a site Feedlens does not read', async () => {
    const { tabId } = await harness.openTab('https://example.org/');
    const shown = await waitForTitle(tabId, 'Feedlens: this site is not one Feedlens reads');
    expect(shown.text).toBe('');
  });
});
