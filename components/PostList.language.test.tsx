/** @vitest-environment happy-dom */
/**
 * The popup's posts, totals and history in the browser's language: every label from the catalog
 * and every number and date in that language's own form.
 */
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rankPosts } from '@/lib/metrics/compare';
import { exact, type PlatformId, type PostReading } from '@/lib/model';
import { openFeedlensDb, type FeedlensDatabase, type PostRecord } from '@/lib/storage/db';
import { ingestReadings } from '@/lib/storage/ingest';
import { loadCatalog } from '../tests/unit/catalogs';
import { PostList } from './PostList';
import { Totals } from './Totals';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');

/** The browser shows Feedlens in `language`, as Chrome does from that catalog. */
async function speak(language: string) {
  const catalog = await loadCatalog(language);
  fakeBrowser.i18n.getMessage = (key: string) => catalog.get(key) ?? '';
}

/** One post read `times` times, an hour apart, gaining 100 likes each time. */
function readings(times: number, platform: PlatformId = 'x'): PostReading[] {
  return Array.from({ length: times }, (_, i) => ({
    platform,
    postId: 'v1',
    url: platform === 'x' ? 'https://x.com/ada/status/v1' : 'https://www.youtube.com/watch?v=v1',
    ...(platform === 'x' ? { author: 'ada' } : {}),
    postedAt: NOW - 12 * HOUR,
    counts: {
      likes: exact(1000 + 100 * i),
      reposts: exact(20),
      replies: exact(5),
      views: exact(15_000 + 1000 * i),
      ...(platform === 'x' ? { bookmarks: exact(0) } : {}),
    },
    readAt: NOW - (times - 1 - i) * HOUR,
  }));
}

let db: FeedlensDatabase;
let container: HTMLElement;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
  container = document.createElement('div');
  document.body.replaceChildren(container);
});
afterEach(() => speak('en'));

async function stored(times: number, platform: PlatformId = 'x'): Promise<PostRecord> {
  await ingestReadings(db, readings(times, platform));
  return (await db.get('posts', `${platform}:v1`))!;
}

async function showList(post: PostRecord, selected: string | null = null) {
  const ranked = rankPosts([post], () => null);
  await act(() =>
    render(<PostList ranked={ranked} now={NOW} figures selected={selected} onSelect={() => {}} db={db} />, container),
  );
}

const texts = (selector: string) => [...container.querySelectorAll(selector)].map((el) => el.textContent);

describe('the popup’s post list in German', () => {
  it('names every count and ratio in German, with German digits', async () => {
    const post = await stored(1);
    await speak('de');
    await showList(post);
    expect(texts('.counts dt')).toEqual(['Likes', 'Reposts', 'Antworten', 'Aufrufe']);
    expect(container.querySelector('[data-metric="views"] dd')?.textContent).toBe('15.000');
    expect(texts('.ratios dt')).toEqual([
      'Interaktionen / Aufrufe',
      'Likes / Aufrufe',
      'Reposts / Likes',
      'Antworten / Likes',
    ]);
    // (1,000 + 20 + 5) ÷ 15,000 = 6.8 %, with a decimal comma.
    expect(container.querySelector('[data-ratio="engagementRate"] dd')?.textContent).toBe('6,8\u00a0%');
    expect(container.querySelector('[data-ratio="engagementRate"]')?.getAttribute('title')).toBe(
      'Interaktionsrate nach Aufrufen: (Likes + Reposts + Antworten + Lesezeichen) ÷ Aufrufe',
    );
    expect(container.querySelector('[data-ratio="repostsPerLike"]')?.getAttribute('title')).toBe('Reposts ÷ Likes');
    expect(container.querySelector('button')?.textContent).toBe('Verlauf');
  });

  it('opens a history with German headers, German dates and the older snapshots counted', async () => {
    const post = await stored(10);
    await speak('de');
    await showList(post, post.key);
    await vi.waitFor(() => expect(container.querySelectorAll('.history-table tbody tr')).toHaveLength(8));
    expect(texts('.history-table th')).toEqual(['Zeitpunkt', 'Likes', 'Reposts', 'Antworten', 'Aufrufe']);
    // Day, German month abbreviation, 24-hour clock: "22. Nov., 13:00" in the user's own time zone.
    expect(container.querySelector('.history-table tbody td')?.textContent).toMatch(/^\d{1,2}\. Nov\., \d{2}:\d{2}$/);
    expect(container.querySelector('.history-table [data-metric="likes"]')?.textContent).toBe('1.900');
    expect(container.querySelector('.history')?.getAttribute('aria-label')).toBe(
      'Verlauf dieses Beitrags (10 Messpunkte)',
    );
    expect(container.querySelector('svg.sparkline')?.getAttribute('aria-label')).toBe('Likes im Zeitverlauf');
    expect(container.querySelector('.history-growth')?.textContent).toBe('+100/Std. Likes');
    expect(container.querySelector('.history > p.muted')?.textContent).toBe(
      '2 ältere Messpunkte: ganzer Verlauf im Dashboard',
    );
    expect(container.querySelector('[aria-expanded="true"]')?.textContent).toBe('Verlauf ausblenden');
  });

  it('says "snapshot" once for a single older one in English', async () => {
    const post = await stored(9);
    await showList(post, post.key);
    await vi.waitFor(() => expect(container.querySelector('.history > p.muted')).not.toBeNull());
    expect(container.querySelector('.history > p.muted')?.textContent).toBe(
      '1 older snapshot: full history in the dashboard',
    );
  });
});

describe('the popup in Japanese', () => {
  it('names an authorless post by its site and counts snapshots without a plural', async () => {
    const post = await stored(1, 'youtube');
    await speak('ja');
    await showList(post, post.key);
    expect(container.querySelector('.post-author')?.textContent).toBe('YouTube の投稿');
    await vi.waitFor(() =>
      expect(container.querySelector('.history')?.getAttribute('aria-label')).toBe('この投稿の履歴（記録 1 件）'),
    );
  });
});

describe('the popup’s totals in German', () => {
  it('labels the page’s totals in German and writes their sums with German digits', async () => {
    const post = await stored(1);
    await speak('de');
    const twice = [post.latest, post.latest];
    await act(() => render(<Totals posts={twice} platform="x" />, container));
    expect(container.querySelector('.totals')?.getAttribute('aria-label')).toBe('Summen für diese Seite');
    expect(texts('.counts dt')).toEqual(['Beiträge', 'Likes', 'Reposts', 'Antworten', 'Aufrufe']);
    expect(container.querySelector('[data-metric="likes"] dd')?.textContent).toBe('2.000');
    expect(texts('.ratios dt')).toEqual(['Likes / Aufrufe', 'Reposts / Likes', 'Antworten / Likes']);
  });
});
