import { writeExportFile } from './export-file';
import { launch, waitFor } from './browser/harness';
const path = '/tmp/w1b/f.json';
const gen = await writeExportFile(path, { posts: 5000, perPost: 10 });
console.log('file', gen, (gen.bytes / 1e6).toFixed(1), 'MB');
const h = await launch();
const page = await h.extensionPage('options.html');
page.on('console', (m) => console.log('page:', m.text()));
h.serviceWorker.on('console', (m) => console.log('sw:', m.text()));
await page.evaluate(() => { (window as any).longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).longest = Math.max((window as any).longest, e.duration); }).observe({ type: 'longtask', buffered: true }); });
const t = Date.now();
await page.locator('input[type=file]').setInputFiles(path);
let last = '';
await waitFor(async () => {
  const s = (await page.locator('.import').textContent()) ?? '';
  if (s !== last) { last = s; console.log(((Date.now() - t) / 1000).toFixed(1), s.slice(0, 200)); }
  return /Imported|refused|nothing was/i.test(s) && !/Checking|Saving/.test(s);
}, 'import', 600_000);
console.log('took', (Date.now() - t) / 1000, 's; longest task', await page.evaluate(() => (window as any).longest));
console.log('stored', (await h.storeContents('posts')).length);
// export
const t2 = Date.now();
const dl = page.waitForEvent('download', { timeout: 600_000 });
await page.getByRole('button', { name: 'Export all data' }).click();
const d = await dl;
console.log('export took', (Date.now() - t2) / 1000, 's', await d.path());
await h.close();
