/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, withSiteHiding, type Settings } from '@/lib/settings/settings';
import { SiteHideControls } from './SiteHideControls';

const x = { id: 'x', name: 'X' } as const;
// A Tuesday, 10:00 local time.
const NOW = new Date(2026, 10, 24, 10, 0).getTime();

function mount(initial: Settings) {
  let settings = initial;
  const container = document.createElement('div');
  document.body.append(container);
  const draw = () =>
    render(
      <SiteHideControls
        adapter={x}
        settings={settings}
        now={NOW}
        save={(change) => ((settings = change(settings)), draw())}
      />,
      container,
    );
  act(draw);
  return { container, current: () => settings };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('hiding controls in the popup', () => {
  it('turns hiding on for this site only, and then offers a snooze and the counts covered', () => {
    const { container, current } = mount(defaultSettings());
    expect(container.querySelector('details')).toBeNull();
    act(() => container.querySelector<HTMLButtonElement>('button[role="switch"]')!.click());
    expect(current().hide.sites.x).toBe(true);
    expect(current().hide.sites.reddit).toBe(false);
    expect([...container.querySelectorAll('button')].some((b) => b.textContent === 'Show for 15 minutes')).toBe(true);
    const views = [...container.querySelectorAll('label')]
      .find((l) => l.textContent?.includes('Views and plays'))!
      .querySelector('select')!;
    act(() => {
      views.value = 'coarse';
      views.dispatchEvent(new Event('change'));
    });
    expect(current().hide.modes.x.views).toBe('coarse');
    expect(current().hide.modes.reddit.views).toBe('hidden');
  });

  it('switches Feedlens off on this site, and then offers nothing but the way back', () => {
    const { container, current } = mount(withSiteHiding(defaultSettings(), 'x', true));
    const offSwitch = () => container.querySelector<HTMLButtonElement>('button[aria-label="Feedlens off here"]')!;
    act(() => offSwitch().click());
    expect(current().offSites.x).toBe(true);
    expect(container.querySelectorAll('button[role="switch"]')).toHaveLength(1);
    expect(container.textContent).toMatch(/Nothing is read, stored, shown or hidden on X/);
    act(() => offSwitch().click());
    expect(current().offSites.x).toBe(false);
    expect(current().hide.sites.x).toBe(true);
  });

  it('says when the schedule is why counts show right now', () => {
    const on = withSiteHiding(defaultSettings(), 'x', true);
    const evenings = {
      ...on,
      hide: { ...on.hide, schedule: { enabled: true, days: [0, 1, 2, 3, 4, 5, 6], from: 18 * 60, to: 23 * 60 } },
    };
    const { container } = mount(evenings);
    expect(container.textContent).toMatch(/Outside your hiding hours: counts show until/);
  });
});
