/** @vitest-environment happy-dom */
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rankPosts, type UsualComparison } from '@/lib/metrics/compare';
import { exact, type PostReading } from '@/lib/model';
import { openFeedlensDb, type FeedlensDatabase, type PostRecord } from '@/lib/storage/db';
import { ingestReadings } from '@/lib/storage/ingest';
import { PostList } from './PostList';
import { sparklinePath } from './Sparkline';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');

function reading(id: string, author: string, readAt: number, likes: number, views?: number): PostReading {
  return {
    platform: 'x',
    postId: id,
    url: `https://x.com/${author}/status/${id}`,
    author,
    postedAt: NOW - 7 * HOUR,
    text: `<b>post ${id}</b>`,
    counts: {
      likes: exact(likes),
      reposts: exact(2),
      replies: exact(1),
      bookmarks: exact(0),
      ...(views ? { views: exact(views) } : {}),
    },
    readAt,
  };
}

let db: FeedlensDatabase;
let container: HTMLElement;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
  container = document.createElement('div');
  document.body.replaceChildren(container);
});

async function posts(): Promise<PostRecord[]> {
  await ingestReadings(db, [
    reading('1', 'ada', NOW - 2 * HOUR, 100, 9000),
    reading('1', 'ada', NOW - HOUR, 150, 12000),
    reading('1', 'ada', NOW, 180, 15000),
    reading('2', 'bob', NOW, 5, 10),
  ]);
  return [(await db.get('posts', 'x:2'))!, (await db.get('posts', 'x:1'))!];
}

const usual: UsualComparison = { score: 1.8, min: 1.8, max: 1.8, age: '6h', baseline: { expected: 100, posts: 34 } };

async function show(list: PostRecord[], figures: boolean, selected: string | null = null, onSelect = vi.fn()) {
  const ranked = rankPosts(list, (p) => (p.key === 'x:1' ? usual : null));
  await act(() =>
    render(
      <PostList ranked={ranked} now={NOW} figures={figures} selected={selected} onSelect={onSelect} db={db} />,
      container,
    ),
  );
  return onSelect;
}

describe('the popup’s post list', () => {
  it('ranks the post doing best against its author’s usual first, and says by how much', async () => {
    await show(await posts(), true);
    const items = [...container.querySelectorAll('li.post')];
    expect(items.map((li) => li.getAttribute('data-post-key'))).toEqual(['x:1', 'x:2']);
    expect(items[0]!.querySelector('.post-standing')?.textContent).toBe('1.8× usual at 6 h, vs 34 of their posts');
    expect(items[0]!.querySelector('[data-ratio="engagementRate"] dd')?.textContent).toBe('1.2%'); // 183 / 15,000
    // Bob's 10 views are too few: his rate is shown greyed and said to be from too few.
    const few = items[1]!.querySelector('[data-ratio="engagementRate"]');
    expect(few?.classList.contains('low-sample')).toBe(true);
    expect(few?.textContent).toContain('too few to say much');
    // Text is text.
    expect(items[0]!.querySelector('.post-text')?.textContent).toBe('<b>post 1</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows no number at all where the user hides counts', async () => {
    await show(await posts(), false);
    expect(container.querySelectorAll('li.post')).toHaveLength(2);
    expect(container.querySelector('.counts, .ratios, .post-standing, button')).toBeNull();
    expect(container.textContent).not.toMatch(/\d+%|usual/);
  });

  it('opens a post’s history: its counts over time and a sparkline', async () => {
    const list = await posts();
    const onSelect = await show(list, true);
    container.querySelector<HTMLButtonElement>('li[data-post-key="x:1"] button')!.click();
    expect(onSelect).toHaveBeenCalledWith('x:1');
    await show(list, true, 'x:1');
    await vi.waitFor(() => expect(container.querySelectorAll('.history-table tbody tr')).toHaveLength(3));
    const rows = [...container.querySelectorAll('.history-table tbody tr')].map(
      (tr) => tr.querySelector('[data-metric="likes"]')?.textContent,
    );
    expect(rows).toEqual(['180', '150', '100']); // newest first
    expect(container.querySelector('svg.sparkline')?.getAttribute('aria-label')).toBe('Likes over time');
    expect(container.querySelector('[aria-expanded="true"]')?.textContent).toBe('Hide history');
  });
});

describe('a YouTube post in the popup', () => {
  it('is named by its site when it has no author, and has no reposts figures', async () => {
    await ingestReadings(db, [
      {
        platform: 'youtube',
        postId: 'dQw4w9WgXcQ',
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        postedAt: NOW - 7 * HOUR,
        text: 'A video',
        counts: { likes: exact(400), replies: exact(30), views: exact(20_000) },
        readAt: NOW,
      },
    ]);
    await show([(await db.get('posts', 'youtube:dQw4w9WgXcQ'))!], true);
    const item = container.querySelector('li.post')!;
    expect(item.querySelector('.post-author')?.textContent).toBe('Post on YouTube');
    expect(item.textContent).not.toContain('dQw4w9WgXcQ');
    const shown = [...item.querySelectorAll('[data-metric], [data-ratio]')].map(
      (el) => el.getAttribute('data-metric') ?? el.getAttribute('data-ratio'),
    );
    expect(shown).toEqual(['likes', 'replies', 'views', 'engagementRate', 'likesPerView', 'repliesPerLike']);
  });
});

describe('sparklines', () => {
  it('draws only known values, scaled to the box, and nothing from fewer than two', () => {
    expect(
      sparklinePath(
        [
          { at: 0, count: exact(0) },
          { at: 5, count: { precision: 'hidden' } },
          { at: 10, count: exact(10) },
        ],
        100,
        20,
      ),
    ).toBe('M0.0,20.0L100.0,0.0');
    expect(sparklinePath([{ at: 0, count: exact(3) }], 100, 20)).toBe('');
  });
});
