/**
 * Coarse counts ("0 / 1 / 1+" in place of the number) in real Chromium, on several platforms'
 * fixture pages: the number is never painted (first frame included), the label appears where the
 * number was, nothing moves, buttons still take clicks, and switching exact / coarse / hidden
 * reaches an open page without reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterById } from '../../lib/platforms/registry';
import type { HideMetric } from '../../lib/platforms/types';
import type { DisplayMode } from '../../lib/settings/modes';
import { defaultSettings, type Settings } from '../../lib/settings/settings';
import { fixturePages } from '../fixture-pages';
import { labelStates, type LabelState } from './coarse-probe';
import { launch, waitFor, type Harness } from './harness';
import { controls, recordFirstFrames, targetsOf, type Styles } from './hide-probe';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

function modes(platform: 'x' | 'reddit' | 'mastodon' | 'bluesky', on: boolean, mode: DisplayMode): Settings {
  const settings = defaultSettings();
  settings.hide.enabled = true;
  settings.hide.sites[platform] = on;
  for (const metric of Object.keys(settings.hide.modes[platform]) as HideMetric[])
    settings.hide.modes[platform][metric] = mode;
  return settings;
}

const states = (page: Page) => page.evaluate(labelStates);
const painted = (list: LabelState[]) => list.filter((s) => s.painted !== null);

const PLATFORMS = ['x', 'reddit', 'mastodon', 'bluesky'] as const;

describe.each(PLATFORMS)('coarse counts on %s', (platform) => {
  const adapter = adapterById(platform)!;
  const targets = targetsOf(adapter).filter((t) => t.mode === 'visibility');
  const fixture = fixturePages().find((p) => p.platform === platform && p.html.length > 0)!;

  it('paints 0 / 1 / 1+ in place of every number, never the number, and nothing moves', async () => {
    await harness.saveSettings(modes(platform, false, 'coarse'));
    const exactPage = await harness.open(fixture.url);
    await waitFor(async () => (await exactPage.evaluate(controls, targets)).length > 0, 'controls to render');
    const exactControls = await exactPage.evaluate(controls, targets);
    await exactPage.close();

    await harness.saveSettings(modes(platform, true, 'coarse'));
    const page = await harness.context.newPage();
    await page.addInitScript(recordFirstFrames, targets);
    await page.goto(fixture.url);
    await waitFor(async () => painted(await states(page)).length > 0, `coarse labels on ${fixture.file}`);
    const first = await page.evaluate(() => (window as unknown as { __firstFrames: Styles }).__firstFrames);
    const firstFrames = first.flatMap((s) => s.hidden);
    expect(firstFrames.length, 'counts found').toBeGreaterThan(0);
    expect(firstFrames.every(Boolean), 'a number was painted in its first frame').toBe(true);

    const labels = await states(page);
    expect(
      labels.every((s) => !s.numberVisible),
      'a labelled number is visible',
    ).toBe(true);
    expect(new Set(painted(labels).map((s) => s.painted))).toSatisfy((set: Set<string>) =>
      [...set].every((label) => ['0', '1', '1+'].includes(label)),
    );

    const after = await page.evaluate(controls, targets);
    expect(
      after.map((c) => `${c.label} ${c.box.join(',')}`),
      'controls moved',
    ).toEqual(exactControls.map((c) => `${c.label} ${c.box.join(',')}`));
    expect(
      after.filter((c) => !c.hit).map((c) => c.label),
      'controls no longer receiving clicks',
    ).toEqual([]);
    await page.close();
  });

  it('switches exact, coarse and hidden on an open page without reload', async () => {
    await harness.saveSettings(modes(platform, true, 'coarse'));
    const page = await harness.open(fixture.url);
    await waitFor(async () => painted(await states(page)).length > 0, 'coarse labels');
    const count = (await states(page)).length;

    await harness.saveSettings(modes(platform, true, 'hidden'));
    await waitFor(async () => painted(await states(page)).length === 0, 'labels gone when hidden');
    expect(
      (await states(page)).every((s) => !s.numberVisible),
      'numbers stay hidden',
    ).toBe(true);

    await harness.saveSettings(modes(platform, true, 'exact'));
    await waitFor(
      async () => (await page.evaluate(controls, targets)).length > 0 && painted(await states(page)).length === 0,
      'exact numbers',
    );
    const shown = await page.evaluate(
      (list) =>
        list.every(({ selector }) =>
          [...document.querySelectorAll(selector)].every((el) => getComputedStyle(el).visibility !== 'hidden'),
        ),
      targets.filter((t) => !t.host),
    );
    expect(shown, 'every number visible again').toBe(true);

    await harness.saveSettings(modes(platform, true, 'coarse'));
    await waitFor(async () => painted(await states(page)).length === count, 'labels back');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await page.close();
  });
});
