/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openFeedlensDb } from '@/lib/storage/db';
import type { StoredTotals } from '@/lib/storage/delete';
import { loadCatalog } from '@/tests/unit/catalogs';
import { DeleteData } from './DeleteData';

const english = fakeBrowser.i18n.getMessage;
const TOTALS: StoredTotals = { posts: 12_400, snapshots: 50_000, sites: { x: 12_000, reddit: 400 } };

async function mount(language: string, totals = TOTALS) {
  const catalog = await loadCatalog(language);
  fakeBrowser.i18n.getMessage = (key: string) => catalog.get(key) ?? '';
  const db = await openFeedlensDb();
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(<DeleteData db={db} totals={totals} busy={false} onDone={() => undefined} />, container));
  return container;
}

const button = (root: Element, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
  document.body.innerHTML = '';
});

describe('deleting data, asked in the UI language', () => {
  it('asks in German, with German numbers, before deleting everything', async () => {
    const page = await mount('de');
    expect(page.querySelector('option')?.textContent).toBe('X (12.000 Beiträge)');
    act(() => button(page, 'Alle Daten löschen…').click());
    const dialog = page.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Gelöscht werden 12.400 Beiträge und 50.000 Messpunkte von allen Websites.');
    expect(dialog.textContent).toContain('Das lässt sich nicht rückgängig machen.');
    expect(button(dialog, 'Meine Daten behalten')).toBeDefined();
  });

  it('asks about one site in Japanese', async () => {
    const page = await mount('ja');
    act(() => button(page, 'X のデータを削除…').click());
    expect(page.querySelector('#confirm-question')?.textContent).toBe('X の投稿 12,000 件をすべて削除しますか？');
  });

  it('says "the 1 post", not "all 1 posts", in English', async () => {
    const page = await mount('en', { posts: 1, snapshots: 2, sites: { reddit: 1 } });
    act(() => button(page, 'Delete Reddit data…').click());
    expect(page.querySelector('#confirm-question')?.textContent).toBe('Delete the 1 post from Reddit?');
  });
});
