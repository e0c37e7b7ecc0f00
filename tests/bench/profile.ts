/**
 * Where Feedlens's main-thread time goes on the X bench feed, by function: a CDP CPU profile of
 * three 500-post scrolls with badges on, then with badges off (FEEDLENS_PROFILE=hiding, badges or
 * no-badges for one configuration), each sample charged to the nearest Feedlens frame on its stack
 * (a browser call such as `append` shown in brackets before it).
 * `npm run bench:profile` builds unminified into /tmp/feedlens-profile first, so names stay readable.
 * A tool for finding what to speed up, not a benchmark: the figures are sampled, on a shared machine.
 */
import { defaultSettings } from '../../lib/settings/settings';
import { launch, waitFor } from '../browser/harness';
import { FEEDS, loadFeed } from './feeds';

const PROFILE_BUILD = '/tmp/feedlens-profile/chrome-mv3';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
};
type ProfiledConfig = 'badges' | 'no-badges' | 'hiding';

async function profileScroll(config: ProfiledConfig) {
  const harness = await launch({ extensionDir: PROFILE_BUILD });
  const s = defaultSettings();
  s.overlay.enabled = config === 'badges';
  if (config === 'hiding') {
    s.hide.enabled = true;
    s.hide.sites.x = true;
  }
  await harness.saveSettings(s);
  const feed = FEEDS.find((f) => f.site === 'x')!;
  const self = new Map<string, number>();
  let total = 0;
  for (let round = 0; round < 3; round++) {
    const { page, tabId } = await harness.openTab(feed.url);
    await waitFor(async () => ((await harness.readerStats(tabId).catch(() => null))?.posts ?? 0) > 0, 'read');
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await loadFeed(page, feed);
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
    };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] ?? 0;
      const n = byId.get(id)!;
      let cur: Node | undefined = n;
      const native = n.callFrame.url.includes('chrome-extension') ? '' : `[${n.callFrame.functionName || '(native)'}] `;
      while (cur && !cur.callFrame.url.includes('chrome-extension')) cur = byId.get(parent.get(cur.id)!);
      if (!cur) return;
      const key = `${native}${cur.callFrame.functionName || '(anon)'}:${cur.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
    await page.close();
  }
  await harness.close();
  console.log(`\n== ${config}: extension-attributed ${(total / 1000 / 3).toFixed(1)} ms per run`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45))
    console.log((v / 1000 / 3).toFixed(2).padStart(8), k);
}
// FEEDLENS_PROFILE=hiding (or badges, no-badges) profiles one configuration; by default badges on and off.
const only = process.env.FEEDLENS_PROFILE as ProfiledConfig | undefined;
for (const config of only ? [only] : (['badges', 'no-badges'] as const)) await profileScroll(config);
