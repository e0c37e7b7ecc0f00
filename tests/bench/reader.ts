/**
 * What reading costs the page, on CPU time: generated feeds (feeds.ts) scrolled in Chromium with no
 * extension, with Feedlens in three configurations, and with a minimal storing reader. Every
 * configuration runs in its own browser, all open at once, in interleaved rounds (the order rotates
 * each round); each round's figure is paired with the same round's run without any extension.
 */
import type { CDPSession, Page } from 'playwright-core';
import { defaultSettings } from '../../lib/settings/settings';
import { launch, waitFor, type Harness } from '../browser/harness';
import { fixturePage } from '../fixture-pages';
import { FEED_POSTS, FEEDS, loadFeed, type Feed } from './feeds';
import { buildMinimalExtension } from './minimal-extension';
import { extensionScriptMs } from './own-js';

export const CONFIGS = ['none', 'defaults', 'badges-off', 'hiding', 'minimal'] as const;
export type Config = (typeof CONFIGS)[number];
/** An address that no content script matches: the run without any extension's reader. */
const UNMATCHED_ORIGIN = 'https://bench.feedlens.invalid';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface FeedResult {
  feed: Feed['site'];
  /** Extra main-thread CPU per post against no extension, same round (ms). */
  extraPerPost: Record<Exclude<Config, 'none'>, Spread>;
  /** The page's own main-thread CPU per post without any extension (ms). */
  nonePerPost: Spread;
  /** The extension's own JS per post, from traces (ms). */
  ownJsPerPost: Record<Exclude<Config, 'none'>, Spread>;
  /** Badges on the page after a run with defaults. */
  badges: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** FEEDLENS_BENCH_FEEDS=x,reddit runs only those feeds (while iterating on one site). */
function benchFeeds(): Feed[] {
  const only = process.env.FEEDLENS_BENCH_FEEDS?.split(',');
  return only ? FEEDS.filter((feed) => only.includes(feed.site)) : FEEDS;
}

async function threadTimeMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

async function browsers(): Promise<Record<Config, Harness>> {
  const feedlens = async (change?: (s: ReturnType<typeof defaultSettings>) => void) => {
    const harness = await launch();
    const settings = defaultSettings();
    change?.(settings);
    await harness.saveSettings(settings);
    return harness;
  };
  const none = await feedlens();
  for (const feed of FEEDS) none.serve(`${UNMATCHED_ORIGIN}/${feed.site}`, fixturePage(feed.fixture).html);
  return {
    none,
    defaults: await feedlens(),
    'badges-off': await feedlens((s) => (s.overlay.enabled = false)),
    hiding: await feedlens((s) => {
      s.hide.enabled = true;
      for (const feed of FEEDS) s.hide.sites[feed.site] = true;
    }),
    // The minimal reader has no welcome page to wait for.
    minimal: await launch({ extensionDir: await buildMinimalExtension(), keepWelcome: true }),
  };
}

/** Opens the feed's page in `config`'s browser, once its reader has read the page. */
async function openFeed(harness: Harness, config: Config, feed: Feed): Promise<Page> {
  if (config === 'none') return harness.open(`${UNMATCHED_ORIGIN}/${feed.site}`);
  if (config === 'minimal') {
    const page = await harness.open(feed.url);
    await waitFor(
      () => page.evaluate(() => document.documentElement.hasAttribute('data-minimal-reader')),
      'the minimal reader to send',
    );
    return page;
  }
  const { page, tabId } = await harness.openTab(feed.url);
  await waitFor(async () => {
    const stats = await harness.readerStats(tabId).catch(() => null);
    return stats && (config === 'hiding' || stats.posts > 0);
  }, `Feedlens to read ${feed.url}`);
  return page;
}

async function cpuRun(harness: Harness, config: Config, feed: Feed): Promise<number> {
  const page = await openFeed(harness, config, feed);
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await threadTimeMs(cdp);
  await loadFeed(page, feed);
  const spent = (await threadTimeMs(cdp)) - before;
  await cdp.detach();
  await page.close();
  return spent;
}

async function tracedRun(harness: Harness, config: Config, feed: Feed): Promise<{ ms: number; badges: number }> {
  const page = await openFeed(harness, config, feed);
  const ms = await extensionScriptMs(page, () => loadFeed(page, feed));
  const badges = await page.evaluate(() => document.querySelectorAll('feedlens-badge').length);
  await page.close();
  return { ms, badges };
}

export async function benchReader(rounds = 5, tracedRounds = 3): Promise<FeedResult[]> {
  const open = await browsers();
  const results: FeedResult[] = [];
  try {
    for (const feed of benchFeeds()) {
      const extra: Record<Config, number[]> = { none: [], defaults: [], 'badges-off': [], hiding: [], minimal: [] };
      const own: Record<Config, number[]> = { none: [], defaults: [], 'badges-off': [], hiding: [], minimal: [] };
      // Round 0 warms every browser up (first transactions, JIT) and is not counted.
      for (let round = 0; round <= rounds; round++) {
        const order = CONFIGS.map((_, i) => CONFIGS[(i + round) % CONFIGS.length]!);
        const spent = {} as Record<Config, number>;
        for (const config of order) spent[config] = await cpuRun(open[config], config, feed);
        if (round === 0) continue;
        for (const config of CONFIGS.slice(1)) extra[config].push((spent[config] - spent.none) / FEED_POSTS);
        extra.none.push(spent.none / FEED_POSTS);
        console.log(
          `  ${feed.site} round ${round}: ` +
            CONFIGS.map((c) => `${c} ${(c === 'none' ? spent.none : spent[c] - spent.none).toFixed(0)} ms`).join(', '),
        );
      }
      let badges = 0;
      for (let round = 0; round < tracedRounds; round++) {
        for (const config of CONFIGS.slice(1)) {
          const traced = await tracedRun(open[config], config, feed);
          own[config].push(traced.ms / FEED_POSTS);
          if (config === 'defaults') badges = traced.badges;
        }
        console.log(
          `  ${feed.site} traced ${round + 1}: own JS per post ` +
            CONFIGS.slice(1)
              .map((c) => `${c} ${(own[c].at(-1)! * 1000).toFixed(0)} µs`)
              .join(', '),
        );
      }
      const perConfig = (values: Record<Config, number[]>) =>
        Object.fromEntries(CONFIGS.slice(1).map((c) => [c, spread(values[c])])) as FeedResult['extraPerPost'];
      results.push({
        feed: feed.site,
        extraPerPost: perConfig(extra),
        nonePerPost: spread(extra.none),
        ownJsPerPost: perConfig(own),
        badges,
      });
    }
  } finally {
    for (const harness of Object.values(open)) await harness.close();
  }
  return results;
}
