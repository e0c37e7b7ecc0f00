/** @vitest-environment happy-dom */
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exact, type PostReading } from '@/lib/model';
import { defaultSettings } from '@/lib/settings/settings';
import { saveSettings } from '@/lib/settings/store';
import { openFeedlensDb, type FeedlensDatabase } from '@/lib/storage/db';
import { ingestReadings } from '@/lib/storage/ingest';
import { loadCatalog } from '../../tests/unit/catalogs';
import { DashboardApp } from './App';

const downloads = vi.hoisted(() => [] as { text: string; name: string }[]);
vi.mock('@/lib/ui/download', () => ({
  downloadText: (parts: string[], name: string) => downloads.push({ text: parts.join(''), name }),
}));

const HOUR = 3600_000;
const NOW = Date.now();

/** A post seen at 24 h after posting with `likes` (and a tenth as many reposts, replies, no bookmarks). */
function seen(id: number, author: string, likes: number, text = `post ${id}`): PostReading[] {
  const postedAt = NOW - 48 * HOUR - id * HOUR;
  const counts = {
    likes: exact(likes),
    reposts: exact(0),
    replies: exact(0),
    bookmarks: exact(0),
    views: exact(likes * 50),
  };
  return [
    {
      platform: 'x',
      postId: String(id),
      url: `https://x.com/${author}/status/${id}`,
      author,
      postedAt,
      text,
      counts,
      readAt: postedAt + 24 * HOUR,
    },
  ];
}

let db: FeedlensDatabase;
let container: HTMLElement;
beforeEach(async () => {
  fakeBrowser.reset();
  downloads.length = 0;
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
  container = document.createElement('div');
  document.body.replaceChildren(container);
});

async function open(hash = '') {
  await act(() => render(<DashboardApp db={db} hash={hash} />, container));
  await vi.waitFor(() => expect(container.querySelector('[aria-busy]')).toBeNull());
}

const rowsOf = (table: string) => [...container.querySelectorAll(`[data-table="${table}"] tbody tr`)];

