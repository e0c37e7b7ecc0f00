/** @vitest-environment happy-dom */
/**
 * Notification counts (the unread badges in a site's navigation): on every site that shows a
 * number there, its adapter hides exactly that number, never the link, the icon or the label
 * beside it. The sites without one say why. (That the badges are hidden from the first frame,
 * keep their boxes and leave the links clickable is proved in Chromium: tests/browser/hiding.test.ts.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlatformId } from '../model';
import { ADAPTERS } from './registry';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Sites whose web navigation shows no number to hide. */
const NO_NUMBER: Partial<Record<PlatformId, string>> = {
  // Instagram and Threads mark new activity with a dot, not a count.
  instagram: 'a dot, no number',
  threads: 'a dot, no number',
  // TikTok's web inbox badge has no stable hook known (no test id, hashed classes only).
  tiktok: 'no stable hook',
};

const fixtures = (id: string) =>
  readdirSync(FIXTURES)
    .filter((file) => file.startsWith(`${id}-`) && file.endsWith('.html'))
    .map((file) => ({
      file,
      doc: new DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html'),
    }));

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s', (id, adapter) => {
  it('hides its notification count, or says why it has none', () => {
    const selectors = adapter.hide.notifications ?? [];
    expect(selectors.length > 0, `${id}: selectors, or a reason in NO_NUMBER`).toBe(!(id in NO_NUMBER));
  });
});

const WITH_BADGES = ADAPTERS.filter((adapter) => adapter.hide.notifications?.length);

it('covers the seven sites whose navigation shows a number', () => expect(WITH_BADGES).toHaveLength(7));

describe.each(WITH_BADGES.map((adapter) => [adapter.id, adapter] as const))('%s', (id, adapter) => {
  const selectors = adapter.hide.notifications!;

  it('hides only the number: no link, button, icon or word goes with it', () => {
    const found = fixtures(id).flatMap(({ file, doc }) =>
      selectors.flatMap((selector) => [...doc.querySelectorAll(selector)].map((element) => ({ file, element }))),
    );
    // A fixture of the site draws its navigation with a badge.
    expect(found.length).toBeGreaterThan(0);
    for (const { file, element } of found) {
      expect(element.textContent!.trim(), file).toMatch(/^\d+\+?$/);
      expect(element.querySelector('svg, a, button, [role="button"]'), file).toBeNull();
      if (element.matches('a[href]')) {
        // Only a link that repeats one beside it (old Reddit's count after its envelope) may go.
        const same = [...element.ownerDocument.querySelectorAll(`a[href="${element.getAttribute('href')}"]`)];
        expect(same.filter((link) => link !== element).length, file).toBeGreaterThan(0);
      } else expect(element.matches('button, [role="button"], [role="tab"]'), file).toBe(false);
    }
  });
});
