/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '@/lib/settings/settings';
import { OverlayOptions } from './OverlayOptions';

function mount(initial: Settings) {
  let settings = initial;
  const container = document.createElement('div');
  document.body.append(container);
  const draw = () =>
    render(
      <OverlayOptions settings={settings} save={(change) => ((settings = change(settings)), draw())} />,
      container,
    );
  act(draw);
  return { container, current: () => settings };
}

const switchNamed = (root: Element, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button[role="switch"]')].find(
    (b) => b.getAttribute('aria-label') === name,
  )!;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the in-feed badge settings', () => {
  it('turns badges off for one site, keeping the others', () => {
    const { container, current } = mount(defaultSettings());
    expect(container.querySelector('h2')!.textContent).toBe('In-feed badges');
    expect(switchNamed(container, 'Badges on Reddit').getAttribute('aria-checked')).toBe('true');
    act(() => switchNamed(container, 'Badges on Reddit').click());
    expect(current().overlay.sites.reddit).toBe(false);
    expect(current().overlay.sites.x).toBe(true);
    expect(switchNamed(container, 'Badges on Reddit').getAttribute('aria-checked')).toBe('false');
  });

  it('has a main switch that keeps the per-site choices and disables them while off', () => {
    const { container, current } = mount(defaultSettings());
    act(() => switchNamed(container, 'In-feed badges').click());
    expect(current().overlay.enabled).toBe(false);
    expect(current().overlay.sites.x).toBe(true);
    expect(switchNamed(container, 'Badges on X').disabled).toBe(true);
  });

  it('says how badges follow the wellbeing choice', () => {
    const hidden = mount(defaultSettings());
    expect(hidden.container.textContent).toContain('badges are hidden too');
    const kept = defaultSettings();
    kept.hide.hideFeedlensFigures = false;
    expect(mount(kept).container.textContent).toContain('Badges stay where you hide like counts');
  });
});