describe('the dashboard', () => {
  it('tells the user what to do when nothing is stored yet', async () => {
    await open();
    expect(container.textContent).toContain('Nothing stored yet');
    expect(container.textContent).toContain('scroll');
  });

  it('shows stored posts, and asks for the user’s accounts before comparing', async () => {
    await ingestReadings(db, [...seen(1, 'ada', 100, 'Hello, "world"'), ...seen(2, 'bob', 300)]);
    await open();
    await vi.waitFor(() => expect(rowsOf('posts')).toHaveLength(2));
    expect(rowsOf('posts')[0]!.textContent).toContain('Hello, "world"');
    expect(container.querySelector('#mine-heading')?.parentElement?.textContent).toContain('Name your X accounts');
    expect(container.textContent).toContain('Published benchmarks, for context');
    expect(container.textContent).toContain('Buffer 2025');
  });

  it('compares my posts with the peers’ median at the same age once my account is named', async () => {
    await saveSettings({ ...defaultSettings(), accounts: { ...defaultSettings().accounts, x: ['ada'] } });
    await ingestReadings(db, [
      ...seen(1, 'Ada', 400),
      ...seen(2, 'bob', 100),
      ...seen(3, 'cy', 200),
      ...seen(4, 'dee', 300),
    ]);
    await open();
    await vi.waitFor(() => expect(rowsOf('mine-vs-peers-24h')).toHaveLength(1));
    const cells = [...rowsOf('mine-vs-peers-24h')[0]!.querySelectorAll('td')].map((td) => td.textContent);
    // Ada (stored as "Ada") is found from the lower-case handle; 400 against the peers' median of 200.
    expect(cells.slice(1)).toEqual(['@Ada', 'post 1', '400', '200', '2.00×', '100 (few peers)']);
  });

  it('exports a table as CSV, quoted and safe to open in a spreadsheet', async () => {
    await ingestReadings(db, [...seen(1, 'ada', 100, '=1+2, "quoted"\nnext line')]);
    await open();
    await vi.waitFor(() => expect(rowsOf('posts')).toHaveLength(1));
    container.querySelector<HTMLButtonElement>('[data-table="posts"] button.button')!.click();
    expect(downloads).toHaveLength(1);
    // A byte order mark (Excel reads the file as UTF-8), and the rate as a percentage.
    expect(downloads[0]!.text.startsWith('\uFEFF')).toBe(true);
    const [header, row] = downloads[0]!.text.slice(1).split('\r\n');
    expect(header).toBe(
      'Posted (local time),Author,Post,Likes,Reposts,Replies,Views,Latest engagement rate by views (%),Interactions at age 24 h,Link',
    );
    expect(row).toContain(`ada,"'=1+2, ""quoted""\nnext line",100,0,0,5000,2,100,https://x.com/ada/status/1`);
    expect(downloads[0]!.name).toMatch(/^feedlens-posts-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('filters by author, and opens a post’s history from the table or the address', async () => {
    await ingestReadings(db, [...seen(1, 'ada', 100), ...seen(2, 'bob', 300)]);
    await open('#post=x:2');
    await vi.waitFor(() => expect(rowsOf('history-2')).toHaveLength(1));
    const author = container.querySelector<HTMLInputElement>('input[name="author"]')!;
    author.value = 'bob';
    author.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(rowsOf('posts')).toHaveLength(1));
    expect(rowsOf('posts')[0]!.textContent).toContain('@bob');
  });
});

/** The browser shows Feedlens in `language`, as Chrome does from that catalog. */
async function speak(language: string) {
  const catalog = await loadCatalog(language);
  fakeBrowser.i18n.getMessage = (key: string) => catalog.get(key) ?? '';
}
const headings = () => [...container.querySelectorAll('h1, h2')].map((h) => h.textContent);

describe('the dashboard at a glance', () => {
  afterEach(() => speak('en'));

  it('puts the totals of the matching posts first, above every chart and table', async () => {
    await ingestReadings(db, [...seen(1, 'ada', 100), ...seen(2, 'bob', 300)]);
    await open();
    const summary = container.querySelector('[aria-labelledby="summary-heading"]')!;
    await vi.waitFor(() => expect(summary.querySelector('[data-metric="likes"] dd')?.textContent).toBe('400'));
    expect(summary.querySelector('[data-metric="posts"] dd')?.textContent).toBe('2');
    // Engagement pooled over both posts: (100 + 300) likes ÷ (5,000 + 15,000) views.
    expect(summary.querySelector('[data-ratio="engagementRate"] dd')?.textContent).toBe('2%');
    const first = container.querySelector('.data, .chart')!;
    expect(summary.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('speaks German with German numbers when the browser is in German', async () => {
    await ingestReadings(db, [...seen(1, 'ada', 1234), ...seen(2, 'bob', 300)]);
    await open();
    await vi.waitFor(() => expect(rowsOf('posts')).toHaveLength(2));
    const english = headings();

    await speak('de');
    render(null, container);
    await open();
    await vi.waitFor(() => expect(rowsOf('posts')).toHaveLength(2));
    expect(headings()).toContain('Auf einen Blick');
    // Every heading changed language: none is left in English.
    expect(headings().filter((h) => english.includes(h))).toEqual([]);
    const headers = [...container.querySelectorAll('[data-table="posts"] th')].map((th) => th.textContent);
    expect(headers).toContain('Veröffentlicht (Ortszeit)');
    expect(headers).toContain('Antworten');
    const likes = container.querySelector('[data-table="posts"] [data-row="x:1"] [data-col="likes"]');
    expect(likes?.textContent).toBe('1.234');
    expect(container.querySelector('[data-metric="likes"] dd')?.textContent).toBe('1.534');
  });
});
