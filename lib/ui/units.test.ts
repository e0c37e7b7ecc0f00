import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCatalog } from '@/tests/unit/catalogs';
import { counted } from './counted';
import { formatBytes, formatClock, formatMegabytes } from './format';

const english = fakeBrowser.i18n.getMessage;
afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

async function speak(language: string) {
  const catalog = await loadCatalog(language);
  fakeBrowser.i18n.getMessage = (key: string) => catalog.get(key) ?? '';
}

describe('counts with their nouns, in the UI language', () => {
  it('follow German grammar and digits', async () => {
    await speak('de');
    expect(counted(1, 'post')).toBe('1 Beitrag');
    expect(counted(12_400, 'post')).toBe('12.400 Beiträge');
    expect(counted(2, 'snapshot')).toBe('2 Messpunkte');
  });

  it('use Japanese’s single form for every number', async () => {
    await speak('ja');
    expect(counted(1, 'post')).toContain('投稿');
    expect(counted(3, 'post').replace('3', '1')).toBe(counted(1, 'post'));
  });

  it('read "1 post" and "2 posts" in English', () => {
    expect([counted(1, 'post'), counted(2, 'post')]).toEqual(['1 post', '2 posts']);
  });
});

describe('sizes and times of day', () => {
  it('name byte units as each language does', () => {
    expect(formatBytes(12.5 * 1024 ** 2, 'fr')).toMatch(/^12,5\s?Mo$/);
    expect(formatBytes(300 * 1024, 'en')).toBe('300 kB');
    expect(formatBytes(2.25 * 1024 ** 3, 'de')).toMatch(/^2,3\s?GB$/);
    // Never "0 kB" for a store that holds something.
    expect(formatBytes(10, 'en')).toBe('1 kB');
    expect(formatMegabytes(1024 ** 3, 'en')).toBe('1,024 MB');
  });

  it('give times of day in the language’s own clock', () => {
    const at = new Date(2026, 10, 22, 14, 5).getTime();
    expect(formatClock(at, 'de')).toBe('14:05');
    expect(formatClock(at, 'en-US')).toMatch(/^02:05\s?PM$/);
  });
});
