import { defaultSettings } from '../../lib/settings/settings';
import { launch, waitFor } from '../browser/harness';
import { extensionScriptMs } from './own-js';
import { FEEDS, loadFeed, FEED_POSTS } from './feeds';
const feed = FEEDS.find((f) => f.site === (process.env.SITE ?? 'x'))!;
const dirs = process.argv.slice(2);
const hs = [];
for (const d of dirs) {
  const h = await launch({ extensionDir: d });
  await h.saveSettings(defaultSettings());
  hs.push(h);
}
const res: number[][] = dirs.map(() => []);
const badges: number[][] = dirs.map(() => []);
for (let r = 0; r < Number(process.env.ROUNDS ?? 4); r++) {
  for (let i = 0; i < hs.length; i++) {
    const k = (i + r) % hs.length;
    const h = hs[k]!;
    const { page, tabId } = await h.openTab(feed.url);
    await waitFor(async () => ((await h.readerStats(tabId).catch(() => null))?.posts ?? 0) > 0, 'read');
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const t = async () =>
      ((await cdp.send('Performance.getMetrics')) as any).metrics.find((m: any) => m.name === 'ThreadTime').value *
      1000;
    const before = await t();
    let maxB = 0;
    const poll = setInterval(
      () =>
        page
          .evaluate(() => document.querySelectorAll('feedlens-badge').length)
          .then(
            (n) => (maxB = Math.max(maxB, n)),
            () => 0,
          ),
      200,
    );
    await loadFeed(page, feed);
    clearInterval(poll);
    res[k]!.push((((await t()) - before) / FEED_POSTS) * 1000);
    badges[k]!.push(maxB);
    await cdp.detach();
    await page.close();
  }
}
const own: number[][] = dirs.map(() => []);
for (let r = 0; r < Number(process.env.TRACED ?? 2); r++) for (let k = 0; k < hs.length; k++) {
  const h = hs[k]!;
  const { page, tabId } = await h.openTab(feed.url);
  await waitFor(async () => ((await h.readerStats(tabId).catch(() => null))?.posts ?? 0) > 0, 'read');
  own[k]!.push((await extensionScriptMs(page, () => loadFeed(page, feed))) / FEED_POSTS * 1000);
  await page.close();
}
dirs.forEach((d, i) => console.log(d, 'own JS µs/post', own[i]!.map((x) => x.toFixed(0)).join(' ')));
for (const h of hs) await h.close();
dirs.forEach((d, i) =>
  console.log(
    d,
    'µs/post',
    res[i]!.map((x) => x.toFixed(0)).join(' '),
    'median',
    [...res[i]!].sort((a, b) => a - b)[Math.floor(res[i]!.length / 2)]!.toFixed(0),
    'max badges',
    badges[i]!.join(' '),
  ),
);
