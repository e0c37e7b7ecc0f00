/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openFeedlensDb } from '@/lib/storage/db';
import { loadCatalog } from '@/tests/unit/catalogs';
import { OptionsApp } from './App';

const english = fakeBrowser.i18n.getMessage;

/** Words only English text has (site names and "Feedlens" are the same in every language). */
const ENGLISH =
  /\b(the|and|of|to|on|for|is|are|with|from|when|what|how|not|my|your|posts?|counts?|hide|show|hover|delete|keep|add|save|site|settings|data)\b/i;

async function settingsPageIn(language: string) {
  const catalog = await loadCatalog(language);
  fakeBrowser.i18n.getMessage = (key: string) => catalog.get(key) ?? '';
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Feedlens', version: '0.1.0' });
  // The fake browser has no permissions API; no Mastodon server is added here.
  const events = { addListener: () => undefined, removeListener: () => undefined };
  Object.assign(fakeBrowser.permissions, {
    onAdded: events,
    onRemoved: events,
    getAll: async () => ({ origins: [], permissions: [] }),
  });
  const db = await openFeedlensDb();
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(<OptionsApp db={db} />, container));
  // Settings load first, then the stored totals are counted: the last words to arrive.
  await vi.waitFor(() => expect(container.querySelector('.storage-used')).not.toBeNull());
  return container;
}

/** What a user reads or hears, piece by piece: each text node, and names and placeholders given in attributes. */
function wordsOf(root: Element): string[] {
  const words: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) words.push(node.textContent ?? '');
  for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]'))
    for (const name of ['aria-label', 'placeholder', 'title']) words.push(el.getAttribute(name) ?? '');
  return words.map((w) => w.trim()).filter(Boolean);
}

afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
  document.body.innerHTML = '';
});

describe('the settings page', () => {
  it('is all in German for a German browser, weekdays included', async () => {
    const page = await settingsPageIn('de');
    expect(page.querySelector('h1')?.textContent).toBe('Feedlens-Einstellungen');
    expect(page.textContent).toContain('Nur zu bestimmten Zeiten');
    const leftovers = wordsOf(page).filter((words) =>
      ENGLISH.test(words.replaceAll('chrome://extensions/shortcuts', '')),
    );
    expect(leftovers).toEqual([]);
    const days = [...page.querySelectorAll('.days label')].map((l) => l.textContent?.trim());
    expect(days).toContain(new Intl.DateTimeFormat('de', { weekday: 'short' }).format(new Date(2026, 10, 23)));
  });

  it('has no English left in Japanese either, where any Latin word outside names would stand out', async () => {
    const page = await settingsPageIn('ja');
    expect(page.querySelector('h1')?.textContent).toBe('Feedlens の設定');
    const leftovers = wordsOf(page).filter((words) =>
      ENGLISH.test(words.replaceAll('chrome://extensions/shortcuts', '')),
    );
    expect(leftovers).toEqual([]);
  });

  it('is in English for an English browser, where the same check finds the English words', async () => {
    const page = await settingsPageIn('en');
    expect(wordsOf(page).filter((words) => ENGLISH.test(words)).length).toBeGreaterThan(20);
    expect(page.textContent).toContain('Only at certain times');
  });
});
