/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import shortsEn from './fixtures/youtube-shorts-en.html?raw';
import { youtube } from './youtube';
import { SHORTS_HIDE } from './youtube-shorts';

/**
 * The Shorts player as the user swipes: which reel is read, under which id, and when. The fixture
 * (youtube-shorts-en.html) has the active Short Kp4sW9mQ2zL, the next one (Rb7nT3vX8cJ) preloaded
 * with its own counts, and a slot still loading.
 */
const NOW = Date.parse('2026-06-14T12:00:00Z');
const ACTIVE = 'Kp4sW9mQ2zL';
const NEXT = 'Rb7nT3vX8cJ';

const load = () => new DOMParser().parseFromString(shortsEn, 'text/html');
const at = (id: string) => new URL(`https://www.youtube.com/shorts/${id}`);
const reels = (doc: Document) => [...doc.querySelectorAll('ytd-reel-video-renderer')];
/** What YouTube does on a swipe: the reel on screen changes (the address follows on its own). */
function activate(doc: Document, index: number): void {
  reels(doc).forEach((reel, i) => reel.toggleAttribute('is-active', i === index));
}
const read = (doc: Document, id: string) => youtube.scan(doc, { url: at(id), now: NOW });
const ids = (doc: Document, id: string) => [...new Set(read(doc, id).readings.map((r) => r.postId))];

describe('following a swipe on the Shorts player', () => {
  it('reads the next Short once both the address and the active reel have moved to it, in either order', () => {
    // The address first: the active reel still shows the previous Short, whose poster disagrees.
    const addressFirst = load();
    expect(ids(addressFirst, NEXT)).toEqual([]);
    activate(addressFirst, 1);
    // The active reel first: the address still names the previous Short.
    const activeFirst = load();
    activate(activeFirst, 1);
    expect(ids(activeFirst, ACTIVE)).toEqual([]);

    for (const doc of [addressFirst, activeFirst]) {
      const [short] = read(doc, NEXT).readings;
      expect(short).toMatchObject({
        postId: NEXT,
        author: 'crumbandcrust',
        text: 'Why steam makes the crust crackle',
        counts: { likes: { precision: 'exact', value: 2407 }, replies: { precision: 'exact', value: 1052 } },
      });
      expect(ids(doc, NEXT)).toEqual([NEXT]);
    }
  });

  it('never files the previous Short’s counts under the next one’s id, nor the other way round', () => {
    const doc = load();
    activate(doc, 1);
    // Mid-swipe neither reel is read: a skipped reel is not an unreadable candidate either.
    expect(read(doc, ACTIVE)).toMatchObject({ readings: [], candidates: 0, problems: [] });
    // Back up again: the first Short, with its own counts.
    activate(doc, 0);
    expect(read(doc, ACTIVE).readings[0]!.counts.replies).toMatchObject({ value: 318 });
  });

  it('waits while the reel names another video in its own markup: its video-id, or the player in it', () => {
    const doc = load();
    reels(doc)[0]!.setAttribute('video-id', NEXT);
    expect(ids(doc, ACTIVE)).toEqual([]);
    reels(doc)[0]!.setAttribute('video-id', ACTIVE);
    expect(ids(doc, ACTIVE)).toEqual([ACTIVE]);
    // The player moved into the reel but still plays the Short swiped away from.
    reels(doc)[0]!.querySelector('#player-container')!.innerHTML =
      `<a class="ytp-title-link" href="https://www.youtube.com/shorts/${NEXT}"></a>`;
    expect(ids(doc, ACTIVE)).toEqual([]);
  });

  it('without is-active anywhere, reads the reel whose poster names the address, and only that one', () => {
    const doc = load();
    activate(doc, -1);
    expect(ids(doc, NEXT)).toEqual([NEXT]);
    expect(ids(doc, ACTIVE)).toEqual([ACTIVE]);
    // Nothing tells the reels apart any more: reported (reading pauses), nothing guessed.
    for (const poster of doc.querySelectorAll('[style*="/vi/"]')) poster.remove();
    const blind = read(doc, ACTIVE);
    expect(blind.readings).toEqual([]);
    expect(blind.problems).toContainEqual({ field: 'id', selector: 'ytd-reel-video-renderer[is-active]' });
  });

  it('reads an overlay YouTube moved out of the reels as the Short in the address', () => {
    const doc = load();
    const overlay = reels(doc)[0]!.querySelector('ytd-reel-player-overlay-renderer')!;
    for (const reel of reels(doc)) reel.remove();
    doc.body.append(overlay);
    expect(ids(doc, ACTIVE)).toEqual([ACTIVE]);
  });

  it('reads nothing of the Shorts player kept in the DOM once the user has left it', () => {
    const doc = load();
    expect(ids(doc, ACTIVE)).toEqual([ACTIVE]);
    // In-app navigation to a video: the player is still there (and may still be visible a moment).
    expect(youtube.scan(doc, { url: new URL('https://www.youtube.com/watch?v=Zz9yX8wV7uT') })).toMatchObject({
      readings: [],
      candidates: 0,
    });
    doc.querySelector('ytd-shorts')!.setAttribute('hidden', '');
    expect(read(doc, ACTIVE)).toMatchObject({ readings: [], candidates: 0 });
  });
});

describe('Shorts counts', () => {
  const overlay = (doc: Document) => reels(doc)[0]!.querySelector('yt-reel-player-overlay-view-model')!;
  const button = (doc: Document, label: string) => overlay(doc).querySelector(`button[aria-label^="${label}"]`)!;
  const textBeside = (el: Element) => el.closest('label')!.querySelector(':scope > div span')!;

  it('stores no comment count where comments are off, and 0 only where a 0 is printed', () => {
    const doc = load();
    const comments = button(doc, 'View');
    comments.setAttribute('aria-label', 'Comments are turned off');
    textBeside(comments).textContent = 'Comments';
    expect(read(doc, ACTIVE).readings[0]!.counts.replies).toBeUndefined();
    comments.setAttribute('aria-label', 'View 0 comments');
    textBeside(comments).textContent = '0';
    expect(read(doc, ACTIVE).readings[0]!.counts.replies).toEqual({ precision: 'exact', value: 0, raw: '0' });
  });

  it('reads likes the creator hid as hidden, and the visible number when the label has none', () => {
    const doc = load();
    const like = button(doc, 'like this video');
    like.setAttribute('aria-label', 'like this video');
    textBeside(like).textContent = 'Like';
    expect(read(doc, ACTIVE).readings[0]!.counts.likes).toEqual({ precision: 'hidden', raw: 'Like' });
    textBeside(like).textContent = '1.2M';
    expect(read(doc, ACTIVE).readings[0]!.counts.likes).toMatchObject({ min: 1_200_000, max: 1_300_000 });
  });

  it('says why when an overlay shows a Short but no like button it knows', () => {
    const doc = load();
    for (const bar of doc.querySelectorAll('reel-action-bar-view-model')) bar.remove();
    const result = read(doc, ACTIVE);
    expect(result.readings).toEqual([]);
    expect(result.problems[0]).toMatchObject({ field: 'likes' });
    expect(result.candidates).toBe(2);
  });

  it('hides exactly the numbers beside the like and comments buttons, in every reel', () => {
    const doc = load();
    const texts = (selectors: readonly string[]) =>
      selectors.flatMap((s) => [...doc.querySelectorAll(s)].map((el) => el.textContent!.trim()));
    expect(texts(SHORTS_HIDE.likes)).toEqual(['12K', '2.4K']);
    expect(texts(SHORTS_HIDE.replies)).toEqual(['318', '1K']);
  });
});
