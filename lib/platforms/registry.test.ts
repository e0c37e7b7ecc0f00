/**
 * The meta-test: every adapter comes with everything the house style asks of it, so a new
 * platform cannot land half-done.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { PLATFORM_IDS } from '../model';
import { realCaptureFiles, realCapturesAvailable, SKIP_NOTE } from './real-captures';
import { ADAPTERS, adapterById, adapterForUrl } from './registry';

const ROOT = resolve(__dirname, '../..');
const here = (...parts: string[]) => join(ROOT, ...parts);
const FIXTURES = readdirSync(here('lib/platforms/fixtures'));

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s adapter', (id, adapter) => {
  it('lives in its own file, with unit, conformance and browser tests beside it', () => {
    expect(existsSync(here(`lib/platforms/${id}.ts`))).toBe(true);
    expect(existsSync(here(`lib/platforms/${id}.test.ts`))).toBe(true);
    expect(existsSync(here(`lib/platforms/${id}.conformance.test.ts`))).toBe(true);
    expect(existsSync(here(`tests/browser/platforms/${id}.test.ts`))).toBe(true);
  });

  it('has hand-written fixtures in at least two UI languages, and its unit test uses them', () => {
    const own = FIXTURES.filter((f) => f.startsWith(`${id}-`) && f.endsWith('.html'));
    expect(own.length).toBeGreaterThanOrEqual(2);
    const langs = new Set(
      own.map((f) => /<html[^>]*\slang="([^"]+)"/.exec(readFileSync(here('lib/platforms/fixtures', f), 'utf8'))?.[1]),
    );
    langs.delete(undefined);
    expect(langs.size).toBeGreaterThanOrEqual(2);
    const test = readFileSync(here(`lib/platforms/${id}.test.ts`), 'utf8');
    for (const fixture of own) expect(test, `${fixture} is not used by ${id}.test.ts`).toContain(fixture);
  });

  it('has a thin content script wired to it', () => {
    const entry = readFileSync(here(`entrypoints/${id}.content.ts`), 'utf8');
    expect(entry).toContain(`@/lib/platforms/${id}`);
    expect(entry.split('\n').length).toBeLessThan(25);
  });

  it('says how to hide each of its counts', () => {
    const selectors = [...Object.values(adapter.hide), ...Object.values(adapter.collapse ?? {})].flat();
    expect(adapter.hide.likes?.length ?? adapter.collapse?.likes?.length ?? 0).toBeGreaterThan(0);
    // Whether each selector parses is checked in Chromium (tests/browser/hiding.test.ts).
    for (const selector of selectors) {
      expect(selector, 'hashed class names break with every deploy').not.toMatch(/\.(css|r|x)-?[0-9a-z]{5,}\b/);
    }
  });

  it('matches its test URLs, and no other adapter does', () => {
    expect(adapter.testUrls.length).toBeGreaterThan(0);
    const patterns = adapter.matches.map((m) => new MatchPattern(m));
    for (const url of adapter.testUrls) {
      expect(
        patterns.some((p) => p.includes(url)),
        url,
      ).toBe(true);
      expect(adapterForUrl(url)?.id, url).toBe(id);
      for (const other of ADAPTERS.filter((a) => a.id !== id)) {
        expect(
          other.matches.some((m) => new MatchPattern(m).includes(url)),
          `${other.id} also matches ${url}`,
        ).toBe(false);
      }
    }
  });
});

describe('registry', () => {
  it('covers every platform Feedlens supports', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...PLATFORM_IDS].sort());
  });

  it('has exactly one demo page per platform, served where its adapter runs', () => {
    for (const adapter of ADAPTERS) {
      const demos = FIXTURES.filter((f) => f.startsWith(`${adapter.id}-`)).filter((f) =>
        readFileSync(here('lib/platforms/fixtures', f), 'utf8').includes('name="feedlens:demo"'),
      );
      expect(demos, adapter.id).toHaveLength(1);
      const url = /<meta name="feedlens:url" content="([^"]+)"/.exec(
        readFileSync(here('lib/platforms/fixtures', demos[0]!), 'utf8'),
      )?.[1];
      expect(adapterForUrl(url)?.id, `${demos[0]} is served at ${url}`).toBe(adapter.id);
    }
  });

  it('finds an adapter by id, and none for an id it does not know', () => {
    for (const adapter of ADAPTERS) expect(adapterById(adapter.id)).toBe(adapter);
    expect(adapterById('myspace' as never)).toBeUndefined();
  });

  it('runs on https pages only, and never on an address that does not parse', () => {
    expect(adapterForUrl('https://www.reddit.com/r/x')?.id).toBe('reddit');
    expect(adapterForUrl('http://www.reddit.com/r/x')).toBeUndefined();
    expect(adapterForUrl('not a url')).toBeUndefined();
    expect(adapterForUrl(undefined)).toBeUndefined();
    expect(adapterForUrl('')).toBeUndefined();
  });

  it('runs on a server the user added, whatever case its address is typed in', () => {
    const extra = { mastodon: ['social.example'] };
    expect(adapterForUrl('https://Social.Example/home', extra)?.id).toBe('mastodon');
    expect(adapterForUrl('https://social.example/home')).toBeUndefined();
    expect(adapterForUrl('https://other.example/home', extra)).toBeUndefined();
    expect(adapterForUrl('https://other.example/home', { bluesky: ['social.example'] })).toBeUndefined();
  });

  it('has one adapter per id', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
  });

  it('has no content script without an adapter', () => {
    const scripts = readdirSync(here('entrypoints'))
      .filter((f) => f.endsWith('.content.ts'))
      .map((f) => f.replace('.content.ts', ''));
    expect(scripts.sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });
});

/**
 * Conformance cannot pass by leaving a capture out: every capture in a platform's folder of
 * ../shared/fixtures/real is named in that platform's conformance test, which reads it and asserts
 * counts; a platform with no capture says so in a test title, and asserts its folder is empty.
 */
describe.skipIf(!realCapturesAvailable)(
  `conformance coverage of the real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it.each(ADAPTERS.map((adapter) => adapter.id))(
      '%s: every capture has its counts asserted, or it has none',
      (id) => {
        const test = readFileSync(here(`lib/platforms/${id}.conformance.test.ts`), 'utf8');
        const captures = realCaptureFiles(id);
        if (captures.length === 0) {
          expect(test, `${id} has no capture: its conformance test must say so`).toMatch(/no real capture exists/i);
          expect(test).toContain(`realCaptureFiles('${id}')).toEqual([])`);
          return;
        }
        for (const capture of captures)
          expect(test, `${capture} is not read in ${id}.conformance.test.ts`).toContain(capture);
        // The capture is parsed and read by the adapter (directly or through a local helper).
        expect(test).toContain('loadRealCapture(');
        expect(test).toMatch(new RegExp(`\\b${id}\\.(read|scan|scanPosts)\\(`));
        expect(test).toMatch(/counts/);
      },
    );
  },
);
