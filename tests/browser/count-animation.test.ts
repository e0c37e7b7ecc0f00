/**
 * A count that changes while hidden — X animates each change by swapping the number's span, and
 * live updates rewrite it — is never painted, hidden or coarse. A page script counts the first
 * post's likes up one per frame from the moment the page is parsed, and checks every frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplayMode } from '../../lib/settings/modes';
import { defaultSettings } from '../../lib/settings/settings';
import { fixturePage } from '../fixture-pages';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

interface Frame {
  n: number;
  /** Any part of the like count visible right after the change (what this frame paints). */
  visible: boolean;
  /** The coarse label painted over it, if any. */
  label: string | null;
}

/** Counts the first like button up from 0 to `last`, one step per animation frame, as X does. */
const ANIMATION = (last: number) => `<script>(() => {
  const button = document.querySelector('article [data-testid="like"]');
  const frames = (window.__frames = []);
  let n = 0;
  const step = () => {
    const holder = button.querySelector('[data-testid="app-text-transition-container"] > span');
    const next = document.createElement('span');
    next.textContent = String(n);
    holder.replaceChildren(next);
    button.setAttribute('aria-label', n + ' Likes. Like');
    const visible = [...button.querySelectorAll('span')].some((s) => getComputedStyle(s).visibility !== 'hidden');
    const labelled = button.querySelector('[data-feedlens-label]');
    const before = labelled && getComputedStyle(labelled, '::before');
    const label = before && before.content !== 'none' && before.visibility === 'visible' ? before.content : null;
    frames.push({ n, visible, label });
    if (n++ < ${last}) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})();</script>`;

describe.each(['hidden', 'coarse'] as DisplayMode[])('an animated like count on X, %s', (mode) => {
  it('is never painted in any frame of the count-up', async () => {
    const settings = defaultSettings();
    settings.hide.enabled = true;
    settings.hide.sites.x = true;
    settings.hide.modes.x.likes = mode;
    await harness.saveSettings(settings);
    const fixture = fixturePage('x-home-timeline.html');
    const url = 'https://x.com/home?count-up';
    harness.serve(url, fixture.html.replace(/<\/body>/i, `${ANIMATION(60)}</body>`));
    const page = await harness.open(url);
    const frames = await waitFor(
      () =>
        page.evaluate(() => {
          const list = (window as unknown as { __frames: Frame[] }).__frames;
          return list.length > 60 && list;
        }),
      'the count-up to finish',
    );
    expect(
      frames.filter((f) => f.visible).map((f) => f.n),
      'frames painting the number',
    ).toEqual([]);
    const labels = new Set(frames.map((f) => f.label).filter((l) => l !== null));
    if (mode === 'hidden') expect([...labels]).toEqual([]);
    else {
      expect(
        [...labels].every((l) => ['"0"', '"1"', '"1+"'].includes(l!)),
        [...labels].join(),
      ).toBe(true);
      // The label follows the count: it ends at 1+ without the page being touched again.
      await waitFor(
        () =>
          page.evaluate(() => {
            const el = document.querySelector('article [data-testid="like"] [data-feedlens-label]');
            return el?.getAttribute('data-feedlens-label') === '1+' && getComputedStyle(el, '::before').content;
          }),
        'the label to reach 1+',
      );
    }
    await page.close();
  });
});
