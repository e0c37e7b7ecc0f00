/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { exact } from '../model';
import type { PostDraft } from '../platforms/types';
import { createPostRegistry } from './posts';

const draft = (id: string, likes: number): PostDraft => ({
  platform: 'x',
  postId: id,
  url: `https://x.com/a/status/${id}`,
  counts: { likes: exact(likes) },
});
const cell = () => document.body.appendChild(document.createElement('article'));

describe('the overlay’s register of posts', () => {
  it('tells a new post, an unchanged one (with its badge in place) and a changed one apart', () => {
    const posts = createPostRegistry();
    const element = cell();
    const first = posts.read(element, 'x:1', draft('1', 5), 'likes=5');
    expect(first.kind).toBe('new');
    // Without a badge in the page yet, a reading is not "same": the badge still has to be drawn.
    expect(posts.read(element, 'x:1', draft('1', 5), 'likes=5').kind).toBe('changed');
    const host = element.appendChild(document.createElement('feedlens-badge'));
    if (first.kind !== 'duplicate') first.entry.badge = { host } as never;
    expect(posts.read(element, 'x:1', draft('1', 5), 'likes=5').kind).toBe('same');
    const changed = posts.read(element, 'x:1', draft('1', 6), 'likes=6');
    expect(changed.kind).toBe('changed');
    expect(changed.kind !== 'duplicate' && changed.entry.print).toBe('likes=6');
  });

  it('follows an element recycled for another post, and keeps one element per post', () => {
    const posts = createPostRegistry();
    const a = cell();
    const b = cell();
    posts.read(a, 'x:1', draft('1', 5), 'p');
    // The feed reuses `a` for post 2: post 1 no longer has an owner, post 2 is on `a`.
    expect(posts.read(a, 'x:2', draft('2', 1), 'q').kind).toBe('changed');
    expect(posts.ownerOf('x:1')).toBeUndefined();
    expect(posts.ownerOf('x:2')).toBe(a);
    // The page shows post 2 again in `b`: a duplicate while `a` is in the page…
    expect(posts.read(b, 'x:2', draft('2', 1), 'q')).toEqual({ kind: 'duplicate' });
    // …and `b` takes over once `a` is gone.
    a.remove();
    expect(posts.read(b, 'x:2', draft('2', 1), 'q').kind).toBe('new');
    expect(posts.ownerOf('x:2')).toBe(b);
  });

  it('forgets an element and its ownership', () => {
    const posts = createPostRegistry();
    const a = cell();
    posts.read(a, 'x:1', draft('1', 5), 'p');
    posts.forget(a);
    expect(posts.size).toBe(0);
    expect(posts.get(a)).toBeUndefined();
    expect(posts.ownerOf('x:1')).toBeUndefined();
  });
});
