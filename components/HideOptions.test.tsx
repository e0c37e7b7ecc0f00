/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { SNOOZE_MS, defaultSettings, type Settings } from '@/lib/settings/settings';
import { HideOptions } from './HideOptions';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function mount(initial: Settings) {
  let settings = initial;
  const container = document.createElement('div');
  document.body.append(container);
  const draw = () =>
    render(
      <HideOptions settings={settings} now={NOW} save={(change) => ((settings = change(settings)), draw())} />,
      container,
    );
  act(draw);
  return { container, current: () => settings };
}

const switchNamed = (root: Element, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button[role="switch"]')].find(
    (b) => b.getAttribute('aria-label') === name,
  )!;

const modeOf = (root: Element, metric: string) =>
  [...root.querySelectorAll('.metric-modes label')]
    .find((l) => l.textContent?.includes(metric))!
    .querySelector('select')!;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the hiding settings', () => {
  it('offers a switch for every site and a mode for every count, reflecting the settings', () => {
    const { container } = mount(defaultSettings());
    for (const name of [
      'X',
      'Instagram',
      'TikTok',
      'YouTube',
      'Facebook',
      'LinkedIn',
      'Reddit',
      'Bluesky',
      'Threads',
      'Mastodon',
    ]) {
      expect(switchNamed(container, name).getAttribute('aria-checked'), name).toBe('false');
    }
    expect(modeOf(container, 'Likes and reactions').value).toBe('hidden');
    expect(modeOf(container, 'Follower and following counts')).toBeDefined();
  });

  it('sets how a count shows on the chosen site only', () => {
    const { container, current } = mount(defaultSettings());
    const site = [...container.querySelectorAll('select')].find((s) => s.querySelector('option[value="reddit"]'))!;
    act(() => {
      site.value = 'reddit';
      site.dispatchEvent(new Event('change'));
    });
    const replies = modeOf(container, 'Replies and comments');
    act(() => {
      replies.value = 'coarse';
      replies.dispatchEvent(new Event('change'));
    });
    expect(current().hide.modes.reddit.replies).toBe('coarse');
    expect(current().hide.modes.x.replies).toBe('hidden');
  });

  it('switches Feedlens off on one site', () => {
    const { container, current } = mount(defaultSettings());
    act(() => switchNamed(container, 'Off on Reddit').click());
    expect(current().offSites.reddit).toBe(true);
    expect(current().offSites.x).toBe(false);
    expect(switchNamed(container, 'Off on Reddit').getAttribute('aria-checked')).toBe('true');
  });

  it('turns peeking, the own-posts exception and the wellbeing choices on and off', () => {
    const { container, current } = mount(defaultSettings());
    act(() => switchNamed(container, 'Hold to peek').click());
    expect(current().hide.peek).toBe(true);
    act(() => switchNamed(container, 'Keep reading while counts are hidden').click());
    expect(current().hide.keepReading).toBe(false);
    act(() => switchNamed(container, 'Hide Feedlens’s own numbers too').click());
    expect(current().hide.hideFeedlensFigures).toBe(false);
    expect(switchNamed(container, 'Hold to peek').getAttribute('aria-checked')).toBe('true');
  });

  it('snoozes for 15 minutes and says until when', () => {
    const { container, current } = mount(defaultSettings());
    const snooze = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Show for 15 minutes')!;
    const before = Date.now();
    act(() => snooze.click());
    expect(current().hide.snoozeUntil).toBeGreaterThanOrEqual(before + SNOOZE_MS);
    const { container: again } = mount({ ...current(), hide: { ...current().hide, snoozeUntil: NOW + SNOOZE_MS } });
    expect(again.querySelector('.snooze')?.textContent).toMatch(/Counts are showing until/);
  });

  it('edits the schedule: days and hours', () => {
    const { container, current } = mount(defaultSettings());
    act(() => switchNamed(container, 'Only at certain times').click());
    expect(current().hide.schedule.enabled).toBe(true);
    const sunday = container.querySelector<HTMLInputElement>('.days input')!;
    act(() => {
      sunday.checked = false;
      sunday.dispatchEvent(new Event('change'));
    });
    expect(current().hide.schedule.days).toEqual([1, 2, 3, 4, 5, 6]);
    const [from] = container.querySelectorAll<HTMLInputElement>('input[type="time"]');
    act(() => {
      from!.value = '07:30';
      from!.dispatchEvent(new Event('change'));
    });
    expect(current().hide.schedule.from).toBe(7 * 60 + 30);
  });
});
