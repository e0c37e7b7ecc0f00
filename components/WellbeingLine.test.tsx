/** @vitest-environment happy-dom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WELLBEING_KEY } from '@/lib/wellbeing/today';
import { WellbeingLine } from './WellbeingLine';

const NOW = new Date(2026, 11, 3, 18, 0).getTime();

async function mount(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<WellbeingLine now={() => NOW} />, root));
  return root;
}

afterEach(() => fakeBrowser.reset());

describe('the popup’s wellbeing line', () => {
  it('says what today held, in plural forms, and that it stays on this computer', async () => {
    await fakeBrowser.storage.local.set({
      [WELLBEING_KEY]: { day: '2026-12-03', shownHidden: 12, peeks: 1, snoozes: 0 },
    });
    const root = await mount();
    await vi.waitFor(() => expect(root.textContent).toBe('Today: 12 posts shown without their counts · 1 peek'));
    expect(root.querySelector('p')!.title).toBe('Counted on this computer only; never in an export.');
  });

  it('follows new figures as the background writes them', async () => {
    const root = await mount();
    expect(root.textContent).toBe('');
    await act(async () => {
      await fakeBrowser.storage.local.set({
        [WELLBEING_KEY]: { day: '2026-12-03', shownHidden: 1, peeks: 0, snoozes: 2 },
      });
    });
    await vi.waitFor(() => expect(root.textContent).toBe('Today: 1 post shown without its counts · 2 snoozes'));
  });

  it('shows nothing for yesterday’s figures', async () => {
    await fakeBrowser.storage.local.set({
      [WELLBEING_KEY]: { day: '2026-12-02', shownHidden: 40, peeks: 3, snoozes: 1 },
    });
    const root = await mount();
    // The line's own read started first, so it has answered once this one has.
    await act(async () => void (await fakeBrowser.storage.local.get(WELLBEING_KEY)));
    expect(root.textContent).toBe('');
  });
});
