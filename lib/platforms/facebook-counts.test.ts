/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { reactionTotal, readCounts } from './facebook-counts';
import feedEn from './fixtures/facebook-feed-en.html?raw';
import feedPt from './fixtures/facebook-feed-pt.html?raw';
import type { ReadProblem } from './types';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('Facebook counts (facebook-feed-pt.html, facebook-feed-en.html)', () => {
  it('never the wrong field: a group post’s "Seen by 45" in the row is neither comments nor shares', () => {
    const doc = parse(feedEn);
    const shares = Array.from(doc.querySelectorAll('[aria-posinset="1"] [role="button"]')).find((b) =>
      b.textContent?.includes('3 shares'),
    )!;
    shares.parentElement!.insertAdjacentHTML(
      'afterend',
      '<div><div role="button"><span dir="auto">Seen by 45</span></div></div>',
    );
    const problems: ReadProblem[] = [];
    const counts = readCounts(doc.querySelector('[aria-posinset="1"]')!, {
      locale: 'en',
      problem: (p) => problems.push(p),
    });
    expect(counts).toMatchObject({ replies: { value: 45 }, reposts: { value: 3 } });
    expect(problems).toEqual([expect.objectContaining({ field: 'replies', raw: 'Seen by 45' })]);
    // And beside a button: a number that says "views" is not taken for shares.
    const button = doc
      .querySelector('[aria-posinset="1"] [data-ad-rendering-role="share_button"]')!
      .closest('[role="button"]')!;
    button.insertAdjacentHTML('beforeend', '<span dir="auto">1.2M views</span>');
    expect(
      readCounts(doc.querySelector('[aria-posinset="1"]')!, { locale: 'en', problem: () => undefined }).reposts,
    ).toBeUndefined();
  });

  it('reads reaction sentences in other languages by their number, not their words', () => {
    expect(reactionTotal('Você e outras 12 pessoas', 'pt')).toMatchObject({ precision: 'estimated', value: 13 });
    expect(reactionTotal('Ana Souza, Bruno Lima e outras 1,2 mil pessoas', 'pt')).toMatchObject({
      precision: 'estimated',
      value: 1201,
      min: 1151,
      max: 1252,
    });
    expect(reactionTotal('19', 'pt')).toEqual({ precision: 'exact', value: 19, raw: '19' });
    expect(reactionTotal('1.234', 'pt')).toMatchObject({ precision: 'exact', value: 1234 });
  });

  it('still reads the comment count of a post nobody reacted to (no number beside Like)', () => {
    const post = parse(feedPt).querySelector('[aria-posinset="1"]')!;
    post.querySelector('[aria-label="Curtir"] span[dir="auto"]')!.remove();
    post.querySelector('[role="toolbar"]')!.remove();
    expect(readCounts(post, { locale: 'pt', problem: () => undefined })).toEqual({
      replies: { precision: 'exact', value: 9, raw: '9' },
    });
  });

  it('reports a count it cannot read instead of inventing one', () => {
    const doc = parse(feedPt);
    const post = doc.querySelector('[aria-posinset="1"]')!;
    post
      .querySelector('[data-ad-rendering-role="comment_button"]')!
      .closest('[role="button"]')!
      .querySelector('span[dir="auto"]')!.textContent = '9.5';
    const problems: unknown[] = [];
    const counts = readCounts(post, { locale: 'pt', problem: (p) => problems.push(p) });
    expect(counts.replies).toBeUndefined();
    expect(counts.likes).toMatchObject({ value: 19 });
    expect(problems).toEqual([expect.objectContaining({ field: 'replies', raw: '9.5' })]);
  });
});
