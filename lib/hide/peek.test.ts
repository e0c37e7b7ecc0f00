import { describe, expect, it } from 'vitest';
import { HOLD_MS, createPeekDetector } from './peek';

/** A fake clock: timers fire when the test advances time. */
function clock() {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let next = 0;
  return {
    setTimer(callback: () => void, ms: number) {
      const id = next++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimer(id: unknown) {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.callback();
    },
  };
}

function setup() {
  const time = clock();
  const peeked: string[] = [];
  const detector = createPeekDetector<string>({ ...time, onPeek: (post) => peeked.push(post) });
  return { time, peeked, detector };
}

describe('peeking at a post', () => {
  it('shows its counts after a half-second hold, not before', () => {
    const { time, peeked, detector } = setup();
    detector.press('post-1', 100, 100);
    time.advance(HOLD_MS - 1);
    expect(peeked).toEqual([]);
    time.advance(1);
    expect(peeked).toEqual(['post-1']);
  });

  it('peeks at nothing on a quick click, and lets that click through', () => {
    const { time, peeked, detector } = setup();
    detector.press('post-1', 100, 100);
    time.advance(120);
    detector.release();
    time.advance(HOLD_MS);
    expect(peeked).toEqual([]);
    expect(detector.takeClick()).toBe(false);
  });

  it('swallows the one click that ends a hold, so releasing on a like button likes nothing', () => {
    const { time, detector } = setup();
    detector.press('post-1', 100, 100);
    time.advance(HOLD_MS);
    detector.release();
    expect(detector.takeClick()).toBe(true);
    // The next click is the user's again.
    expect(detector.takeClick()).toBe(false);
  });

  it('treats a press that moves as a scroll, within a small tolerance', () => {
    const { time, peeked, detector } = setup();
    detector.press('post-1', 100, 100);
    detector.move(106, 106); // 8.5 px: a trembling finger
    time.advance(HOLD_MS);
    expect(peeked).toEqual(['post-1']);

    detector.press('post-2', 100, 100);
    detector.move(100, 140); // a scroll
    time.advance(HOLD_MS);
    expect(peeked).toEqual(['post-1']);
    expect(detector.takeClick()).toBe(false);
  });

  it('follows the latest press: a new press restarts the hold on its own post', () => {
    const { time, peeked, detector } = setup();
    detector.press('post-1', 0, 0);
    time.advance(300);
    detector.press('post-2', 0, 300);
    time.advance(300);
    expect(peeked).toEqual([]);
    time.advance(200);
    expect(peeked).toEqual(['post-2']);
  });

  it('peeks at once at the focused post on its shortcut, and swallows no click', () => {
    const { peeked, detector } = setup();
    detector.key('post-3');
    expect(peeked).toEqual(['post-3']);
    expect(detector.takeClick()).toBe(false);
  });
});
