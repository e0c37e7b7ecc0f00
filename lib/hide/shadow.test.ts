/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { reddit } from '../platforms/reddit';
import { FAST_RETRY_FRAMES, installShadowHiding, SLOW_RETRY_MS } from './shadow';

/** Frames and timers that run only when the test says so. */
function clock() {
  const frames: (() => void)[] = [];
  const timers: { ms: number; run: () => void }[] = [];
  return {
    frames,
    timers,
    requestFrame: (cb: () => void) => void frames.push(cb),
    setTimer: (cb: () => void, ms: number) => void timers.push({ ms, run: cb }),
    frame: () => frames.splice(0).forEach((cb) => cb()),
    tick: () => timers.splice(0).forEach((t) => t.run()),
  };
}

const styled = (host: Element) => !!host.shadowRoot?.querySelector('style.feedlens-shadow-hide');

beforeEach(() => document.body.replaceChildren());

describe('the stylesheet inside new Reddit’s shadow roots', () => {
  it('goes into a post’s root at once, and into a root attached a frame later before that frame', () => {
    const c = clock();
    const ready = document.createElement('shreddit-post');
    ready.attachShadow({ mode: 'open' });
    document.body.append(ready);
    const hider = installShadowHiding(document, reddit, c.requestFrame, c.setTimer)!;
    expect(styled(ready)).toBe(true);

    const late = document.createElement('shreddit-post');
    document.body.append(late);
    hider.added([late]);
    expect(c.frames).toHaveLength(1);
    late.attachShadow({ mode: 'open' });
    c.frame();
    expect(styled(late)).toBe(true);
    expect(c.frames).toHaveLength(0); // nothing left to wait for: no more frames
    expect(c.timers).toHaveLength(0);
  });

  it('stops asking for frames for a host that never gets a root, and checks it twice a second instead', () => {
    const c = clock();
    const hider = installShadowHiding(document, reddit, c.requestFrame, c.setTimer)!;
    const rootless = document.createElement('shreddit-post');
    document.body.append(rootless);
    hider.added([rootless]);
    let frames = 0;
    while (c.frames.length && frames < 1000) {
      c.frame();
      frames++;
    }
    expect(frames).toBe(FAST_RETRY_FRAMES);
    expect(c.timers.map((t) => t.ms)).toEqual([SLOW_RETRY_MS]);
    c.tick();
    expect(c.frames).toHaveLength(0);
    expect(c.timers).toHaveLength(1); // still checked, slowly

    // Its root arrives at last (a custom element upgraded late): styled at the next check, then quiet.
    rootless.attachShadow({ mode: 'open' });
    c.tick();
    expect(styled(rootless)).toBe(true);
    expect(c.timers).toHaveLength(0);
    expect(c.frames).toHaveLength(0);
  });

  it('gives a host arriving during the slow checks its frames at once, and forgets hosts that left', () => {
    const c = clock();
    const hider = installShadowHiding(document, reddit, c.requestFrame, c.setTimer)!;
    const rootless = document.createElement('shreddit-post');
    document.body.append(rootless);
    hider.added([rootless]);
    for (let i = 0; i < FAST_RETRY_FRAMES; i++) c.frame();
    expect(c.timers).toHaveLength(1);

    const next = document.createElement('shreddit-post');
    document.body.append(next);
    hider.added([next]);
    expect(c.frames).toHaveLength(1); // not left until the timer
    next.attachShadow({ mode: 'open' });
    c.frame();
    expect(styled(next)).toBe(true);

    rootless.remove();
    c.frame();
    c.tick();
    expect(c.frames).toHaveLength(0);
    expect(c.timers).toHaveLength(0);
  });
});
