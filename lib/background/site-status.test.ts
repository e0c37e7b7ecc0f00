import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCatalog } from '../../tests/unit/catalogs';
import { adapterById } from '../platforms/registry';
import { createSiteStatusRecorder, createStorageStatusTracker } from './site-status';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const x = adapterById('x')!;

function recorder() {
  const deps = { saveSiteHealth: vi.fn(async () => {}), saveHidingFallback: vi.fn(async () => {}), now: () => NOW };
  return { deps, status: createSiteStatusRecorder(deps) };
}

describe('recording what pages report about a site', () => {
  it('saves a reading status, with its diagnostic when there is one', () => {
    const { deps, status } = recorder();
    status.health(x, { type: 'reader-health', platform: 'x', status: 'reading' });
    expect(deps.saveSiteHealth).toHaveBeenLastCalledWith('x', { status: 'reading', at: NOW });
    const diagnostic = { selector: 'article', locale: 'en', candidates: 3, readings: 0, at: NOW - 5 };
    status.health(x, { type: 'reader-health', platform: 'x', status: 'paused', diagnostic });
    expect(deps.saveSiteHealth).toHaveBeenLastCalledWith('x', {
      status: 'paused',
      at: NOW,
      diagnostic: expect.objectContaining(diagnostic),
    });
  });

  it("drops reports that fail validation, or claim another site than the sender's", () => {
    const { deps, status } = recorder();
    status.health(x, { type: 'reader-health', platform: 'reddit', status: 'reading' });
    status.health(x, { type: 'reader-health', platform: 'x', status: 'broken' });
    status.fallback(x, { type: 'hiding-fallback', platform: 'x', hidden: 0, examples: [] });
    status.fallback(x, { type: 'hiding-fallback', platform: 'reddit', hidden: 2, examples: [] });
    expect(deps.saveSiteHealth).not.toHaveBeenCalled();
    expect(deps.saveHidingFallback).not.toHaveBeenCalled();
  });

  it('saves a hiding fallback with when it happened', () => {
    const { deps, status } = recorder();
    status.fallback(x, { type: 'hiding-fallback', platform: 'x', hidden: 2.5, examples: ['b: "12"'] });
    expect(deps.saveHidingFallback).toHaveBeenCalledWith(
      'x',
      { type: 'hiding-fallback', platform: 'x', hidden: 2, examples: ['b: "12"'] },
      NOW,
    );
  });
});

describe('tracking failed writes to the store', () => {
  it('counts the readings lost while writes fail, and clears the error after the next good write', () => {
    const save = vi.fn(async () => {});
    const tracker = createStorageStatusTracker({ save, now: () => NOW });
    tracker.written();
    expect(save).not.toHaveBeenCalled();
    const full = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    tracker.failed(full, 3);
    tracker.failed(full, 2);
    expect(save).toHaveBeenLastCalledWith({ error: expect.stringContaining('full'), lost: 5, at: NOW });
    tracker.written();
    expect(save).toHaveBeenLastCalledWith(undefined);
    tracker.written();
    expect(save).toHaveBeenCalledTimes(3);
    tracker.failed(new Error('closing'), 1);
    expect(save).toHaveBeenLastCalledWith({ error: expect.stringContaining('closing'), lost: 1, at: NOW });
  });
});

describe('the failed-write notice the popup shows', () => {
  const english = fakeBrowser.i18n.getMessage;
  afterEach(() => {
    fakeBrowser.i18n.getMessage = english;
  });

  it('is in the browser’s language, with the browser’s own error message kept inside', async () => {
    const german = await loadCatalog('de');
    fakeBrowser.i18n.getMessage = (key: string) => german.get(key) ?? '';
    const save = vi.fn(async () => {});
    const tracker = createStorageStatusTracker({ save, now: () => NOW });
    tracker.failed(new DOMException('quota', 'QuotaExceededError'), 1);
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({ error: expect.stringMatching(/^Deine Festplatte/) }),
    );
    tracker.failed(new Error('Connection is closing.'), 1);
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({
        error:
          'Neue Werte konnten nicht gespeichert werden (Connection is closing.). Alles bisher Gespeicherte bleibt erhalten.',
      }),
    );
  });
});
