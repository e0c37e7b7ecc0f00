import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  bumpStoreGeneration,
  loadHealth,
  onStoreGenerationChanged,
  saveHidingFallback,
  saveSiteHealth,
} from './status-store';

const AT = Date.parse('2026-11-22T12:00:00Z');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('per-site health', () => {
  it('keeps reading status and hiding fallback side by side, whichever arrives first', async () => {
    await Promise.all([
      saveHidingFallback('x', { hidden: 2, examples: ['button > b: "12"'] }, AT),
      saveSiteHealth('x', { status: 'paused', at: AT + 1 }),
      saveSiteHealth('reddit', { status: 'reading', at: AT + 2 }),
    ]);
    expect(await loadHealth()).toEqual({
      x: { status: 'paused', at: AT + 1, hidingFallback: { hidden: 2, examples: ['button > b: "12"'], at: AT } },
      reddit: { status: 'reading', at: AT + 2 },
    });
    // A later status keeps the fallback; a later fallback replaces it.
    await saveSiteHealth('x', { status: 'reading', at: AT + 3 });
    await saveHidingFallback('x', { hidden: 5, examples: [] }, AT + 4);
    expect((await loadHealth()).x).toEqual({
      status: 'reading',
      at: AT + 3,
      hidingFallback: { hidden: 5, examples: [], at: AT + 4 },
    });
  });
});

describe('the store generation', () => {
  it('tells the background when someone else rewrote post records, and only then', async () => {
    const changed = vi.fn();
    onStoreGenerationChanged(changed);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.sync.set({ storeGeneration: 1 });
    expect(changed).not.toHaveBeenCalled();
    await bumpStoreGeneration();
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
  });
});
